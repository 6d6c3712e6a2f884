using LuoshiArchive.Core.Accounts;
using System.Diagnostics;
using System.IO.Compression;
using LuoshiArchive.Core.OneTable;
using LuoshiArchive.Core.Organisation;
using LuoshiArchive.Core.Spreadsheets;
using LuoshiArchive.Core.Tasks;

namespace LuoshiArchive.Core.Tests.OneTable;

public class OneTableXlsxTests
{
    private static OneTableService Service(TempStorage s) => new(s.Store, s.Directory, s.Tasks, s.Reading);

    private static void SeedYear(TempStorage storage)
    {
        var office = storage.Directory.SaveDepartment(new Department { Name = "办公室", Code = "BGS" });
        var policy = storage.Directory.SaveDepartment(new Department { Name = "政策法规处", Code = "ZCFG" });
        var basic = storage.Directory.SaveDepartment(new Department { Name = "基础教育处", Code = "JCJY" });
        var leader = storage.Directory.SavePerson(new Person { Name = "王建国", Role = PersonRole.SupervisingLeader });
        var clerk = storage.Directory.SavePerson(new Person { Name = "李晓梅", Role = PersonRole.DesignatedClerk, DepartmentId = office.Id });
        var task = storage.Tasks.Create(new TaskDraft
        {
            Year = 2018, Name = "制作工作落实清单一览表", ListKind = TaskListKind.Comprehensive, Source = TaskSource.CommissionMeeting,
            Target = "涵盖“四个清单”内容", Standard = "做到“四明确”", LeadDepartmentId = office.Id,
            CooperatingDepartmentIds = [policy.Id, basic.Id], ResponsiblePersonId = clerk.Id, SupervisingLeaderId = leader.Id,
            Measures = "统一表样\n逐项填报", ExpectedOutcomes = "一览表印发", Deadline = new DateOnly(2018, 3, 31),
            Milestones =
            [
                new Milestone { Due = new DateOnly(2018, 2, 28), Description = "形成表样" },
                new Milestone { Due = new DateOnly(2018, 3, 15), Description = "各处室填报" },
            ],
            Status = KeyTaskStatus.InProgress, ProgressSummary = "表样已印发", Remarks = "样表见附件",
        }, Actor.Console("t"));
        storage.Tasks.MarkMilestone(task.Code, task.Milestones[0].Id, true, Actor.Console("t"));
        storage.Tasks.Create(new TaskDraft
        {
            Year = 2018, Name = "办理人大建议政协提案", ListKind = TaskListKind.Special, Source = TaskSource.Proposal,
            LeadDepartmentId = policy.Id, Status = KeyTaskStatus.NotStarted,
        }, Actor.Console("t"));
    }

    private static IEnumerable<IReadOnlyList<string>> Comparable(TempStorage storage) =>
        Service(storage).Rows(new TaskFilter(), Actor.Console()).Select(r => r.Cells().Skip(1).ToList());

    [Fact]
    public void Export_then_import_into_an_empty_store_reproduces_the_same_tasks()
    {
        using var source = new TempStorage(new DateOnly(2018, 3, 1));
        using var target = new TempStorage(new DateOnly(2018, 3, 1));
        SeedYear(source);
        using var file = new MemoryStream();
        Service(source).ExportXlsx(new TaskFilter { Year = 2018 }, Actor.Console(), file);

        file.Position = 0;
        var result = Service(target).ImportXlsx(file, Actor.Console("导入员"));

        Assert.True(result.Succeeded, string.Join("\n", result.Problems));
        Assert.Equal(["2018-001", "2018-002"], result.ImportedCodes);
        Assert.Equal(["办公室", "政策法规处", "基础教育处"], result.CreatedDepartments);
        Assert.Equal(Comparable(source), Comparable(target));
        var imported = target.Tasks.Find("2018-001")!;
        Assert.True(imported.Milestones[0].Done);
        Assert.Equal(TaskChangeKind.Imported, target.Tasks.History(imported.Id).Single().Kind);
    }

    [Fact]
    public void A_file_with_bad_rows_is_rejected_whole_with_every_problem_and_its_row_number()
    {
        using var storage = new TempStorage(new DateOnly(2018, 3, 1));
        using var file = Sheet(
            ["序号", "任务编号", "年度", "任务名称", "清单类别", "任务来源", "牵头处室", "完成时限", "时间节点"],
            ["1", "A-1", "2018", "好任务", "全委综合重点任务清单", "市委市政府部署", "办公室", "2018-06-30", "2018-05-31 中期检查"],
            ["2", "A-2", "2018", "类别写错", "综合清单", "市委市政府部署", "办公室", "2018-06-30", ""],
            ["3", "A-3", "2018", "日期写错", "处室重点任务清单", "委领导批示交办", "财务处", "2018-02-30", ""],
            ["4", "A-4", "2018", "", "处室重点任务清单", "委领导批示交办", "财务处", "", ""],
            ["5", "A-1", "2018", "编号重复", "处室重点任务清单", "委领导批示交办", "财务处", "", "五月底 完成"]);

        var result = Service(storage).ImportXlsx(file, Actor.Console("t"));

        Assert.False(result.Succeeded);
        var problems = result.Problems.Select(p => p.ToString()).ToList();
        Assert.Contains(problems, p => p.StartsWith("第3行「清单类别」：“综合清单”不是有效的清单类别", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("第4行「完成时限」", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("第5行「任务名称」", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("第6行「任务编号」：“A-1”与第2行重复", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("第6行「时间节点」", StringComparison.Ordinal));
        Assert.Equal(0, storage.Store.Tasks.Count());
        Assert.Equal(0, storage.Store.Departments.Count());
        Assert.Equal(0, storage.Store.People.Count());
    }

    [Fact]
    public void A_row_that_would_import_a_task_as_cancelled_or_completed_is_refused_and_nothing_is_imported()
    {
        using var storage = new TempStorage(new DateOnly(2018, 3, 1));
        using var file = Sheet(
            ["任务名称", "年度", "清单类别", "任务来源", "状态"],
            ["好任务", "2018", "处室重点任务清单", "委领导批示交办", "推进中"],
            ["想撤销的任务", "2018", "处室重点任务清单", "委领导批示交办", "已撤销"]);

        var result = Service(storage).ImportXlsx(file, Actor.Console("t"));

        Assert.False(result.Succeeded);
        Assert.StartsWith("第3行「状态」：“已撤销”不能通过导入设置。任务状态不能直接修改", Assert.Single(result.Problems).ToString());
        Assert.Equal(0, storage.Store.Tasks.Count());
    }

    [Fact]
    public void Columns_in_another_order_with_excel_serial_dates_and_chinese_dates_import()
    {
        using var storage = new TempStorage(new DateOnly(2018, 3, 1));
        using var file = Sheet(
            ["完成时限", "任务来源", "任务名称", "清单类别", "时间节点", "配合处室"],
            ["43465", "Central", "落实全国教育大会部署", "领导牵头重点任务清单", "2018年6月30日 形成方案", "办公室、财务处"],
            ["2018年9月30日", "人大建议政协提案", "提案办理", "全委专项重点任务清单", "", ""]);

        var result = Service(storage).ImportXlsx(file, Actor.Console("t"));

        Assert.True(result.Succeeded, string.Join("\n", result.Problems));
        var first = storage.Tasks.Find(result.ImportedCodes[0])!;
        Assert.Equal(new DateOnly(2018, 12, 31), first.Deadline);
        Assert.Equal(2018, first.Year);
        Assert.Equal(TaskSource.Central, first.Source);
        Assert.Equal(new DateOnly(2018, 6, 30), first.Milestones.Single().Due);
        Assert.Equal(2, first.CooperatingDepartmentIds.Count);
        Assert.Equal(new DateOnly(2018, 9, 30), storage.Tasks.Find(result.ImportedCodes[1])!.Deadline);
    }

    [Fact]
    public void An_existing_task_code_is_not_overwritten()
    {
        using var storage = new TempStorage(new DateOnly(2018, 3, 1));
        SeedYear(storage);
        using var file = new MemoryStream();
        Service(storage).ExportXlsx(new TaskFilter(), Actor.Console(), file);
        file.Position = 0;

        var result = Service(storage).ImportXlsx(file, Actor.Console("t"));

        Assert.Contains(result.Problems, p => p.Message.Contains("2018-001") && p.Message.Contains("已存在"));
        Assert.Equal(2, storage.Store.Tasks.Count());
    }

    [Theory]
    [InlineData("text")]
    [InlineData("truncated")]
    [InlineData("empty")]
    [InlineData("bomb")]
    public void Files_that_are_not_workbooks_are_refused_clearly_and_change_nothing(string kind)
    {
        using var storage = new TempStorage(new DateOnly(2018, 3, 1));
        var bytes = kind switch
        {
            "text" => "序号,任务名称\n1,这是改了扩展名的CSV"u8.ToArray(),
            "truncated" => Exported(storage)[..300],
            "empty" => [],
            _ => ZipBomb(),
        };

        var result = Service(storage).ImportXlsx(new MemoryStream(bytes), Actor.Console("t"));

        var problem = Assert.Single(result.Problems);
        Assert.Matches("XLSX|空|压缩|损坏", problem.Message);
        Assert.Equal(0, storage.Store.Tasks.Count());
    }

    [Fact]
    public void LibreOffice_opens_the_exported_one_table()
    {
        using var storage = new TempStorage(new DateOnly(2018, 3, 1));
        SeedYear(storage);
        var dir = Directory.CreateTempSubdirectory("luoshi-lo-").FullName;
        var xlsx = Path.Combine(dir, "一览表.xlsx");
        File.WriteAllBytes(xlsx, Exported(storage));

        // 44,34,76: comma-separated, double-quoted, UTF-8.
        var csv = LibreOffice.Convert(xlsx, "csv:Text - txt - csv (StarCalc):44,34,76", dir);

        var text = File.ReadAllText(csv);
        Assert.Contains("任务名称", text);
        Assert.Contains("制作工作落实清单一览表", text);
        Assert.Contains("政策法规处、基础教育处", text);
    }

    private static byte[] Exported(TempStorage storage)
    {
        using var file = new MemoryStream();
        Service(storage).ExportXlsx(new TaskFilter(), Actor.Console(), file);
        return file.ToArray();
    }

    private static byte[] ZipBomb()
    {
        using var file = new MemoryStream();
        using (var zip = new ZipArchive(file, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var entry = zip.CreateEntry("xl/worksheets/sheet1.xml", CompressionLevel.SmallestSize).Open();
            var zeros = new byte[1024 * 1024];
            for (var i = 0; i < 20; i++) entry.Write(zeros);
        }
        return file.ToArray();
    }

    private static MemoryStream Sheet(IReadOnlyList<string> header, params IReadOnlyList<string>[] rows)
    {
        var file = new MemoryStream();
        SheetWriter.Write(file, "Sheet1", header, rows);
        file.Position = 0;
        return file;
    }
}
