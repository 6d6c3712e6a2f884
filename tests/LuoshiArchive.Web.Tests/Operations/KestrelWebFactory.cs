using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace LuoshiArchive.Web.Tests.Operations;

/// <summary>
/// The app on real Kestrel at 127.0.0.1 (the in-memory test server applies no request-body limit), with an upload
/// limit of 40 MB (above Kestrel's default 30,000,000 bytes) and its log recorded.
/// </summary>
public class KestrelWebFactory : LuoshiWebFactory
{
    public const long UploadLimit = 40L * 1024 * 1024;

    public KestrelWebFactory() => UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));

    public RecordedLogs Logs { get; } = new();

    /// <summary>Starts Kestrel (once) and returns its address, e.g. http://127.0.0.1:41234.</summary>
    public Uri Start()
    {
        StartServer();
        var address = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        return new Uri(address.Replace("[::1]", "127.0.0.1", StringComparison.Ordinal));
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Luoshi:MaxUploadBytes", UploadLimit.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.ConfigureLogging(logging => logging.AddProvider(Logs));
    }
}
