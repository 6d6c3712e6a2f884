using System.Text;
using LuoshiArchive.Core.Accounts;
using LuoshiArchive.Core.Demo;
using LuoshiArchive.Core.Dossiers;
using LuoshiArchive.Core.Meetings;
using LuoshiArchive.Core.OfficialDocuments;
using LuoshiArchive.Core.Organisation;
using LuoshiArchive.Core.Tasks;
using LuoshiArchive.Core.Tests;

namespace LuoshiArchive.Browser.Tests.Infrastructure;

/// <summary>One piece of evidence put into a dossier before the browser starts: what the user should find.</summary>
public sealed record SeededEvidence(int Id, string Title, string FileName, byte[] Bytes, string TaskCode);

/// <summary>
/// What every browser test starts from, made through Core (the only place the tests call Core services, so a change
/// of their signatures is fixed here): the demo commission loaded on 2018-06-15, an administrator, three documents in
/// three departments' dossiers that share the phrase 长效机制, one meeting with a decision, a draft 通报表扬 and one
/// 发文字号 in the register.
/// </summary>
public sealed class Seed
{
    public const string AdminName = "office";
    public const string AdminPassword = "Luoshi-2018!";
    public const string AdminDisplayName = "办公室张三";
    /// <summary>Who loads the demo data and files the seeded documents: the office administrator.</summary>
    private static readonly Actor Office = new(AdminDisplayName, UserRole.Admin);

    /// <summary>The phrase all three seeded documents contain (and nothing the journeys add).</summary>
    public const string SharedPhrase = "长效机制";
    /// <summary>A two-character fragment found only inside 优质均衡, in one document.</summary>
    public const string Fragment = "质均";

    public required string ArchiveTask { get; init; }          // 建立佐证材料档案“一事一档”, 办公室
    public required string SelfCheckTask { get; init; }        // 开展月度自查自评, 教育督导室
    public required string BalancedEducationTask { get; init; } // 开展义务教育优质均衡督导评估, 教育督导室
    public required string AfterSchoolTask { get; init; }      // 推进中小学课后服务全覆盖, 基础教育处
    public required string PushMeetingTask { get; init; }     // 每月召开重点工作推动会, 办公室
    public required string AssessmentTask { get; init; }      // 完善重点任务考核办法, 办公室
    public required SeededEvidence Notice { get; init; }
    public required SeededEvidence BalancedNotice { get; init; }
    public required SeededEvidence AfterSchoolReport { get; init; }
    public required int MeetingId { get; init; }
    /// <summary>A 通报表扬 draft (not issued), for pages that show a draft.</summary>
    public required int DraftDocumentId { get; init; }
    public required int TaskCount { get; init; }

    /// <summary>Another account (a commission leader: reads everything), for tests that change a user's own settings.</summary>
    public static void CreateLeader(LuoshiKestrelFactory app, string name, string displayName) =>
        app.Service<AccountService>().Create(name, displayName, AdminPassword, UserRole.Leader, actor: Office);

    public static async Task<Seed> LoadAsync(LuoshiKestrelFactory app)
    {
        var directory = app.Service<OrganisationDirectory>();
        var tasks = app.Service<TaskRegistry>();
        DemoCommission.Load(directory, tasks, app.Clock.GetToday(), Office);
        app.Service<AccountService>().Create(AdminName, AdminDisplayName, AdminPassword, UserRole.Admin);

        var all = tasks.List(new TaskFilter()).Select(i => i.Task).ToList();
        string Code(string name) => all.Single(t => t.Name == name).Code;
        var archiveTask = Code("建立佐证材料档案“一事一档”");
        var balanced = Code("开展义务教育优质均衡督导评估");
        var afterSchool = Code("推进中小学课后服务全覆盖");

        var dossiers = app.Service<DossierService>();
        async Task<SeededEvidence> Add(byte[] bytes, string fileName, string code, EvidenceKind kind)
        {
            using var stream = new MemoryStream(bytes);
            var result = await dossiers.AddAsync(stream, fileName, [code], new EvidenceDetails { Kind = kind }, Office);
            return new SeededEvidence(result.Evidence.Id, result.Evidence.Title, fileName, bytes, code);
        }
        var notice = await Add(await File.ReadAllBytesAsync(Path.Combine(AppContext.BaseDirectory, "Fixtures", "notice.docx")),
            "notice.docx", archiveTask, EvidenceKind.Policy);
        var balancedNotice = await Add(Encoding.UTF8.GetBytes(
            "津教督〔2018〕3号\n\n关于开展义务教育优质均衡督导评估工作的通知\n\n各区教育局：\n" +
            "为建立督导评估长效机制，推动义务教育优质均衡发展，决定于2018年下半年开展督导评估。\n" +
            "请各区对照评估指标开展自评，于9月30日前报送自评报告。\n\n天津市人民政府教育督导室\n2018年5月20日\n"),
            "优质均衡督导评估通知.txt", balanced, EvidenceKind.OutgoingDocument);
        var afterSchoolReport = await Add(Encoding.UTF8.GetBytes(
            "关于中小学课后服务工作推进情况的报告\n\n" +
            "今年以来，基础教育处会同财务处、教师工作处推进课后服务全覆盖，已形成课后服务长效机制的初步方案。\n" +
            "下一步将完成专项督导，并总结推广典型经验。\n\n基础教育处\n2018年6月1日\n"),
            "课后服务推进情况报告.txt", afterSchool, EvidenceKind.Report);

        var meeting = app.Service<MeetingRegister>().Add(new MeetingDraft
        {
            Kind = MeetingKind.MonthlyPush, Date = new DateOnly(2018, 5, 10), Title = "5月重点工作推动会", Session = "2018年第5次",
            Chair = "王建国", Attendees = ["李红梅", "张志强"], Place = "第一会议室",
            Agenda = [("档案整理进度", [archiveTask])],
            Decisions = [("各处室5月底前完成档案整理", [archiveTask], null, new DateOnly(2018, 5, 31))],
        }, Office);

        var draft = app.Service<OfficialDocumentService>().StartCommendation(
            [all.First(Drafting.CompletedOnTime).Code], Office);
        // A number taken and not yet used: the 发文字号登记簿 has a row (with its void form) before any journey issues.
        app.Service<DocumentNumberRegister>().Next("津教督", 2018, documentId: null, Office);

        return new Seed
        {
            ArchiveTask = archiveTask, SelfCheckTask = Code("开展月度自查自评"), BalancedEducationTask = balanced,
            AfterSchoolTask = afterSchool, PushMeetingTask = Code("每月召开重点工作推动会"), AssessmentTask = Code("完善重点任务考核办法"),
            Notice = notice, BalancedNotice = balancedNotice, AfterSchoolReport = afterSchoolReport,
            MeetingId = meeting.Id, DraftDocumentId = draft.Id, TaskCount = all.Count,
        };
    }
}
