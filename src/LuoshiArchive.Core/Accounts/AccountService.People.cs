namespace LuoshiArchive.Core.Accounts;

/// <summary>
/// The link between a leader account and its person (the 分管委领导 that tasks name as supervising leader): what lets
/// Core tell a leader's own quarterly report and own area from another leader's.
/// </summary>
public sealed partial class AccountService
{
    /// <summary>
    /// An administrator links a leader account to its 分管委领导 (or unlinks it with null). The account's sessions are
    /// renewed, so the change holds from the next request.
    /// </summary>
    public UserAccount LinkPerson(string name, int? personId, Actor actor)
    {
        Access.Demand(actor, Permission.Administer, _audit);
        var account = Find(name) ?? throw new DomainRuleException("账户不存在。");
        if (account.PersonId == personId) return account;
        CheckPerson(account.Name, account.Role, personId);
        var before = Describe(account);
        account.PersonId = personId;
        account.SecurityStamp = NewStamp();
        store.Users.Update(account);
        _audit.Record(actor.Name, "account.changed", $"账户 {account.Name}", $"{before} → {Describe(account)}");
        return account;
    }

    /// <summary>Only a leader account is linked, to a person who is a 分管委领导, and no two accounts to the same one.</summary>
    private void CheckPerson(string accountName, UserRole role, int? personId)
    {
        if (personId is not { } id) return;
        if (role != UserRole.Leader) throw new DomainRuleException("只有委领导账户可以关联分管委领导。");
        if (store.LeaderName(id) is null)
            throw new DomainRuleException("所选人员不是分管委领导：请先在“机构人员”中添加该分管委领导。");
        var other = store.Users.FindOne(u => u.PersonId == id && u.Name != accountName);
        if (other is not null)
            throw new DomainRuleException($"分管委领导“{store.LeaderName(id)}”已关联账户“{other.Name}”，一位领导只关联一个账户。");
    }

    private string PersonNote(UserAccount account) =>
        account.PersonId is { } id ? $"，关联分管委领导 {store.LeaderName(id) ?? $"人员{id}"}" : "";
}
