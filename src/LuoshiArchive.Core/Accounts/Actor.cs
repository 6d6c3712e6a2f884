namespace LuoshiArchive.Core.Accounts;

/// <summary>
/// Who is acting: the name recorded in histories and the audit trail, and the role and department that
/// <see cref="Access"/> decides with. Every Core service that changes something takes one. <paramref name="Account"/>
/// is the sign-in name (unique, unlike the display name; empty at the console); <paramref name="PersonId"/> the person
/// the account is linked to (a leader account's 分管委领导, <see cref="UserAccount.PersonId"/>).
/// </summary>
public sealed record Actor(string Name, UserRole Role, int? DepartmentId = null, string Account = "", int? PersonId = null)
{
    /// <summary>
    /// The operator at the server's console (the CLI, first-run setup): whoever can open the store's files already holds
    /// every right over them, so the console acts as an administrator under a name that says where it came from.
    /// </summary>
    public static Actor Console(string name = "命令行") => new(name, UserRole.Admin);

    public static Actor For(UserAccount account) =>
        new(string.IsNullOrWhiteSpace(account.DisplayName) ? account.Name : account.DisplayName, account.Role,
            account.DepartmentId, account.Name, account.PersonId);

    public override string ToString() => Name;
}
