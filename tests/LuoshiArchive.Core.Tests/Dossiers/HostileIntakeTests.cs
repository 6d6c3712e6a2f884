using System.Text;
using LuoshiArchive.Core.Accounts;
using LuoshiArchive.Core.Dossiers;
using LuoshiArchive.Core.Tasks;

namespace LuoshiArchive.Core.Tests.Dossiers;

/// <summary>What a hand-made request can slip into intake: a right-to-left override in a file name, a kind no list offers.</summary>
public sealed class HostileIntakeTests : IDisposable
{
    private readonly TempStorage _storage = new(new DateOnly(2018, 3, 1));

    private KeyTask Task() => _storage.Tasks.Create(new TaskDraft { Year = 2018, Name = "接收材料" }, Actor.Console());

    [Fact]
    public async Task A_right_to_left_override_is_dropped_from_the_stored_file_name()
    {
        var code = Task().Code;
        var added = await _storage.Dossiers.AddAsync(new MemoryStream(Encoding.UTF8.GetBytes("报告正文")), "合同\u202Efdp.txt", [code],
            null, Actor.Console());

        Assert.Equal("合同fdp.txt", added.Evidence.OriginalFileName);
    }

    [Fact]
    public async Task A_kind_no_list_offers_is_refused_on_intake_and_on_correction_and_nothing_changes()
    {
        var code = Task().Code;
        await Assert.ThrowsAsync<DomainRuleException>(() => _storage.Dossiers.AddAsync(new MemoryStream(Encoding.UTF8.GetBytes("甲")), "甲.txt",
            [code], new EvidenceDetails { Kind = (EvidenceKind)99 }, Actor.Console()));
        Assert.Equal(0, _storage.Store.Evidence.Count());

        var added = await _storage.Dossiers.AddAsync(new MemoryStream(Encoding.UTF8.GetBytes("乙")), "乙.txt", [code], null, Actor.Console());
        Assert.Throws<DomainRuleException>(() => _storage.Dossiers.UpdateDetails(added.Evidence.Id, new EvidenceDetails { Kind = (EvidenceKind)99 }, Actor.Console()));
        Assert.Equal(EvidenceKind.Other, _storage.Dossiers.Find(added.Evidence.Id)!.Kind);
    }

    public void Dispose() => _storage.Dispose();
}
