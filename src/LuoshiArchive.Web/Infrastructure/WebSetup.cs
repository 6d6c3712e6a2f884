using System.Security.Claims;
using LuoshiArchive.Core;
using LuoshiArchive.Core.Accounts;
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
        var options = builder.Configuration.GetSection(LuoshiOptions.Section).Get<LuoshiOptions>() ?? new LuoshiOptions();
        // --storage DIR on the command line arrives as the configuration key "storage".
        options.StoragePath = LuoshiOptions.ResolveStoragePath(builder.Configuration["storage"]);
        builder.Services.AddLuoshiCore(options, "luoshi-web");
        builder.Services.AddHostedService<IndexRepairAtStartup>();
        builder.Services.AddHostedService<BackupRequestWatcher>();

        builder.Services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme)
            .AddCookie(cookie =>
            {
                cookie.LoginPath = "/Account/Login";
                cookie.LogoutPath = "/Account/Logout";
                cookie.AccessDeniedPath = "/Account/Login";
                cookie.ExpireTimeSpan = options.SessionLifetime;
                cookie.SlidingExpiration = true;
                cookie.Cookie.Name = "luoshi.auth";
                cookie.Cookie.HttpOnly = true;
                cookie.Cookie.SameSite = SameSiteMode.Strict;
                cookie.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            });
        builder.Services.AddAuthorization(auth =>
            auth.FallbackPolicy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
        // Chinese is written as characters, not as &#x...; entities: readable pages, half the bytes.
        builder.Services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(encoder =>
            encoder.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        builder.Services.AddAntiforgery(a => a.Cookie.Name = "luoshi.af");
        builder.Services.AddRazorPages(pages =>
        {
            pages.Conventions.AllowAnonymousToPage("/Account/Login");
            pages.Conventions.AllowAnonymousToPage("/Setup");
            pages.Conventions.AllowAnonymousToPage("/Error");
        });
        builder.Services.Configure<Microsoft.AspNetCore.Http.Features.FormOptions>(form =>
            form.MultipartBodyLengthLimit = options.MaxUploadBytes);
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
        if (!app.Environment.IsDevelopment()) app.UseExceptionHandler("/Error");
        app.Use(async (context, next) =>
        {
            var headers = context.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "same-origin";
            headers.ContentSecurityPolicy =
                "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; frame-ancestors 'none'; form-action 'self'";
            await next();
        });
        app.UseStaticFiles();
        app.UseRouting();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapRazorPages();
        app.MapGet("/health", (LuoshiArchive.Core.Storage.LuoshiStore store, LuoshiArchive.Core.Search.EvidenceIndex index) => Health.Check(store, index))
            .AllowAnonymous();
        // Open the store now, not on the first request: a locked store must stop the app at start with its message.
        app.Services.GetRequiredService<LuoshiArchive.Core.Storage.LuoshiStore>();
    }

    /// <summary>The name recorded in task histories for the signed-in user.</summary>
    public static string Actor(this ClaimsPrincipal user) =>
        user.FindFirstValue(ClaimTypes.GivenName) ?? user.Identity?.Name ?? "未知用户";

    public static ClaimsPrincipal PrincipalFor(UserAccount account) =>
        new(new ClaimsIdentity(
        [
            new Claim(ClaimTypes.NameIdentifier, account.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new Claim(ClaimTypes.Name, account.Name),
            new Claim(ClaimTypes.GivenName, account.DisplayName),
            new Claim(ClaimTypes.Role, account.Role.ToString()),
        ], CookieAuthenticationDefaults.AuthenticationScheme));
}
