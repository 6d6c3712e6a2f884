using System.Globalization;
using LuoshiArchive.Core;

namespace LuoshiArchive.Cli;

/// <summary>
/// The CLI's options: the web app's settings that a command needs, read from the environment as the web app reads them
/// (<c>Luoshi__Smtp__Host</c>, <c>Luoshi__Smtp__Port</c>, <c>Luoshi__Smtp__UseTls</c>, <c>Luoshi__Smtp__User</c>,
/// <c>Luoshi__Smtp__Password</c>, <c>Luoshi__Smtp__From</c>, <c>Luoshi__PublicUrl</c>,
/// <c>Luoshi__DepartmentUsersReadAll</c>, <c>Luoshi__IndexPath</c>, <c>Luoshi__AuditKeyPath</c>).
/// </summary>
public static class CliOptions
{
    public static LuoshiOptions From(string storagePath, string database, Func<string, string?> environment)
    {
        string? Setting(string key) => environment("Luoshi__" + key) is { Length: > 0 } value ? value : null;
        var options = new LuoshiOptions
        {
            StoragePath = storagePath, Database = database, IndexPath = Setting("IndexPath") ?? "",
            AuditKeyPath = Setting("AuditKeyPath") ?? "",
        };
        var smtp = options.Smtp;
        smtp.Host = Setting("Smtp__Host") ?? smtp.Host;
        if (Setting("Smtp__Port") is { } port)
            smtp.Port = int.TryParse(port, CultureInfo.InvariantCulture, out var p) ? p
            : throw new DomainRuleException($"环境变量 Luoshi__Smtp__Port 应是端口号，而不是“{port}”。");
        if (Setting("Smtp__UseTls") is { } tls) smtp.UseTls = bool.TryParse(tls, out var t) ? t
            : throw new DomainRuleException($"环境变量 Luoshi__Smtp__UseTls 应是 true 或 false，而不是“{tls}”。");
        smtp.User = Setting("Smtp__User") ?? smtp.User;
        smtp.Password = Setting("Smtp__Password") ?? smtp.Password;
        smtp.From = Setting("Smtp__From") ?? smtp.From;
        options.PublicUrl = Setting("PublicUrl") ?? options.PublicUrl;
        if (Setting("DepartmentUsersReadAll") is { } readAll && bool.TryParse(readAll, out var r))
            options.DepartmentUsersReadAll = r;
        return options;
    }
}
