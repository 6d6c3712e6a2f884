using System.IO.Compression;
using System.Text.Json;
using System.Text.Json.Nodes;
using LuoshiArchive.Core.Dossiers;
using LuoshiArchive.Core.Incoming;
using LuoshiArchive.Core.Storage;

namespace LuoshiArchive.Core.Archive;

/// <summary>
/// The 收文 and 批示 register in an annual bundle: <c>data/incoming.json</c> (every item of the year with its 拟办意见,
/// 批示, task codes, result and state) and the received and reply documents under <c>data/来文来件/</c>; read back by
/// <c>bundle import</c>, the documents linked to the evidence the tasks brought, or stored again when no task had them.
/// </summary>
public sealed class BundleIncoming(IArchiveStore store, DossierService dossiers)
{
    /// <summary>Writes the register and its documents into the bag.</summary>
    public void Write(BagZipWriter bag, int year, DateOnly today)
    {
        var items = store.IncomingItems.Find(i => i.Year == year).OrderBy(i => i.Id).ToList();
        if (items.Count == 0) return;
        var written = new HashSet<string>(StringComparer.Ordinal);
        object? File(int? evidenceId)
        {
            if (evidenceId is not { } id || dossiers.Find(id) is not { } e) return null;
            var name = $"{BundleFiles.IncomingFolder}/{e.Sha256[..12]}-{ArchiveNames.CatalogueFile("", e.Title, e.OriginalFileName).TrimStart('-')}";
            if (written.Add(e.Sha256))
                using (var original = dossiers.OpenOriginal(e))
                    bag.AddPayload(name, original, new DateTimeOffset(DateTime.SpecifyKind(e.AddedAt, DateTimeKind.Utc)),
                        compress: false, recorded: RecordedDigests.Of(e));
            return new { file = name, e.Sha256, e.Title, e.OriginalFileName, kind = e.Kind.ToString(), e.AddedBy, e.AddedAt };
        }
        bag.AddPayload(BundleFiles.Incoming, JsonSerializer.Serialize(items.Select(i => new
        {
            i.Id, kind = i.Kind.ToString(), i.From, i.Number, i.Title, received = i.Received.ToString("yyyy-MM-dd"),
            deadline = i.Deadline?.ToString("yyyy-MM-dd"), state = i.StateOn(today).ToString(), i.RegisteredAt, i.RegisteredBy,
            i.Proposal, i.Instruction, tasks = i.TaskIds.Select(t => store.Tasks.FindById(t)?.Code).OfType<string>(),
            assignedOn = i.AssignedOn?.ToString("yyyy-MM-dd"), i.Result, repliedOn = i.RepliedOn?.ToString("yyyy-MM-dd"),
            doneOn = i.DoneOn?.ToString("yyyy-MM-dd"), document = File(i.EvidenceId), reply = File(i.ReplyEvidenceId),
        }), BundleRecords.Json));
    }

    /// <summary>The documents' blobs, staged and committed before the metadata transaction (as task evidence is).</summary>
    public static IEnumerable<(string Sha256, string File, JsonNode Meta)> Documents(JsonNode register) =>
        register.AsArray().SelectMany(i => new[] { i!["document"], i["reply"] }).OfType<JsonNode>()
            .Select(d => ((string)d["Sha256"]!, (string)d["file"]!, d));

    /// <summary>Inserts the items; runs inside the import's transaction, after the tasks and their evidence.</summary>
    public void Import(JsonNode register, Dictionary<string, Evidence> evidenceBySha, Func<string, int?> taskId,
        Func<JsonNode, Evidence> newEvidence)
    {
        int? Evidence(JsonNode? meta)
        {
            if (meta is null) return null;
            var sha = (string)meta["Sha256"]!;
            if (!evidenceBySha.TryGetValue(sha, out var evidence))
            {
                evidence = newEvidence(meta);
                store.Evidence.Insert(evidence);
                evidenceBySha[sha] = evidence;
            }
            return evidence.Id;
        }
        static DateOnly? Date(JsonNode? node) => node is null ? null : DateOnly.Parse((string)node!);
        foreach (var i in register.AsArray().OfType<JsonNode>())
        {
            store.IncomingItems.Insert(new IncomingItem
            {
                Kind = Enum.Parse<IncomingKind>((string)i["kind"]!), From = (string)i["From"]!, Number = (string?)i["Number"] ?? "",
                Title = (string)i["Title"]!, Received = Date(i["received"])!.Value, Year = Date(i["received"])!.Value.Year,
                Deadline = Date(i["deadline"]), RegisteredAt = i["RegisteredAt"]!.GetValue<DateTime>(),
                RegisteredBy = (string?)i["RegisteredBy"] ?? "",
                Proposal = i["Proposal"]?.Deserialize<IncomingNote>(), Instruction = i["Instruction"]?.Deserialize<IncomingNote>(),
                TaskIds = i["tasks"]!.AsArray().Select(c => taskId((string)c!)).OfType<int>().ToList(),
                AssignedOn = Date(i["assignedOn"]), Result = (string?)i["Result"] ?? "", RepliedOn = Date(i["repliedOn"]),
                DoneOn = Date(i["doneOn"]), EvidenceId = Evidence(i["document"]), ReplyEvidenceId = Evidence(i["reply"]),
            });
        }
    }
}
