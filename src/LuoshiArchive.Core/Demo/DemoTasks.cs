using LuoshiArchive.Core.Tasks;
using static LuoshiArchive.Core.Tasks.KeyTaskStatus;
using static LuoshiArchive.Core.Tasks.TaskListKind;
using static LuoshiArchive.Core.Tasks.TaskSource;

namespace LuoshiArchive.Core.Demo;

/// <summary>
/// The demo's tasks. Most come from the seed notice's plan (津教委〔2018〕1号), the rest are ordinary work of an
/// education commission. Day offsets are relative to the day the demo is loaded: negative is in the past.
/// </summary>
internal static class DemoTasks
{
    internal sealed record Step(int InDays, string Text, bool Done = false);

    internal sealed record Spec(
        string Name, TaskListKind ListKind, TaskSource Source, string SourceDetail, string? Lead, string[] Cooperating, int Leader,
        string Target, string Standard, string Measures, string Outcomes, int DeadlineInDays, Step[] Milestones,
        KeyTaskStatus Status = InProgress, string Progress = "", int? AddedDaysAgo = null);

    public static readonly Spec[] All =
    [
        // Done on time.
        new("形成全委重点任务分解清单", Comprehensive, CommissionMeeting, "市教委主任办公会", "BGS", ["FZGH"], 0,
            "围绕年度重点工作形成全委重点任务分解清单", "经征求意见确认后印发，做到“四明确”", "办公室牵头提出分解清单建议方案\n征求各处室意见\n提交主任办公会审议",
            "全委重点任务分解清单", -40, [new(-70, "提出建议方案", true), new(-50, "征求意见", true)], Completed, "清单已印发"),
        new("制作统一推进工作落实清单一览表", Comprehensive, CommissionMeeting, "市教委主任办公会", "BGS", [], 0,
            "制作涵盖“四个清单”的统一一览表", "涵盖任务、责任、措施、成果清单，做到“四明确”", "设计样表\n各处室填报\n办公室汇总",
            "工作落实清单一览表", -30, [new(-60, "印发样表", true), new(-35, "汇总完成", true)], Completed, "一览表已汇总"),
        new("召开年初全委重点工作任务部署会", Comprehensive, CommissionMeeting, "年度工作安排", "BGS", [], 0,
            "年初召开部署会，部署全年重点任务", "会议纪要印发，任务分解到处室", "筹备会议材料\n召开部署会\n印发会议纪要",
            "部署会纪要", -60, [new(-75, "会议材料准备完毕", true)], Completed, "部署会已召开"),
        new("落实人大代表建议办理", Special, Proposal, "市人大代表建议", "ZCFG", ["BGS"], 1,
            "按时办结全部人大代表建议", "按期答复率100%，代表满意率不低于95%", "逐件明确承办处室\n与代表沟通\n按期书面答复",
            "建议答复件", -15, [new(-45, "完成交办", true), new(-20, "完成答复", true)], Completed, "全部答复完毕"),
        // Overdue (red).
        new("建立佐证材料档案“一事一档”", Comprehensive, MunicipalInstruction, "津党发〔2017〕8号", "BGS", ["DDS"], 0,
            "按重点任务清单分类建立佐证材料档案", "过程资料、出台政策、制发文件分类归档，做到一事一档", "制定归档分类目录\n各处室分类整理\n办公室抽查",
            "佐证材料档案", -12, [new(-40, "印发归档目录", true), new(-20, "各处室完成整理")], InProgress, "部分处室尚未完成整理"),
        new("开展月度自查自评", Department, LeaderInstruction, "委领导批示", "DDS", ["BGS"], 3,
            "各处室每月填报月度自查自评表", "每月5日前报送，内容完整", "印发自查自评表样\n每月收集汇总\n通报未按时报送处室",
            "月度自查自评表", -8, [new(-30, "印发表样", true), new(-10, "汇总上月自查表")], InProgress),
        new("推进中小学课后服务全覆盖", LeaderLed, Municipal, "市政府工作报告", "JCJY", ["CWC", "JSGZ"], 1,
            "义务教育学校课后服务全覆盖", "覆盖率100%，家长满意度不低于90%", "制定实施意见\n落实经费保障\n开展督导检查",
            "课后服务实施意见", -20, [new(-60, "出台实施意见", true), new(-25, "完成专项督导")], InProgress, "督导检查推迟"),
        new("完成教师职称评审改革试点", Special, Municipal, "市委深改组部署", "JSGZ", ["RSC"], 2,
            "在三个区开展中小学教师职称评审改革试点", "试点方案经市人社局备案", "制定试点方案\n组织评审\n总结评估",
            "试点工作总结", -5, [new(-35, "试点方案印发", true), new(-10, "完成评审")], InProgress),
        // Coming due or a milestone missed (yellow).
        new("每月召开重点工作推动会", Comprehensive, CommissionMeeting, "津教委〔2018〕1号", "BGS", [], 0,
            "每月召开推动会，听取进展、研究解决问题", "每月至少一次，形成会议纪要", "确定会议议题\n听取处室汇报\n印发纪要并督办",
            "推动会纪要", 200, [new(-3, "上月推动会纪要印发"), new(25, "本月推动会")], InProgress, "上月纪要尚在审签"),
        new("每季度召开重点工作调度会", Comprehensive, CommissionMeeting, "津教委〔2018〕1号", "BGS", ["FZGH"], 0,
            "每季度系统总结重点工作进展，协调解决难点", "每季度一次，形成调度报告", "汇总季度进展\n召开调度会\n形成调度报告",
            "季度调度报告", 180, [new(5, "本季度调度会")], InProgress),
        new("办理政协委员提案", Special, Proposal, "市政协提案", "ZCFG", ["JCJY", "GDJY"], 1,
            "按时办结政协委员提案", "按期答复率100%", "分解交办\n沟通协商\n书面答复",
            "提案答复件", 6, [new(-30, "完成交办", true)], InProgress),
        new("落实委领导批示：校园安全专项检查", LeaderLed, LeaderInstruction, "委主要领导批示", "TWY", ["DDS"], 3,
            "开展校园安全专项检查", "覆盖全部直属学校，问题整改率100%", "制定检查方案\n实地检查\n督促整改",
            "检查情况报告", 40, [new(2, "完成实地检查")], InProgress),
        new("推进职业院校产教融合", LeaderLed, Central, "国务院办公厅关于深化产教融合的若干意见", "ZYJY", ["GDJY", "FZGH"], 2,
            "建设一批产教融合实训基地", "新增实训基地不少于10个", "遴选合作企业\n签订共建协议\n开展中期评估",
            "实训基地名单", 120, [new(-6, "完成企业遴选")], InProgress, "企业遴选延期"),
        // On track (green).
        new("开展作风纪律专项整治", Comprehensive, MunicipalInstruction, "津政发〔2017〕7号", "RSC", ["BGS", "DDS"], 3,
            "解决不作为不担当问题", "问题清单逐项销号", "查摆问题\n建立整改台账\n逐项销号",
            "整改台账", 150, [new(30, "完成问题查摆"), new(90, "整改过半")], InProgress),
        new("完善重点任务考核办法", Comprehensive, CommissionMeeting, "津教委〔2018〕1号", "BGS", ["RSC"], 0,
            "按完成时间节点和完成效果逐项考核", "考核办法设置权重和量化标准", "起草考核办法\n征求意见\n提交党组会审议",
            "重点任务考核办法", 100, [new(40, "形成征求意见稿")], InProgress),
        new("落实党中央关于教育强国建设部署", LeaderLed, Central, "党中央决策部署", "FZGH", ["ZCFG", "BGS"], 0,
            "制定本市贯彻落实方案", "方案经市委审定", "开展专题调研\n起草落实方案\n报市委审定",
            "贯彻落实方案", 210, [new(60, "完成专题调研"), new(150, "形成方案送审稿")], InProgress),
        new("推进高校“双一流”建设", Special, Municipal, "市委常委会工作要点", "GDJY", ["CWC"], 2,
            "支持重点高校学科建设", "绩效评价达到良好以上", "下达建设资金\n开展中期评估",
            "中期评估报告", 190, [new(70, "资金下达")], InProgress),
        new("加强思想政治理论课教师队伍建设", Special, Central, "中共中央办公厅督办事项", "SZJY", ["JSGZ", "RSC"], 3,
            "思政课教师按师生比配齐", "师生比不低于1:350", "摸清缺口\n制定补充计划\n组织招聘",
            "补充计划", 160, [new(45, "完成摸底")], InProgress),
        new("推进学前教育普惠发展", Comprehensive, Municipal, "市政府工作报告", "JCJY", ["FZGH", "CWC"], 1,
            "普惠性幼儿园覆盖率达到目标", "覆盖率不低于85%", "新建改扩建幼儿园\n认定普惠园",
            "普惠园名单", 220, [new(100, "完成年度认定")], NotStarted),
        new("落实教育经费投入“两个只增不减”", Comprehensive, Central, "国务院部署", "CWC", ["FZGH"], 2,
            "确保教育经费投入只增不减", "一般公共预算教育支出不低于上年", "编制预算\n监测执行\n年终统计公告",
            "经费执行报告", 240, [new(120, "半年执行分析")], InProgress),
        new("建设智慧教育平台", Special, MunicipalInstruction, "市领导批示交办", "FZGH", ["BGS"], 0,
            "建成市级智慧教育平台一期", "完成验收并上线运行", "需求调研\n招标建设\n试运行",
            "平台验收报告", 230, [new(50, "完成招标"), new(180, "试运行")], InProgress),
        new("开展义务教育优质均衡督导评估", Department, Municipal, "市教育督导委员会部署", "DDS", ["JCJY"], 3,
            "完成年度督导评估", "评估报告向社会公布", "制定评估方案\n实地评估\n发布报告",
            "督导评估报告", 170, [new(60, "完成实地评估")], InProgress),
        new("组织全市学生体质健康监测", Department, LeaderInstruction, "委领导交办", "TWY", [], 3,
            "完成年度学生体质健康监测", "抽样覆盖全部区", "组织测试\n数据上报\n形成分析报告",
            "体质健康监测报告", 130, [new(50, "完成测试")], InProgress),
        new("修订教育行政执法事项清单", Department, CommissionMeeting, "主任办公会决定", "ZCFG", [], 1,
            "完成执法事项清单修订", "经法制审核后公布", "梳理执法事项\n法制审核\n公开发布",
            "执法事项清单", 90, [new(30, "完成梳理")], InProgress),
        new("推进职业技能等级证书试点", Department, Central, "教育部等四部门部署", "ZYJY", ["RSC"], 2,
            "扩大“1+X”证书试点院校范围", "试点院校不少于20所", "遴选试点院校\n组织培训",
            "试点院校名单", 110, [new(40, "完成遴选")], InProgress),
        new("落实党组会决定：机关节能降耗", MeetingDecided, CommissionMeeting, "委党组会决定", "BGS", ["CWC"], 0,
            "机关能耗同比下降", "能耗下降不低于3%", "制定节能措施\n季度通报",
            "节能情况通报", 200, [new(80, "首次季度通报")], InProgress),
        new("落实主任办公会议定：教材选用管理", MeetingDecided, CommissionMeeting, "主任办公会议定事项", "JCJY", ["SZJY"], 1,
            "规范中小学教材选用", "选用程序公开透明", "修订选用办法\n开展专项检查",
            "教材选用管理办法", 95, [new(35, "修订选用办法")], InProgress),
        // Added during the year.
        new("落实市领导调研时提出的校外培训治理要求", MeetingDecided, MunicipalInstruction, "市领导调研讲话", "JCJY", ["DDS"], 1,
            "规范校外培训机构", "问题机构整改率100%", "排查机构\n建立台账\n联合执法",
            "治理情况报告", 140, [new(45, "完成排查")], InProgress, "", AddedDaysAgo: 20),
        new("专题会议定：高校毕业生就业促进行动", MeetingDecided, CommissionMeeting, "专题会议定", "GDJY", ["RSC"], 2,
            "高校毕业生就业率稳定", "", "拓展岗位\n开展招聘活动",
            "就业促进行动方案", 150, [new(60, "举办专场招聘会")], InProgress, "工作标准待专题会确定", AddedDaysAgo: 10),
        // Incomplete: nobody leads it yet.
        new("研究制定教育领域数据安全管理办法", Department, LeaderInstruction, "委领导批示", null, [], 0,
            "形成数据安全管理办法", "经法制审核", "起草办法\n征求意见",
            "数据安全管理办法", 180, [], NotStarted, "牵头处室待明确"),
    ];
}
