namespace LuoshiArchive.Storage.Postgres;

/// <summary>A table of records and the document properties it is looked up by (the embedded store's indexes).</summary>
internal sealed record PgTable(string Name, params PgIndex[] Indexes)
{
    /// <summary>
    /// Ids without gaps (the audit chain: a missing id means a removed entry). Such a table's id is the highest plus
    /// one, so its writers must hold <see cref="PgStore.LockForWrite"/>; other tables draw ids from a sequence.
    /// </summary>
    public bool Gapless { get; init; }

    /// <summary>Every write is also logged in <c>evidence_changes</c> (what other nodes' indexes follow).</summary>
    public bool LogsChanges { get; init; }

    /// <summary>The sequence the ids come from.</summary>
    public string Sequence => Name + "_ids";

    /// <summary>The statements that create the table and its indexes where they are missing.</summary>
    public IEnumerable<string> CreateStatements()
    {
        yield return $"create table if not exists {Name} (id integer primary key, doc jsonb not null)";
        yield return $"create sequence if not exists {Sequence} as integer";
        foreach (var index in Indexes)
        {
            var unique = index.Unique ? "unique " : "";
            yield return index.Property is { } property
                ? $"create {unique}index if not exists {Name}_{property.ToLowerInvariant()} " +
                  $"on {Name} ((doc->>'{property}'))"
                : $"create index if not exists {Name}_{index.Name} " +
                  $"on {Name} using gin ({index.Expression} jsonb_path_ops)";
        }
    }
}

/// <summary>An index on one document property (<c>doc->>'Property'</c>), or a GIN index on a JSON expression.</summary>
internal sealed record PgIndex(string? Property, bool Unique = false, string Name = "", string Expression = "")
{
    public static PgIndex On(string property) => new(property);
    public static PgIndex UniqueOn(string property) => new(property, Unique: true);
    public static PgIndex Containing(string name, string expression) => new(null, Name: name, Expression: expression);
}
