using LuoshiArchive.Core.Accounts;
using LuoshiArchive.Core.Organisation;
using LuoshiArchive.Core.Spreadsheets;
using LuoshiArchive.Core.Storage;
using LuoshiArchive.Core.Tasks;

namespace LuoshiArchive.Core.OneTable;

/// <summary>
/// The one-table view (工作落实清单一览表): rows for the screen and print, XLSX export, and XLSX import (the annual
/// decomposition usually starts life as a spreadsheet). An import with any bad row imports nothing.
/// </summary>
public sealed class OneTableService(IUnitOfWork store, OrganisationDirectory directory, TaskRegistry tasks, ReadAccess reading)
{
    public const int MaxImportRows = 10_000;
    // Printed on A4 landscape fitted to the page width: short columns for codes, dates and status (never broken inside),
    // the rest wide enough for a phrase a line. The sum (~245) keeps the printed text near 7 pt.
    private static readonly double[] ColumnWidths =
        [5, 11, 6, 22, 11, 11, 16, 14, 10, 11, 7, 7, 16, 14, 20, 11, 18, 6, 7, 12];

    /// <summary>
    /// The rows <paramref name="actor"/> may read (see <see cref="ReadAccess"/>): as the decomposition tree (each
    /// parent followed by its children, <see cref="OneTableRow.Depth"/> set) or the leaves only (tasks without children).
    /// </summary>
    public IReadOnlyList<OneTableRow> Rows(TaskFilter filter, Actor actor, OneTableView view = OneTableView.Tree)
    {
        var items = reading.List(filter, actor);
        var arranged = view == OneTableView.Leaves
            ? TaskTree.Leaves(items, i => i.Task, tasks.ParentIds())
                .Select(i => (Item: i, Depth: 0)).ToList()
            : TaskTree.Arrange(items, i => i.Task);
        return arranged.Select((row, i) => OneTableRow.From(row.Item.Task, directory, i + 1, row.Item.EvidenceCount) with
        {
            Depth = row.Depth, Rollup = row.Item.Rollup?.Progress ?? "",
        }).ToList();
    }

    /// <summary>
    /// The rows as XLSX under a title row naming the filter (<see cref="OneTableCaption"/>). In the tree, a child's
    /// name is indented by two ideographic spaces a level: an import trims them and skips the title row, so the file
    /// re-imports as the same tasks.
    /// </summary>
    public void ExportXlsx(TaskFilter filter, Actor actor, Stream output, OneTableView view = OneTableView.Tree) =>
        SheetWriter.Write(output, "工作落实清单一览表", OneTableRow.Columns,
            Rows(filter, actor, view).Select(r => (r with { Name = new string('\u3000', 2 * r.Depth) + r.Name }).Cells()),
            ColumnWidths, Caption(filter, view).Title);

    /// <summary>The export's title and file name for this filter and view.</summary>
    public OneTableCaption Caption(TaskFilter filter, OneTableView view) => OneTableCaption.For(filter, view, directory);

    public OneTableImportResult ImportXlsx(Stream input, Actor actor)
    {
        Access.Demand(actor, Permission.CreateTasks, tasks.AuditTrail);
        IReadOnlyList<(int RowNumber, IReadOnlyDictionary<int, string> Cells)> sheet;
        try
        {
            sheet = SheetReader.Read(input, MaxImportRows + 20);
        }
        catch (DomainRuleException e)
        {
            return OneTableImportResult.Failed([new OneTableImportProblem(0, "", e.Message)]);
        }
        var parsed = OneTableParser.Parse(sheet, tasks);
        if (parsed.Problems.Count > 0) return OneTableImportResult.Failed(parsed.Problems);

        var createdDepartments = new List<string>();
        var createdPeople = new List<string>();
        var failedRow = 0;
        try
        {
            var codes = store.InTransaction(() => parsed.Rows.Select(row =>
            {
                failedRow = row.RowNumber;
                return CreateTask(row, actor, createdDepartments, createdPeople);
            }).ToList());
            return new OneTableImportResult([], codes, createdDepartments, createdPeople);
        }
        catch (DomainRuleException e)
        {
            // The transaction rolled back every row, departments and people included.
            return OneTableImportResult.Failed([new OneTableImportProblem(failedRow, "", e.Message)]);
        }
    }

    private string CreateTask(OneTableParser.ParsedRow row, Actor actor, List<string> createdDepartments, List<string> createdPeople)
    {
        var draft = row.Draft;
        draft.LeadDepartmentId = Department(row.LeadDepartment, createdDepartments);
        draft.CooperatingDepartmentIds = row.CooperatingDepartments
            .Select(d => Department(d, createdDepartments)).OfType<int>().ToList();
        draft.ResponsiblePersonId = Person(row.ResponsiblePerson, PersonRole.Staff, draft.LeadDepartmentId, createdPeople);
        draft.SupervisingLeaderId = Person(row.SupervisingLeader, PersonRole.SupervisingLeader, null, createdPeople);
        return tasks.Create(draft, actor, TaskChangeKind.Imported).Code;
    }

    private int? Department(string name, List<string> created)
    {
        if (name.Length == 0) return null;
        var existing = directory.DepartmentNamed(name);
        if (existing is not null) return existing.Id;
        created.Add(name);
        return directory.SaveDepartment(new Department { Name = name }).Id;
    }

    private int? Person(string name, PersonRole role, int? departmentId, List<string> created)
    {
        if (name.Length == 0) return null;
        var existing = directory.PersonNamed(name);
        if (existing is not null) return existing.Id;
        created.Add(name);
        return directory.SavePerson(new Person { Name = name, Role = role, DepartmentId = departmentId }).Id;
    }
}
