namespace LuoshiArchive.Core.Accounts;

/// <summary>
/// Who is acting: the name recorded in histories and the audit trail, and the role and department that
/// <see cref="Access"/> decides with. Every Core service that changes something takes one.
/// </summary>
public sealed record Actor(string Name, UserRole Role, int? DepartmentId = null)
{
    /// <summary>
    /// The operator at the server's console (the CLI, first-run setup): whoever can open the store's files already holds
    /// every right over them, so the console acts as an administrator under a name that says where it came from.
    /// </summary>
    public static Actor Console(string name = "命令行") => new(name, UserRole.Admin);

    public static Actor For(UserAccount account) =>
        new(string.IsNullOrWhiteSpace(account.DisplayName) ? account.Name : account.DisplayName, account.Role, account.DepartmentId);

    public override string ToString() => Name;
}
