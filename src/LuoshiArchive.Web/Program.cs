using LuoshiArchive.Web.Infrastructure;

var builder = WebApplication.CreateBuilder(WebSetup.Options(args));
builder.AddLuoshiWeb();

var app = builder.Build();
app.UseLuoshiWeb();
app.Run();

/// <summary>Entry point; public so that WebApplicationFactory can start the app in tests.</summary>
public partial class Program;
