using System.Net;
using LuoshiArchive.Core.Tests;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace LuoshiArchive.Browser.Tests.Infrastructure;

/// <summary>
/// The real app on real Kestrel at 127.0.0.1 on a free port (the browser needs a socket, not the in-memory TestServer),
/// on a LiteDB store in a temp folder, with a clock fixed at 2018-06-15 12:00 China time.
/// </summary>
public sealed class LuoshiKestrelFactory : WebApplicationFactory<Program>
{
    public string StoragePath { get; } = Path.Combine(Path.GetTempPath(), "luoshi-browser-" + Guid.NewGuid().ToString("N"));
    public TestClock Clock { get; } = new(new DateOnly(2018, 6, 15));

    public LuoshiKestrelFactory() => UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("storage", StoragePath);
        builder.UseEnvironment("Production");
        builder.ConfigureLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
    }

    /// <summary>Starts Kestrel and returns its address, e.g. http://127.0.0.1:41234.</summary>
    public Uri Start()
    {
        StartServer();
        var address = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        return new Uri(address.Replace("[::1]", "127.0.0.1", StringComparison.Ordinal));
    }

    public T Service<T>() where T : notnull => Services.GetRequiredService<T>();

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        try { Directory.Delete(StoragePath, recursive: true); } catch (IOException) { }
    }
}
