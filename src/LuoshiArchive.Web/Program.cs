using LuoshiArchive.Web.Infrastructure;

var builder = WebApplication.CreateBuilder(WebSetup.Options(args));
builder.AddLuoshiWeb();

var app = builder.Build();
// A store held by another process (or written by a newer build) stops the app with its message, exit 1.
if (!app.OpenStore(Console.Error, out var services)) return 1;
app.UseLuoshiWeb();
services.GetAwaiter().GetResult(); // the index and the background jobs' services, built on another core meanwhile
app.Run();
return 0;

/// <summary>Entry point; public so that WebApplicationFactory can start the app in tests.</summary>
public partial class Program;
