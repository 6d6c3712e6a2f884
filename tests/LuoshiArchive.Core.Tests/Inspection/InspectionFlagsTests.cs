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
    public void A_dossier_without_minutes_is_flagged()
    {
        var flags = InspectionService.Flags(new KeyTaskBuilder().Build(), [Filed(EvidenceKind.Policy, new(2018, 3, 1))]);
        Assert.Equal(["无会议纪要"], flags);
    }

    [Fact]
    public void A_milestone_reported_done_before_any_evidence_existed_is_flagged()
    {
        var task = new KeyTaskBuilder().WithMilestone(new(2018, 3, 31), done: true).Build();
        task.Milestones[0].DoneOn = new DateOnly(2018, 3, 31);

        var late = InspectionService.Flags(task, [Filed(EvidenceKind.Minutes, new(2018, 5, 1))]);
        var onTime = InspectionService.Flags(task, [Filed(EvidenceKind.Minutes, new(2018, 3, 20))]);

        Assert.Contains("节点“节点1”已完成但无佐证材料", late);
        Assert.Empty(onTime);
    }

    [Fact]
    public void An_incomplete_task_says_which_clarity_is_missing() =>
        Assert.Contains("四明确不完整：缺工作标准",
            InspectionService.Flags(new KeyTaskBuilder().WithStandard("").Build(), [Filed(EvidenceKind.Minutes, null)]));
}
