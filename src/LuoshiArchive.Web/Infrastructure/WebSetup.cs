using System.Security.Claims;
using LuoshiArchive.Core;
using LuoshiArchive.Core.Accounts;
using LuoshiArchive.Web.Api;
using LuoshiArchive.Web.Pages.Public;
using LuoshiArchive.Storage.LiteDb;
using LuoshiArchive.Storage.Postgres;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;

namespace LuoshiArchive.Web.Infrastructure;

/// <summary>The web app's wiring, kept out of Program.cs: services first, then the request pipeline.</summary>
public static class WebSetup
{
    /// <summary>
    /// `dotnet run` starts the app in the directory it was typed in (so ./storage is the folder the user sees), which
    /// has no wwwroot; the pages' static files are then served from the build output, where they are copied.
    /// </summary>
    public static WebApplicationOptions Options(string[] args) => new()
    {
        Args = args,
        ContentRootPath = Directory.Exists(Path.Combine(Directory.GetCurrentDirectory(), "wwwroot"))
            ? Directory.GetCurrentDirectory()
            : AppContext.BaseDirectory,
    };

    public static void AddLuoshiWeb(this WebApplicationBuilder builder)
    {
        Core.Search.EvidenceIndex.WarmUp(); // on another core while the host and the store open
        var options = builder.Configuration.GetSection(LuoshiOptions.Section).Get<LuoshiOptions>() ?? new LuoshiOptions();
        // --storage DIR on the command line arrives as the configuration key "storage".
        options.StoragePath = LuoshiOptions.ResolveStoragePath(builder.Configuration["storage"]);
        if (options.OnPostgres) builder.Services.AddLuoshiCore(options).AddPostgresStore(options);
        else builder.Services.AddLuoshiCore(options).AddLiteDbStore(options, "luoshi-web");
        builder.Services.AddHostedService<IndexRepairAtStartup>();
        builder.Services.AddHostedService<IndexFollowing>();
        // Sign-in cookies and antiforgery tokens valid on every node: the key ring lives in the shared storage folder.
        builder.Services.AddDataProtection().SetApplicationName("LuoshiArchive")
            .PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(options.StoragePath, "keys")));
        builder.Services.AddHostedService<BackupRequestWatcher>();
        builder.Services.AddHostedService<NotificationJob>();
        builder.Services.AddLuoshiApi(options);
        builder.Services.AddRateLimiter(limits => limits.AddPolicy<string, SignInRateLimit>(SignInRateLimit.Policy));

        builder.Services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme)
            .AddCookie(cookie =>
            {
                cookie.LoginPath = "/Account/Login";
                cookie.LogoutPath = "/Account/Logout";
                // A role that may not open a page gets 403 with the status page, and the refusal is audited.
                cookie.Events.OnRedirectToAccessDenied = context =>
                {
                    context.Response.StatusCode = StatusCodes.Status403Forbidden;
                    context.HttpContext.RequestServices.GetRequiredService<Core.Audit.AuditLog>()
                        .Record(context.HttpContext.User.Actor().Name, "access.denied", context.Request.Path, "页面访问被拒绝");
                    return Task.CompletedTask;
                };
                // The account is read again on every request: a changed role or department applies at once, a removed
                // account is signed out.
                cookie.Events.OnValidatePrincipal = RefreshPrincipal;
                cookie.ExpireTimeSpan = options.SessionLifetime;
                cookie.SlidingExpiration = true;
                cookie.Cookie.Name = "luoshi.auth";
                cookie.Cookie.HttpOnly = true;
                cookie.Cookie.SameSite = SameSiteMode.Strict;
                cookie.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            });
        builder.Services.AddAuthorization(auth =>
        {
            auth.FallbackPolicy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build();
            // One policy per permission, named after it: [Authorize(Policy = nameof(Permission.X))] on a page.
            foreach (var permission in Enum.GetValues<Permission>())
                auth.AddPolicy(permission.ToString(), policy => policy.RequireAuthenticatedUser()
                    .RequireAssertion(context => Access.Allows(context.User.Actor(), permission)));
        });
        // Chinese is written as characters, not as &#x...; entities: readable pages, half the bytes.
        builder.Services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(encoder =>
            encoder.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        builder.Services.AddAntiforgery(a => a.Cookie.Name = "luoshi.af");
        builder.Services.AddRazorPages(pages =>
        {
            pages.Conventions.ConfigureFilter(new DomainErrorFilter());
            pages.Conventions.AllowAnonymousToPage("/Account/Login");
            pages.Conventions.AllowAnonymousToPage("/Setup");
            pages.Conventions.AllowAnonymousToPage("/Error");
            pages.Conventions.AllowAnonymousToPage("/Public/Index"); // 向社会公布: the one public page
        });
        builder.AddRequestLimits(options);
    }

    public static void UseLuoshiWeb(this WebApplication app)
    {
        // Behind nginx on the same host: trust X-Forwarded-For/Proto from loopback only (the default known proxy), so
        // the client address and HTTPS scheme are the real ones (the first-run page checks the address).
        if (app.Configuration.GetValue<bool>("ForwardedHeaders:Enabled"))
            app.UseForwardedHeaders(new ForwardedHeadersOptions
            {
                ForwardedHeaders = Microsoft.AspNetCore.HttpOverrides.ForwardedHeaders.XForwardedFor | Microsoft.AspNetCore.HttpOverrides.ForwardedHeaders.XForwardedProto,
            });
        if (!app.Environment.IsDevelopment()) app.UseErrorPage();
        app.Use(async (context, next) =>
        {
            var headers = context.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "same-origin";
            headers.ContentSecurityPolicy =
                "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; frame-ancestors 'none'; form-action 'self'";
            // Pages and downloads carry the archive's content: no browser or proxy keeps a copy. Static files (no
            // endpoint: served before routing) may be cached.
            context.Response.OnStarting(() =>
            {
                if (context.GetEndpoint() is not null && !headers.ContainsKey("Cache-Control")) headers.CacheControl = "no-store";
                return Task.CompletedTask;
            });
            await next();
        });
        app.UseStatusCodePagesWithReExecute("/Status/{0}");
        // API problems outside the body limit: a body refused for its length is a problem+json 413 on /api, not HTML.
        app.Use(Api.ApiProblems.Handle);
        app.UseRequestLimits();
        // Core services refuse what the actor's role or department does not allow; the user sees why, with 403.
        app.Use(async (context, next) =>
        {
            try
            {
                await next();
            }
            catch (AccessDeniedException denied) when (!context.Response.HasStarted)
            {
                context.Items[Pages.StatusModel.MessageKey] = denied.Message;
                context.Response.Clear();
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
            }
        });
        app.UseStaticFiles();
        app.UseRouting();
        app.UseAuthentication();
        app.UseAuthorization();
        // After authorization: the API's budget is per token (the signed-in user); sign-in's is per client address.
        app.UseRateLimiter();
        app.UseLuoshiApi();
        app.MapRazorPages();
        app.MapPublicFeeds();
        app.MapGet("/health", (LuoshiArchive.Core.ILuoshiStore store, LuoshiArchive.Core.Search.EvidenceIndex index, ClaimsPrincipal user) =>
                Health.Check(store, index, user.May(Permission.Administer)))
            .AllowAnonymous();
    }

    /// <summary>
    /// Opens the store before the app serves anything. False, with the reason written to <paramref name="error"/>, when
    /// another process holds it ("storage is in use by …"), a newer build wrote it, or the audit key cannot be used
    /// (a key file inside the storage folder, a damaged one): the app then ends with exit
    /// code 1 instead of an unhandled exception (SIGABRT).
    /// Start-up uses both cores (issue 24): the search index opens on another thread while the store opens here, and
    /// the background jobs' services are built there while the pages are mapped; <paramref name="services"/> ends
    /// when they are built (and fails as the start-up did before, when one cannot be).
    /// </summary>
    public static bool OpenStore(this WebApplication app, TextWriter error, out Task services)
    {
        var index = Task.Run(() => app.Services.GetRequiredService<Core.Search.EvidenceIndex>());
        try
        {
            app.Services.GetRequiredService<LuoshiArchive.Core.ILuoshiStore>();
            app.Services.GetRequiredService<Core.Audit.AuditKey>(); // made here on the first start on an empty store
        }
        catch (Exception e) when (Refusal(e) is { } refusal)
        {
            error.WriteLine(refusal.Message);
            services = index.ContinueWith(_ => { }, TaskScheduler.Default); // ends; its failure does not matter now
            services.Wait();
            return false;
        }
        services = index.ContinueWith(opened =>
        {
            opened.GetAwaiter().GetResult();
            app.Services.GetRequiredService<Core.Dossiers.DossierService>();
            app.Services.GetRequiredService<Core.Notifications.Notifier>();
            app.Services.GetRequiredService<Core.Notifications.MailOutbox>();
        }, TaskScheduler.Default);
        return true;
    }

    private static Exception? Refusal(Exception? e)
    {
        for (; e is not null; e = e.InnerException)
            if (e is Core.Storage.StorageInUseException or Core.Storage.SchemaTooNewException or Core.DomainRuleException)
                return e;
        return null;
    }

    private const string DepartmentClaim = "luoshi:department";
    private const string StampClaim = "luoshi:stamp";
    private const string PersonClaim = "luoshi:person";

    /// <summary>
    /// The signed-in user as Core sees them: display name (recorded in histories and the audit trail), role,
    /// department, sign-in name and linked person. Anonymous requests get a role that is allowed nothing beyond reading.
    /// </summary>
    public static Actor Actor(this ClaimsPrincipal user)
    {
        var name = user.FindFirstValue(ClaimTypes.GivenName) ?? user.Identity?.Name ?? "未登录用户";
        var role = Enum.TryParse<UserRole>(user.FindFirstValue(ClaimTypes.Role), out var r) && user.Identity?.IsAuthenticated == true
            ? r : UserRole.Inspector;
        var account = user.Identity?.IsAuthenticated == true ? user.Identity.Name ?? "" : "";
        return new Actor(name, role, NumberClaim(user, DepartmentClaim), account, NumberClaim(user, PersonClaim));
    }

    private static int? NumberClaim(ClaimsPrincipal user, string type) =>
        int.TryParse(user.FindFirstValue(type), System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : null;

    public static bool May(this ClaimsPrincipal user, Permission permission, Core.Tasks.KeyTask? task = null) =>
        Access.Allows(user.Actor(), permission, task);

    public static ClaimsPrincipal PrincipalFor(UserAccount account)
    {
        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, account.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new(ClaimTypes.Name, account.Name),
            new(ClaimTypes.GivenName, account.DisplayName),
            new(ClaimTypes.Role, account.Role.ToString()),
        };
        claims.Add(new Claim(StampClaim, account.SecurityStamp));
        if (account.DepartmentId is { } department)
            claims.Add(new Claim(DepartmentClaim, department.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        if (account.PersonId is { } person)
            claims.Add(new Claim(PersonClaim, person.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, CookieAuthenticationDefaults.AuthenticationScheme));
    }

    private static Task RefreshPrincipal(CookieValidatePrincipalContext context)
    {
        var name = context.Principal?.Identity?.Name;
        var account = name is null ? null : context.HttpContext.RequestServices.GetRequiredService<AccountService>().Find(name);
        // A cookie from before a sign-out, password, role or department change carries an old stamp: refused.
        if (account is null || account.Disabled || context.Principal!.FindFirstValue(StampClaim) != account.SecurityStamp)
        {
            context.RejectPrincipal();
            return Task.CompletedTask;
        }
        var fresh = PrincipalFor(account);
        var stale = context.Principal!.Actor() != fresh.Actor();
        if (stale)
        {
            context.ReplacePrincipal(fresh);
            context.ShouldRenew = true;
        }
        return Task.CompletedTask;
    }
}
