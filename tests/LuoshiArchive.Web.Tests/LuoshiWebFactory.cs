using LuoshiArchive.Core.Accounts;
using LuoshiArchive.Core.Tests;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace LuoshiArchive.Web.Tests;

/// <summary>
/// The real app on a real LiteDB store in a temp folder, with a clock fixed at 2018-06-15 and no practical limit on
/// sign-in posts per address.
/// </summary>
public class LuoshiWebFactory : WebApplicationFactory<Program>
{
    public const string AdminName = "office";
    public const string AdminPassword = "Luoshi-2018!";

    public string StoragePath { get; } = Path.Combine(Path.GetTempPath(), "luoshi-web-" + Guid.NewGuid().ToString("N"));
    public TestClock Clock { get; } = new(new DateOnly(2018, 6, 15));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("storage", StoragePath);
        // Test classes sign in dozens of times a minute from one address; Attacks/SignInAttackTests checks the default.
        builder.UseSetting("Luoshi:SignInPostsPerMinute", "100000");
        builder.UseEnvironment("Production");
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
    }

    public T Service<T>() where T : notnull => Services.GetRequiredService<T>();

    /// <summary>Creates the administrator account unless it exists.</summary>
    public void EnsureAdmin()
    {
        var accounts = Service<AccountService>();
        if (accounts.Find(AdminName) is null)
            accounts.Create(AdminName, "办公室张三", AdminPassword, UserRole.Admin);
    }

    public HttpClient NoRedirectClient() => CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        try { Directory.Delete(StoragePath, recursive: true); } catch (IOException) { }
        File.Delete(StoragePath + ".audit-key");
    }
}
