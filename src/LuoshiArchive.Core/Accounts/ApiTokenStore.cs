using LuoshiArchive.Core.Storage;

namespace LuoshiArchive.Core.Accounts;

/// <summary>Where API tokens are kept: the account store's token records, looked up by the hash of the secret.</summary>
public sealed class ApiTokenStore(IAccountStore store)
{
    private IRecords<ApiToken> Tokens => store.ApiTokens;

    public ApiToken? ByHash(string hash) => Tokens.FindOne(t => t.Hash == hash);

    public ApiToken? ById(int id) => Tokens.FindById(id);

    public IReadOnlyList<ApiToken> OfUser(int userId) =>
        Tokens.Find(t => t.UserId == userId).OrderByDescending(t => t.Id).ToList();

    public void Insert(ApiToken token) => Tokens.Insert(token);

    public void Update(ApiToken token) => Tokens.Update(token);
}
