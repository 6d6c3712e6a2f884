using LuoshiArchive.Core.Search;

namespace LuoshiArchive.Core.Tests.Search;

/// <summary>A real index in a temp folder holding the seed notice and a few made-up commission documents.</summary>
public sealed class SearchCorpus : IDisposable
{
    public const int Notice = 1;
    public const int Minutes = 2;
    public const int Report = 3;
    public const int Sports = 4;
    public const int Criticism = 5;

    public SearchCorpus()
    {
        Index = new EvidenceIndex(Path);
        var notice = File.ReadAllText(System.IO.Path.Combine(AppContext.BaseDirectory, "Fixtures", "notice.txt"));
        Add(Notice, "市教委关于印发建立健全推进工作落实长效机制方案的通知", "津教委〔2018〕1号", new(2018, 2, 8), "Policy", ["2018-001"], 2018, "Comprehensive", "办公室", notice);
        Add(Minutes, "2018年第3次主任办公会会议纪要", "", new(2018, 3, 20), "Minutes", ["2018-001", "2018-002"], 2018, "MeetingDecided", "办公室",
            "会议由张志强同志主持。会议研究了督查督办工作，决定每月召开重点工作推动会。会议要求各处室建立佐证材料档案，做到一事一档。");
        Add(Report, "关于课后服务工作进展情况的报告", "津教委报〔2018〕15号", new(2018, 6, 30), "Report", ["2018-007"], 2018, "LeaderLed", "基础教育处",
            "今年以来，我委在河西区、南开区推进中小学课后服务，覆盖学校三百余所。下一步将加强经费保障和督导检查。");
        Add(Sports, "关于组织学生体质健康监测的通知", "津教委体〔2019〕3号", new(2019, 4, 1), "OutgoingDocument", ["2019-004"], 2019, "Department", "体育卫生与艺术教育处",
            "各区教育局：为做好2019年学生体质健康监测工作，现将有关事项通知如下。");
        Add(Criticism, "关于对未按期报送月度自查自评表处室的通报", "津教委〔2018〕20号", new(2018, 9, 5), "OutgoingDocument", ["2018-006"], 2018, "Department", "教育督导室",
            "经查，部分处室未按期报送月度自查自评表，影响了督查督办工作。现予以通报批评，请于9月15日前完成整改。");
        Index.Commit();
    }

    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "luoshi-index-" + Guid.NewGuid().ToString("N"));
    public EvidenceIndex Index { get; private set; }

    public void Add(int id, string title, string number, DateOnly? date, string kind, string[] tasks, int year, string listKind,
        string department, string text) =>
        Index.Upsert(new IndexedEvidence(id, title, number, date, kind, tasks, [year], [listKind], [department], "天津市教育委员会", text));

    public IReadOnlyList<int> Ids(string text) => Index.Search(new SearchQuery(text)).Hits.Select(h => h.EvidenceId).ToList();

    public void Reopen()
    {
        Index.Dispose();
        Index = new EvidenceIndex(Path);
    }

    public void Dispose()
    {
        Index.Dispose();
        try { Directory.Delete(Path, recursive: true); } catch (IOException) { }
    }
}
