using DocumentFormat.OpenXml.Packaging;
using LuoshiArchive.Core.Assessment;
using LuoshiArchive.Core.OfficialDocuments;
using LuoshiArchive.Core.Tests.Supervision;

namespace LuoshiArchive.Core.Tests.Assessment;

public sealed class AssessmentClosingTests : IDisposable
{
    private readonly AssessmentWorld _world = new AssessmentWorld().WithKnownYear();

    private static ScoringScheme Heavier(ScoringScheme scheme, string note)
    {
        var changed = scheme.Copy();
        changed.SourceWeights.Single(w => w.Source == Core.Tasks.TaskSource.Central).Weight = 3m;
        changed.ExcellentPoints = 35;
        changed.Note = note;
        return changed;
    }

    [Fact]
    public void A_scheme_change_alters_an_open_year_but_not_a_closed_one()
    {
        // Open: the new version applies at once.
        var v1 = _world.Schemes.Save(2018, Heavier(_world.Schemes.Current(2018), "提高中央任务权重"), _world.Supervisor);
        Assert.Equal(1, v1.Version);
        var open = _world.Service.Result(2018);
        Assert.Equal((95m, 3.6m), open.Tasks.Where(t => t.Code == "2018-001").Select(t => (t.Score, t.Weight)).Single());

        var closed = _world.Service.Close(2018, _world.Supervisor);
        Assert.True(closed.Closed);

        // Closed: a later version, a new rating and the clock moving on change nothing.
        var v2 = _world.Schemes.Save(2018, ScoringScheme.Defaults(2018), _world.Supervisor);
        Assert.Equal(2, v2.Version);
        Assert.Throws<DomainRuleException>(() => _world.Records.Rate("2018-003", Core.Assessment.ResultLevel.Excellent, null, _world.LeaderActor));
        _world.Clock.MoveTo(new DateOnly(2019, 6, 1));
        _world.Storage.Reopen();
        var service = new AssessmentService(_world.Storage.Store, _world.Storage.Directory,
            new ScoringSchemes(_world.Storage.Store, _world.Clock, _world.Storage.Audit), _world.Storage.Documents,
            _world.Clock, new LuoshiOptions { StoragePath = _world.Storage.Path }, _world.Storage.Reading,
            _world.Storage.Audit);
        var after = service.Result(2018);
        Assert.Equal(1, after.Scheme.Version);
        Assert.Equal(closed.Tasks.Select(t => (t.Code, t.Score, t.Weight)), after.Tasks.Select(t => (t.Code, t.Score, t.Weight)));
        Assert.Equal(closed.Departments.Select(d => (d.Name, d.Score, d.Rank)), after.Departments.Select(d => (d.Name, d.Score, d.Rank)));
        Assert.Equal(closed.Tasks.Single(t => t.Code == "2018-001").Explanation, after.Tasks.Single(t => t.Code == "2018-001").Explanation);
        // The latest scheme would score differently: the closed result is not recomputed.
        Assert.Equal(100m, service.Compute(2018, null, service.Schemes.Current(2018)).Tasks.Single(t => t.Code == "2018-001").Score);
        Assert.Equal([2, 1], service.Schemes.Versions(2018).Select(s => s.Version));
    }

    [Fact]
    public void Only_the_office_closes_a_year_and_reopening_needs_a_reason()
    {
        Assert.Throws<Core.Accounts.AccessDeniedException>(() => _world.Service.Close(2018, _world.LeaderActor));
        _world.Service.Close(2018, _world.Supervisor);
        Assert.Throws<DomainRuleException>(() => _world.Service.Close(2018, _world.Supervisor));
        Assert.Throws<DomainRuleException>(() => _world.Service.Reopen(2018, " ", _world.Supervisor));
        _world.Service.Reopen(2018, "更正评定", _world.Supervisor);
        Assert.False(_world.Service.IsClosed(2018));
    }

    [Fact]
    public void A_scheme_that_breaks_its_rules_is_refused()
    {
        var scheme = ScoringScheme.Defaults(2018);
        scheme.PassPoints = 50;
        var refused = Assert.Throws<DomainRuleException>(() => _world.Schemes.Save(2018, scheme, _world.Supervisor));
        Assert.Contains("递减", refused.Message);
        Assert.Throws<Core.Accounts.AccessDeniedException>(() => _world.Schemes.Save(2018, ScoringScheme.Defaults(2018), _world.LeaderActor));
    }

    [Fact]
    public void The_ranking_starts_a_commendation_of_top_performers_and_a_criticism_of_failures()
    {
        var commendation = _world.Service.StartCommendation(2018, _world.Supervisor);
        Assert.Equal(DocumentGenre.Commendation, commendation.Genre);
        Assert.Equal(["2018-001", "2018-004", "2018-005", "2018-007"],
            _world.Storage.Documents.TasksOf(commendation).Select(t => t.Code).Order());

        var criticism = _world.Service.StartCriticism(2018, _world.Supervisor);
        Assert.Equal(DocumentGenre.Criticism, criticism.Genre);
        Assert.Equal(["2018-003"], _world.Storage.Documents.TasksOf(criticism).Select(t => t.Code));
    }

    [Fact]
    public void The_annual_report_is_a_valid_official_docx_and_an_xlsx_with_the_ranking()
    {
        var result = _world.Service.Close(2018, _world.Supervisor);
        using var docx = new MemoryStream();
        _world.Service.WriteDocx(result, docx);
        var text = SupervisionWorld.ValidDocxText(docx);
        Assert.Contains("2018年度重点任务考核结果", text);
        Assert.Contains("96.31", text);
        Assert.Contains("基础教育处张某：诫勉谈话（津教委〔2018〕41号）", text);

        using var xlsx = new MemoryStream();
        _world.Service.WriteXlsx(result, xlsx);
        xlsx.Position = 0;
        using var workbook = SpreadsheetDocument.Open(xlsx, false);
        Assert.Equal(["处室排名", "分管领域", "逐项考核", "评分办法"],
            workbook.WorkbookPart!.Workbook.Sheets!.Elements<DocumentFormat.OpenXml.Spreadsheet.Sheet>().Select(s => s.Name!.Value));
        Assert.Empty(new DocumentFormat.OpenXml.Validation.OpenXmlValidator().Validate(workbook));
    }

    public void Dispose() => _world.Dispose();
}
