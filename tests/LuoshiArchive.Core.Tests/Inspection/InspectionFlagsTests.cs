using LuoshiArchive.Core.Dossiers;
using LuoshiArchive.Core.Inspection;
using LuoshiArchive.Core.Tests.Tasks;
using LuoshiArchive.Core.Tasks;

namespace LuoshiArchive.Core.Tests.Inspection;

public class InspectionFlagsTests
{
    private static Evidence Filed(EvidenceKind kind, DateOnly? date) => new() { Kind = kind, Date = date, AddedAt = new DateTime(2018, 6, 1) };

    [Fact]
    public void A_task_without_evidence_is_flagged()
    {
        var flags = InspectionService.Flags(new KeyTaskBuilder().Build(), []);
        Assert.Equal(["无佐证材料"], flags);
    }

    [Fact]
    public void A_dossier_without_minutes_is_flagged_only_when_the_office_counts_it()
    {
        var task = new KeyTaskBuilder().Build();
        IReadOnlyList<Evidence> dossier = [Filed(EvidenceKind.Policy, new(2018, 3, 1))];

        Assert.Empty(InspectionService.Flags(task, dossier));
        Assert.Equal(["无会议纪要"], InspectionService.Flags(task, dossier, new HashSet<InspectionGap> { InspectionGap.NoMinutes }));
    }

    [Fact]
    public void A_step_reported_done_is_flagged_the_same_way_for_every_task_unless_it_names_its_proof()
    {
        // Two tasks in the same state (a step done on 31 March, no proof named), whose dossiers hold evidence of
        // different dates: both are flagged. Before, the one with an earlier unrelated file passed.
        Evidence early = Filed(EvidenceKind.Minutes, new(2018, 3, 20)), late = Filed(EvidenceKind.Minutes, new(2018, 5, 1));
        (early.Id, late.Id) = (11, 12);
        KeyTask Done() => new KeyTaskBuilder().WithMilestone(new(2018, 3, 31), done: true).Build();

        Assert.Equal(["节点“节点1”已完成但未关联佐证材料"], InspectionService.Flags(Done(), [late]));
        Assert.Equal(["节点“节点1”已完成但未关联佐证材料"], InspectionService.Flags(Done(), [early]));

        var proved = Done();
        proved.Milestones[0].EvidenceIds = [11];
        Assert.Empty(InspectionService.Flags(proved, [early]));
        // Proof that has left the dossier proves nothing.
        Assert.NotEmpty(InspectionService.Flags(proved, [late]));
    }

    [Fact]
    public void An_incomplete_task_says_which_clarity_is_missing() =>
        Assert.Contains("四明确不完整：缺工作标准",
            InspectionService.Flags(new KeyTaskBuilder().WithStandard("").Build(), [Filed(EvidenceKind.Minutes, null)]));
}
