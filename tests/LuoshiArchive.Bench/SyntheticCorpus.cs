using System.Text;

namespace LuoshiArchive.Bench;

/// <summary>
/// Government-style Chinese documents, deterministic from a seed: a title, a 发文字号, a date, and 1–20 pages of
/// sentences assembled from the vocabulary of the seed notice and of an education commission's daily work. With
/// <c>largePercent</c>, that share of the documents (every n-th) is a compilation of 1–10 MB of text instead.
/// </summary>
public sealed class SyntheticCorpus(int seed, int largePercent = 0)
{
    private const int CharsPerPage = 700;
    private static readonly string[] Subjects =
    [
        "市教委", "各处室", "各直属单位", "各区教育局", "办公室", "基础教育处", "高等教育处", "职业教育处", "督导室", "各直属学校",
        "分管委领导", "主要负责同志", "责任处室", "牵头处室", "配合处室", "专人", "督查组", "财务处", "人事处", "教师工作处",
    ];
    private static readonly string[] Verbs =
    [
        "认真贯彻落实", "统筹推进", "研究制定", "组织开展", "深入推进", "切实加强", "进一步完善", "抓好落实", "督促检查", "按时完成",
        "建立健全", "分类整理", "逐项销号", "定期调度", "及时报送", "全面梳理", "持续跟踪", "严格执行", "协调解决", "总结评估",
    ];
    private static readonly string[] Objects =
    [
        "重点任务清单", "工作落实长效机制", "佐证材料档案", "月度自查自评表", "课后服务工作", "教师职称评审改革", "校园安全专项检查",
        "人大建议政协提案", "督查督办事项", "年度考核办法", "产教融合实训基地", "学前教育普惠发展", "思政课教师队伍建设",
        "学生体质健康监测", "智慧教育平台建设", "教育经费投入", "作风纪律专项整治", "一事一档制度", "会议议定事项", "委领导批示件",
    ];
    private static readonly string[] Tails =
    [
        "确保令出必行、落地生根", "做到责任主体、目标任务、工作标准、时限要求四明确", "形成推动工作落实的强大合力",
        "按照时间节点抓好推进", "及时报告进展情况和存在问题", "纳入年度绩效考核", "做到日常工作痕迹积累", "并形成书面报告",
    ];
    private static readonly string[] Places = ["河西区", "南开区", "和平区", "河北区", "红桥区", "东丽区", "西青区", "津南区", "北辰区", "武清区"];
    private static readonly string[] Codes = ["津教委", "津教委办", "津教委基", "津教委高", "津教委督", "津教委体"];
    private static readonly string[] Genres = ["通知", "通报", "报告", "意见", "方案", "纪要"];

    public sealed record Document(int Id, string Title, string Number, DateOnly Date, string Text);

    public IEnumerable<Document> Generate(int count)
    {
        var random = new Random(seed);
        for (var id = 1; id <= count; id++)
        {
            var date = new DateOnly(2018, 1, 1).AddDays(random.Next(0, 365 * 3));
            var number = $"{Pick(random, Codes)}〔{date.Year}〕{random.Next(1, 300)}号";
            var title = $"关于{Pick(random, Verbs)}{Pick(random, Objects)}的{Pick(random, Genres)}";
            var pages = 1 + (int)Math.Min(19, -Math.Log(1 - random.NextDouble()) * 4); // mostly short, some long
            // 1–10 MB of UTF-8 (three bytes a character).
            var large = largePercent > 0 && id % (100 / largePercent) == 0;
            var length = large ? random.Next(1, 11) * 1_000_000 / 3 : pages * CharsPerPage;
            var text = new StringBuilder(length + 200).Append(number).Append('\n').Append(title).Append('\n');
            while (text.Length < length)
            {
                text.Append(Pick(random, Subjects)).Append(Pick(random, Verbs)).Append(Pick(random, Objects));
                if (random.Next(4) == 0) text.Append("，在").Append(Pick(random, Places)).Append("试点");
                text.Append('，').Append(Pick(random, Tails)).Append(random.Next(6) == 0 ? "。\n" : "。");
            }
            text.Append('\n').Append(date.Year).Append('年').Append(date.Month).Append('月').Append(date.Day).Append("日\n");
            yield return new Document(id, title, number, date, text.ToString());
        }
    }

    private static string Pick(Random random, string[] items) => items[random.Next(items.Length)];
}
