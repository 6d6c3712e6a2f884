using LuoshiArchive.Core.Accounts;
using LuoshiArchive.Core.Supervision;
using LuoshiArchive.Core.Tasks;

namespace LuoshiArchive.Core.Tests.Supervision;

public sealed class SupervisionOrderTests : IDisposable
{
    private readonly SupervisionWorld _world = new(new DateOnly(2018, 6, 15));
    private readonly KeyTask _task;

    public SupervisionOrderTests() =>
        _task = _world.Task("推进课后服务全覆盖", _world.Basic, new DateOnly(2018, 12, 31), (new DateOnly(2018, 6, 30), "完成摸底"));

    private SupervisionOrder Issue(Actor? actor = null, string? source = null, int? department = null) =>
        _world.Supervision.Issue(new SupervisionOrderDraft
        {
            TaskCode = _task.Code, What = "报送课后服务摸底情况", Due = new DateOnly(2018, 6, 25), SourceDocument = source, DepartmentId = department,
        }, actor ?? _world.Supervisor);

    [Fact]
    public void An_order_goes_to_the_lead_department_numbered_per_year_and_audited()
    {
        var first = Issue();
        var second = Issue(source: "津教委〔2018〕12号");

        Assert.Equal(("督办〔2018〕1号", "督办〔2018〕2号"), (first.Number, second.Number));
        Assert.Equal(_world.Basic.Id, first.DepartmentId);
        Assert.Equal(SupervisionService.DefaultHowToReply, first.HowToReply);
        Assert.Equal("津教委〔2018〕12号", second.SourceDocument);
        Assert.Equal(SupervisionOrderState.Open, first.StateOn(_world.Storage.Tasks.Today));
        Assert.Equal(2, _world.Storage.Audit.Find(action: "supervision.issued").Count);
    }

    [Theory]
    [InlineData(UserRole.DepartmentUser)]
    [InlineData(UserRole.Inspector)]
    public void Department_users_and_inspectors_issue_no_orders(UserRole role) // leaders: LeaderAreaTests
    {
        var refused = Assert.Throws<AccessDeniedException>(() => Issue(new Actor("某人", role, _world.Basic.Id)));
        Assert.Contains("督查督办", refused.Message);
        Assert.Empty(_world.Supervision.List());
    }

    [Theory]
    [InlineData("", "2018-06-25", "请填写督办事项")]
    [InlineData("报送情况", "2018-06-14", "不能早于今天")]
    public void Bad_orders_are_refused(string what, string due, string reason) =>
        Assert.Contains(reason, Assert.Throws<DomainRuleException>(() => _world.Supervision.Issue(new SupervisionOrderDraft
            { TaskCode = _task.Code, What = what, Due = DateOnly.Parse(due) }, _world.Supervisor)).Message);

    [Fact]
    public async Task The_department_replies_with_a_progress_entry_once_and_another_department_cannot()
    {
        var order = Issue();
        await Assert.ThrowsAsync<AccessDeniedException>(() =>
            _world.Supervision.ReplyAsync(order.Id, new ProgressDraft { Date = new DateOnly(2018, 6, 15), Text = "越权回复" }, [], _world.OfficeClerk));

        var entry = await _world.Supervision.ReplyAsync(order.Id,
            new ProgressDraft { Date = new DateOnly(2018, 6, 15), Text = "摸底已完成，覆盖率92%", NextSteps = "6月底前补齐" },
            [SupervisionWorld.File("摸底情况.txt", "课后服务摸底情况统计表说明")], _world.BasicClerk);

        var answered = _world.Supervision.Find(order.Id)!;
        Assert.Equal((entry.Id, new DateOnly(2018, 6, 15), _world.BasicClerk.Name), (answered.ReplyEntryId, answered.AnsweredOn, answered.AnsweredBy));
        Assert.Equal(order.Id, _world.Progress.Find(entry.Id)!.SupervisionOrderId);
        Assert.Single(_world.Storage.Dossiers.DossierOf(_task.Id));
        await Assert.ThrowsAsync<DomainRuleException>(() =>
            _world.Supervision.ReplyAsync(order.Id, new ProgressDraft { Date = new DateOnly(2018, 6, 15), Text = "再次回复" }, [], _world.BasicClerk));
    }

    [Fact]
    public async Task An_order_to_a_cooperating_department_can_be_answered_by_it()
    {
        var draft = TaskDraft.From(_task);
        draft.CooperatingDepartmentIds = [_world.Office.Id];
        _world.Storage.Tasks.Update(_task.Code, draft, Actor.Console());
        var order = Issue(department: _world.Office.Id);

        var entry = await _world.Supervision.ReplyAsync(order.Id, new ProgressDraft { Date = new DateOnly(2018, 6, 15), Text = "已协助摸底" }, [], _world.OfficeClerk);

        Assert.Equal(_world.Office.Id, entry.DepartmentId);
    }

    [Fact]
    public async Task A_withdrawn_order_is_no_longer_reminded_nor_answerable_and_keeps_who_and_why()
    {
        var order = Issue();
        Assert.Contains(_world.Reminders.Due(30), r => r.OrderId == order.Id);

        var withdrawn = _world.Supervision.Withdraw(order.Id, " 督办对象有误，已另行下发 ", _world.Supervisor);

        Assert.Equal(SupervisionOrderState.Withdrawn, withdrawn.StateOn(new DateOnly(2018, 7, 1)));
        Assert.Equal(("督查科李明", "督办对象有误，已另行下发"), (withdrawn.WithdrawnBy, withdrawn.WithdrawalReason));
        Assert.Equal(new DateOnly(2018, 6, 15), _world.Supervision.Find(order.Id)!.WithdrawnOn);
        Assert.DoesNotContain(_world.Reminders.Due(30), r => r.OrderId == order.Id);
        var reply = await Assert.ThrowsAsync<DomainRuleException>(() => _world.Supervision.ReplyAsync(order.Id,
            new ProgressDraft { Date = new DateOnly(2018, 6, 15), Text = "回复" }, [], _world.BasicClerk));
        Assert.Contains("已于 2018-06-15 撤回", reply.Message);
        Assert.Contains("已于 2018-06-15 撤回", Assert.Throws<DomainRuleException>(() =>
            _world.Supervision.Withdraw(order.Id, "再撤一次", _world.Supervisor)).Message);
        var entry = Assert.Single(_world.Storage.Audit.Find(action: "supervision.withdrawn"));
        Assert.Contains("督办对象有误", entry.Details);
    }

    [Fact]
    public async Task An_answered_order_cannot_be_withdrawn_and_a_reason_is_required()
    {
        var order = Issue();
        Assert.Contains("请填写撤回理由", Assert.Throws<DomainRuleException>(() =>
            _world.Supervision.Withdraw(order.Id, "  ", _world.Supervisor)).Message);
        await _world.Supervision.ReplyAsync(order.Id, new ProgressDraft { Date = new DateOnly(2018, 6, 15), Text = "已完成" },
            [], _world.BasicClerk);

        var refused = Assert.Throws<DomainRuleException>(() => _world.Supervision.Withdraw(order.Id, "误发", _world.Supervisor));

        Assert.Contains("已于 2018-06-15 回复，不能撤回", refused.Message);
        Assert.Equal(SupervisionOrderState.Answered, _world.Supervision.Find(order.Id)!.StateOn(new DateOnly(2018, 7, 1)));
    }

    [Fact]
    public void The_ordered_department_cannot_withdraw_its_own_order_and_the_refusal_is_audited()
    {
        var order = Issue();

        Assert.Throws<AccessDeniedException>(() => _world.Supervision.Withdraw(order.Id, "不想办", _world.BasicClerk));

        Assert.True(_world.Supervision.Find(order.Id)!.IsOutstanding);
        Assert.Contains(_world.Storage.Audit.Find(action: "access.denied"), e => e.Who == _world.BasicClerk.Name);
    }

    [Fact]
    public void The_order_prints_as_a_valid_gbt9704_docx()
    {
        var order = Issue(source: "津教委〔2018〕12号");
        var docx = new MemoryStream();

        _world.Supervision.WriteDocx(order, docx);

        var text = SupervisionWorld.ValidDocxText(docx);
        Assert.StartsWith("天津市教育委员会督办单\n督办〔2018〕1号", text);
        Assert.Contains("基础教育处：", text);
        Assert.Contains("报送课后服务摸底情况", text);
        Assert.Contains("2018年6月25日前", text);
        Assert.Contains("津教委〔2018〕12号", text);
        docx.Position = 0;
        using var document = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Open(docx, false);
        Assert.Contains("w:color w:val=\"FF0000\"", document.MainDocumentPart!.Document.Body!.Elements<DocumentFormat.OpenXml.Wordprocessing.Paragraph>().First().OuterXml);
    }

    public void Dispose() => _world.Dispose();
}
