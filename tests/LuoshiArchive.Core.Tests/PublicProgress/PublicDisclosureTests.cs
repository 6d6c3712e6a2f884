using LuoshiArchive.Core.Accounts;
using LuoshiArchive.Core.Audit;
using LuoshiArchive.Core.PublicProgress;
using LuoshiArchive.Core.Organisation;
using LuoshiArchive.Core.Supervision;
using LuoshiArchive.Core.Tasks;

namespace LuoshiArchive.Core.Tests.PublicProgress;

/// <summary>
/// 向社会公布: the office marks a task public with wording of its own, words it again, takes it off; the public catalogue
/// shows only that wording and the task's public fields, never the internal progress or an unmarked task; clerks and
/// leaders are refused; every change is audited under its Chinese name and survives a restart.
/// </summary>
public sealed class PublicDisclosureTests : IDisposable
{
    private const string Internal = "内部进展：王科长反映经费缺口三百万元，尚待协调";
    private readonly TempStorage _storage = new(new DateOnly(2018, 7, 10));
    private readonly Actor _office = new("督查督办刘敏", UserRole.OfficeSupervisor);
    private readonly KeyTask _task;
    private readonly KeyTask _unmarked;
    private readonly Department _basic;

    public PublicDisclosureTests()
    {
        _basic = _storage.Directory.SaveDepartment(new Department { Name = "基础教育处", Code = "JJC" });
        _task = _storage.Tasks.Create(new TaskDraft
        {
            Year = 2018, Name = "新建改扩建幼儿园30所", Target = "年底前新增学位9000个", LeadDepartmentId = _basic.Id,
            Deadline = new DateOnly(2018, 12, 31),
        }, Actor.Console());
        _unmarked = _storage.Tasks.Create(new TaskDraft { Year = 2018, Name = "内部管理事项", LeadDepartmentId = _basic.Id },
            Actor.Console());
        new ProgressLog(_storage.Store, _storage.Tasks, _storage.Dossiers, _storage.Clock, _storage.Audit)
            .AddAsync(_task.Code, new ProgressDraft { Date = new DateOnly(2018, 7, 9), Text = Internal }, [], _office)
            .GetAwaiter().GetResult();
    }

    public void Dispose() => _storage.Dispose();

    private PublicDisclosure Disclosure => new(_storage.Store, _storage.Clock, _storage.Audit);
    private PublicCatalogue Catalogue => new(_storage.Store);

    [Fact]
    public void A_published_task_shows_only_its_public_wording_and_fields_and_an_unmarked_task_never_shows()
    {
        Assert.Empty(Catalogue.Years());

        Disclosure.Publish(_task.Code, "  已开工建设幼儿园18所。 ", _office);

        Assert.Equal([2018], Catalogue.Years());
        var item = Assert.Single(Catalogue.Year(2018));
        Assert.Equal((_task.Code, "新建改扩建幼儿园30所", "推进中", "年底前新增学位9000个", new DateOnly(2018, 12, 31)),
            (item.Code, item.Name, item.Status, item.Target, item.Deadline));
        Assert.Equal(("已开工建设幼儿园18所。", new DateOnly(2018, 7, 10)), (item.Progress, item.ProgressDate));
        Assert.Equal(("2018-00001", @"综合政务\政务督查", "主动公开"), (item.IndexNumber, item.Theme, item.Attribute));
        Assert.DoesNotContain(Catalogue.Latest(), i => i.Code == _unmarked.Code);
        Assert.DoesNotContain(Internal, string.Join("|", Catalogue.Latest()));
        Assert.Empty(Catalogue.Year(2019));
    }

    [Fact]
    public void Wording_again_replaces_it_unpublishing_hides_the_task_and_a_new_publication_keeps_its_index_number()
    {
        Disclosure.Publish(_unmarked.Code, "已完成", _office);
        Disclosure.Publish(_task.Code, "已开工18所", _office);
        _storage.Clock.Advance(TimeSpan.FromDays(5));
        Disclosure.Publish(_task.Code, "已开工25所，完工6所", _office);

        var item = Catalogue.Year(2018).Single(i => i.Code == _task.Code);
        Assert.Equal(("已开工25所，完工6所", new DateOnly(2018, 7, 15), "2018-00002"),
            (item.Progress, item.ProgressDate, item.IndexNumber));

        Disclosure.Unpublish(_task.Code, _office);
        Assert.DoesNotContain(Catalogue.Year(2018), i => i.Code == _task.Code);
        var again = Assert.Throws<DomainRuleException>(() => Disclosure.Unpublish(_task.Code, _office));
        Assert.Equal($"任务“{_task.Code}”未向社会公布，无需取消。", again.Message);

        _storage.Reopen();
        Disclosure.Publish(_task.Code, "全部开工", _office);
        Assert.Equal("2018-00002", Catalogue.Year(2018).Single(i => i.Code == _task.Code).IndexNumber);

        var trail = _storage.Audit.Find(who: _office.Name).Where(e => e.Action.StartsWith("disclosure.")).ToList();
        Assert.Equal(["disclosure.published", "disclosure.published", "disclosure.reworded", "disclosure.unpublished",
            "disclosure.published"], trail.OrderBy(e => e.Id).Select(e => e.Action));
        Assert.Contains(trail, e => e.Subject == $"任务 {_task.Code}" && e.Details == "公开进展：已开工25所，完工6所");
        Assert.Equal(["标记向社会公布", "修改公开进展", "取消向社会公布", "修改公开目录设置"],
            new[] { "disclosure.published", "disclosure.reworded", "disclosure.unpublished", "disclosure.settings" }
                .Select(AuditActions.NameOf));
    }

    [Theory]
    [InlineData(UserRole.DepartmentUser)]
    [InlineData(UserRole.Leader)]
    [InlineData(UserRole.Inspector)]
    public void Clerks_leaders_and_inspectors_are_refused_audited_and_nothing_is_stored(UserRole role)
    {
        Disclosure.Publish(_task.Code, "公开的进展", _office);
        var actor = new Actor("无权的人", role, role == UserRole.DepartmentUser ? _basic.Id : null);

        Assert.Throws<AccessDeniedException>(() => Disclosure.Publish(_task.Code, "改写", actor));
        Assert.Throws<AccessDeniedException>(() => Disclosure.Publish(_unmarked.Code, "公开", actor));
        Assert.Throws<AccessDeniedException>(() => Disclosure.Unpublish(_task.Code, actor));
        Assert.Throws<AccessDeniedException>(() => Disclosure.SaveSettings("1", "主题", "主动公开", actor));

        Assert.Equal(["公开的进展"], Catalogue.Latest().Select(i => i.Progress));
        Assert.Equal(4, _storage.Audit.Find(who: "无权的人", action: "access.denied").Count);
        Assert.Equal("", Disclosure.Settings().IndexPrefix);
    }

    [Fact]
    public void Bad_input_is_refused_in_chinese_and_leaves_the_stored_disclosure_as_it_was()
    {
        Disclosure.Publish(_task.Code, "公开的进展", _office);

        Assert.Equal("任务“2099-001”不存在。",
            Assert.Throws<DomainRuleException>(() => Disclosure.Publish("2099-001", "文字", _office)).Message);
        Assert.Contains("公开进展不能为空",
            Assert.Throws<DomainRuleException>(() => Disclosure.Publish(_task.Code, "  \n ", _office)).Message);
        Assert.Contains("不能超过2000字", Assert.Throws<DomainRuleException>(() =>
            Disclosure.Publish(_task.Code, new string('字', 2001), _office)).Message);
        Assert.Contains("不存在",
            Assert.Throws<DomainRuleException>(() => Disclosure.Unpublish("2099-001", _office)).Message);

        var item = Assert.Single(Catalogue.Latest());
        Assert.Equal("公开的进展", item.Progress);
        Assert.Null(Disclosure.Of(_unmarked.Id));
    }

    [Fact]
    public void The_office_keeps_the_catalogue_metadata_shown_with_every_task_and_a_wrong_value_changes_nothing()
    {
        Disclosure.Publish(_task.Code, "公开的进展", _office);
        Disclosure.SaveSettings(" 000125225 ", @"教育\基础教育", "依申请公开", _office);

        var refused = Assert.Throws<DomainRuleException>(() => Disclosure.SaveSettings("00/12", "", "主动公开", _office));
        Assert.Contains("索引号前缀只能由字母、数字和“-”组成", refused.Message);
        Assert.Contains("请填写主题分类", refused.Message);

        _storage.Reopen();
        var item = Assert.Single(Catalogue.Year(2018));
        Assert.Equal(("000125225/2018-00001", @"教育\基础教育", "依申请公开"), (item.IndexNumber, item.Theme, item.Attribute));
        var entry = Assert.Single(_storage.Audit.Find(action: "disclosure.settings"));
        Assert.Contains("索引号前缀 （无） → 000125225", entry.Details);
    }
}
