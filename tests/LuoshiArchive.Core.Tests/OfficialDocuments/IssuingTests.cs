using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using LuoshiArchive.Core.Accounts;
using LuoshiArchive.Core.Dossiers;
using LuoshiArchive.Core.OfficialDocuments;
using LuoshiArchive.Core.Organisation;
using LuoshiArchive.Core.Search;
using LuoshiArchive.Core.Tasks;

namespace LuoshiArchive.Core.Tests.OfficialDocuments;

/// <summary>
/// Drafting a commendation and a criticism from task records, editing, issuing: the number is allocated, the DOCX is
/// filed in the dossier of every task it names and found by its number, and an issued document no longer changes.
/// </summary>
public sealed class IssuingTests : IDisposable
{
    private readonly TempStorage _storage = new(new DateOnly(2018, 6, 28));
    private readonly Actor _office = new("督查科王", UserRole.OfficeSupervisor);
    private readonly KeyTask _done;
    private readonly KeyTask _late;

    public IssuingTests()
    {
        var basic = _storage.Directory.SaveDepartment(new Department { Name = "基础教育处", Code = "JJC" });
        var head = _storage.Directory.SavePerson(new Person { Name = "刘明", Role = PersonRole.Head, DepartmentId = basic.Id });
        var higher = _storage.Directory.SaveDepartment(new Department { Name = "高等教育处", Code = "GJC" });
        _done = _storage.Tasks.Create(new TaskDraft
        {
            Year = 2018, Name = "完善中小学课后服务机制", LeadDepartmentId = basic.Id, Deadline = new DateOnly(2018, 9, 30),
            ExpectedOutcomes = "出台课后服务实施意见", ResponsiblePersonId = head.Id,
            Milestones = [new Milestone { Due = new DateOnly(2018, 6, 30), Description = "形成征求意见稿" }],
        }, Actor.Console());
        _storage.Tasks.MarkMilestone(_done.Code, _done.Milestones[0].Id, true, Actor.Console()); // done on 28 June, due 30 June
        _done = Settled.As(_storage.Store, _done.Code, KeyTaskStatus.Completed);
        _storage.Clock.MoveTo(new DateOnly(2018, 11, 20));
        _late = _storage.Tasks.Create(new TaskDraft
        {
            Year = 2018, Name = "推进高校一流学科建设", LeadDepartmentId = higher.Id, Deadline = new DateOnly(2018, 10, 31),
            Milestones = [new Milestone { Due = new DateOnly(2018, 8, 31), Description = "完成中期评估" }],
        }, Actor.Console());
        _done = _storage.Tasks.Find(_done.Code)!;
    }

    public void Dispose() => _storage.Dispose();

    [Fact]
    public async Task A_commendation_is_drafted_from_the_completed_task_issued_with_the_next_number_and_filed_in_its_dossier()
    {
        var draft = _storage.Documents.StartCommendation([_done.Code], _office);
        var spec = OfficialDocumentService.Spec(draft);
        Assert.Equal("关于对基础教育处予以通报表扬的通报", spec.Title);
        Assert.Equal("天津市教育委员会文件", spec.Mark);
        Assert.True(spec.WantsAutoNumber);
        var fact = Assert.Single(spec.Paragraphs, p => p.Text.Contains("完善中小学课后服务机制"));
        Assert.Contains("基础教育处（责任人：刘明）牵头", fact.Text);
        Assert.Contains("取得“出台课后服务实施意见”等成果", fact.Text);
        Assert.Contains("全部按期完成", fact.Text);
        Assert.Contains(spec.Paragraphs, p => p.Text == "经研究，决定对基础教育处予以通报表扬。" || p.Text.Contains("决定对基础教育处予以通报表扬"));

        // Before confirming, the office is shown the number it will take; showing it takes nothing.
        Assert.Equal("津教委〔2018〕1号", _storage.Documents.NumberToTake(draft));
        Assert.Empty(_storage.Numbers.List(2018));
        _storage.Numbers.Next("津教委", 2018, null, Actor.Console()); // someone else took 1号 meanwhile
        Assert.Equal("津教委〔2018〕2号", _storage.Documents.NumberToTake(draft));
        _storage.SignedOff(draft.Id);
        var issued = await _storage.Documents.IssueAsync(draft.Id, _office);
        Assert.Equal("津教委〔2018〕2号", issued.Number);
        Assert.Equal("津教委〔2018〕2号", _storage.Documents.NumberToTake(issued));
        var filed = Assert.Single(_storage.Dossiers.DossierOf(_done.Id));
        Assert.Equal(EvidenceKind.OutgoingDocument, filed.Kind);
        Assert.Equal("津教委〔2018〕2号", filed.Number);
        Assert.Equal(issued.DocxEvidenceId, filed.Id);
        using (var docx = WordprocessingDocument.Open(_storage.Dossiers.OpenOriginal(filed), false))
        {
            Assert.Empty(new OpenXmlValidator(DocumentFormat.OpenXml.FileFormatVersions.Microsoft365).Validate(docx));
            Assert.Contains("津教委〔2018〕2号", docx.MainDocumentPart!.Document!.InnerText);
        }
        Assert.Single(_storage.Dossiers.Search(new SearchQuery("津教委[2018]2号")).Hits);

        // Issued is final: no edit, and issuing again changes nothing.
        Assert.Throws<DomainRuleException>(() => _storage.Documents.UpdateDraft(draft.Id, spec with { Title = "改标题" }, null, _office));
        Assert.Equal("津教委〔2018〕2号", (await _storage.Documents.IssueAsync(draft.Id, _office)).Number);
        Assert.Equal(2, _storage.Numbers.List(2018).Count);
    }

    [Fact]
    public async Task A_criticism_states_the_facts_and_the_reply_date_and_opens_a_rectification_order_when_issued()
    {
        Assert.Contains("不符合", Assert.Throws<DomainRuleException>(() => _storage.Documents.StartCriticism([_done.Code], _office)).Message);
        var draft = _storage.Documents.StartCriticism([_late.Code], _office);
        var spec = OfficialDocumentService.Spec(draft);
        Assert.Equal("关于对高等教育处予以通报批评的通报", spec.Title);
        var fact = Assert.Single(spec.Paragraphs, p => p.Text.Contains("推进高校一流学科建设"));
        Assert.Contains("完成时限为2018年10月31日", fact.Text);
        Assert.Contains("已逾期20天", fact.Text);
        Assert.Contains("“完成中期评估”节点应于2018年8月31日完成，逾期81天未完成", fact.Text);
        Assert.Contains("档案中没有任何佐证材料", fact.Text);
        Assert.Equal(new DateOnly(2018, 12, 5), draft.ReplyDue);
        Assert.Contains(spec.Paragraphs, p => p.Text.Contains("于2018年12月5日前将整改情况书面报送"));

        // Edited paragraph by paragraph before issue.
        var edited = spec with { Paragraphs = [.. spec.Paragraphs.Take(spec.Paragraphs.Count - 1), new DocumentParagraph(0, "特此通报。")], Note = "此件不予公开" };
        _storage.Documents.UpdateDraft(draft.Id, edited, new DateOnly(2018, 12, 10), _office);

        _storage.SignedOff(draft.Id);
        var issued = await _storage.Documents.IssueAsync(draft.Id, _office);
        Assert.Equal("津教委〔2018〕1号", issued.Number);
        var order = Assert.Single(_storage.Supervision.List(taskId: _late.Id));
        Assert.Equal(new DateOnly(2018, 12, 10), order.Due);
        Assert.Equal([order.Id], _storage.Documents.Find(draft.Id)!.SupervisionOrderIds);
        Assert.Equal("（此件不予公开）", SignatureBlock.Note(OfficialDocumentService.Spec(issued).Note));
    }

    [Fact]
    public async Task An_issued_criticism_opens_a_real_supervision_order_to_the_lead_department_citing_its_number()
    {
        var options = new LuoshiOptions { StoragePath = _storage.Path };
        var progress = new Core.Supervision.ProgressLog(_storage.Store, _storage.Tasks, _storage.Dossiers,
            _storage.Clock, _storage.Audit);
        var supervision = new Core.Supervision.SupervisionService(_storage.Store, _storage.Tasks, progress,
            _storage.Directory, options, _storage.Reading, _storage.Audit);
        var draft = _storage.Documents.StartCriticism([_late.Code], _office);
        _storage.SignedOff(draft.Id);
        var issued = await _storage.Documents.IssueAsync(draft.Id, _office);

        var order = Assert.Single(supervision.List(taskId: _late.Id));
        Assert.Equal(issued.SupervisionOrderIds.Single(), order.Id);
        Assert.Equal(new DateOnly(2018, 12, 5), order.Due);
        Assert.Equal(_late.LeadDepartmentId, order.DepartmentId);
        Assert.Contains("津教委〔2018〕1号", order.What);
    }

    [Fact]
    public void Department_users_and_leaders_cannot_draft_or_issue()
    {
        Assert.Throws<AccessDeniedException>(() => _storage.Documents.StartCommendation([_done.Code], new Actor("处室", UserRole.DepartmentUser, 1)));
        Assert.Throws<AccessDeniedException>(() => _storage.Documents.StartFromTemplate(DocumentGenre.Notice, [], new Actor("领导", UserRole.Leader)));
        Assert.Empty(_storage.Documents.List());
    }

    [Fact]
    public async Task Every_template_drafts_a_document_that_renders_valid_docx()
    {
        foreach (var genre in Enum.GetValues<DocumentGenre>())
        {
            var draft = _storage.Documents.StartFromTemplate(genre, [_late.Code], _office);
            var spec = OfficialDocumentService.Spec(draft);
            Assert.DoesNotContain("{机关名称}", spec.Mark + spec.Signature + spec.Printer);
            using var docx = WordprocessingDocument.Open(new MemoryStream(OfficialDocumentService.Render(spec, OfficialDocumentService.Layout(draft))), false);
            Assert.Empty(new OpenXmlValidator(DocumentFormat.OpenXml.FileFormatVersions.Microsoft365).Validate(docx));
        }
        var minutes = _storage.Documents.List().Single(d => d.Genre == DocumentGenre.Minutes);
        _storage.SignedOff(minutes.Id);
        var issued = await _storage.Documents.IssueAsync(minutes.Id, _office);
        Assert.Equal("", issued.Number);
        Assert.Empty(_storage.Numbers.List(2018));
    }

    [Fact]
    public void A_template_edited_by_the_office_applies_to_the_next_draft()
    {
        var folder = Directory.CreateTempSubdirectory("luoshi-templates-").FullName;
        try
        {
            foreach (var file in Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "templates"))) File.Copy(file, Path.Combine(folder, Path.GetFileName(file)));
            var path = Path.Combine(folder, "commendation.json");
            File.WriteAllText(path, File.ReadAllText(path).Replace("特此通报。", "此次表扬特此通报。"), Encoding.UTF8);
            var templates = new DocumentTemplates(new LuoshiOptions { TemplatesPath = folder });
            var drafting = new Drafting(templates, _storage.Directory, new LuoshiOptions());
            var (spec, _) = drafting.Commendation([_done], new DateOnly(2018, 11, 20), new Dictionary<int, int>());
            Assert.Equal("此次表扬特此通报。", spec.Paragraphs[^1].Text);

            File.WriteAllText(path, "{ broken");
            Assert.Contains("commendation.json 不是有效的 JSON", Assert.Throws<DomainRuleException>(() => templates.Load(DocumentGenre.Commendation)).Message);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
