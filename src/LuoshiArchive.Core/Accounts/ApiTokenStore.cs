using LiteDB;
using LuoshiArchive.Core.Storage;

namespace LuoshiArchive.Core.Accounts;

/// <summary>Where API tokens are kept: the "api_tokens" collection, looked up by the hash of the secret.</summary>
public sealed class ApiTokenStore
{
    private readonly ILiteCollection<ApiToken> _tokens;

    public ApiTokenStore(LuoshiStore store)
    {
        _tokens = store.Database.GetCollection<ApiToken>("api_tokens");
        _tokens.EnsureIndex(t => t.Hash, unique: true);
        _tokens.EnsureIndex(t => t.UserId);
    }

    public ApiToken? ByHash(string hash) => _tokens.FindOne(t => t.Hash == hash);

    public ApiToken? ById(int id) => _tokens.FindById(id);

    public IReadOnlyList<ApiToken> OfUser(int userId) => _tokens.Find(t => t.UserId == userId).OrderByDescending(t => t.Id).ToList();

    public void Insert(ApiToken token) => _tokens.Insert(token);

    public void Update(ApiToken token) => _tokens.Update(token);
}
