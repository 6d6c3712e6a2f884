using LuoshiArchive.Cli;
using LuoshiArchive.Core.Accounts;
using LuoshiArchive.Core.Storage;
using LuoshiArchive.Storage.LiteDb;

namespace LuoshiArchive.Core.Tests.Cli;

/// <summary>
/// The command line's conventions: options stand anywhere (<c>luoshi --storage DIR init</c>), a department user is made
/// with <c>users add --department</c>, and an error the user can fix is one line and exit 1, never a stack trace.
/// </summary>
public sealed class CliConventionsTests : IDisposable
{
    private readonly string _storage = Path.Combine(Path.GetTempPath(), "luoshi-cli-" + Guid.NewGuid().ToString("N"));
    private readonly TestClock _clock = new(new DateOnly(2018, 6, 15));

    private async Task<(int Exit, string Out, string Err)> Run(string stdin, params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var exit = await LuoshiCli.RunAsync(args, stdout, stderr, new StringReader(stdin), _clock);
        return (exit, stdout.ToString(), stderr.ToString());
    }

    [Fact]
    public async Task The_storage_option_may_come_before_the_command()
    {
        var init = await Run("", "--storage", _storage, "init", "--demo", "--tasks-only");
        Assert.Equal(0, init.Exit);
        var list = await Run("", "tasks", "--storage", _storage, "list", "--json");
        Assert.Equal(0, list.Exit);
        Assert.Contains("2018-001", list.Out);
    }

    [Fact]
    public async Task Users_add_makes_a_department_user_of_a_named_department()
    {
        Assert.Equal(0, (await Run("", "init", "--demo", "--tasks-only", "--storage", _storage)).Exit);
        var added = await Run("Luoshi-2018!\n", "users", "add", "--name", "clerk", "--role", "department",
            "--department", "办公室", "--storage", _storage);
        Assert.Equal(0, added.Exit);
        var missing = await Run("Luoshi-2018!\n", "users", "add", "--name", "clerk2", "--role", "department", "--storage", _storage);
        Assert.Equal(2, missing.Exit);
        Assert.Contains("--department", missing.Err);

        using var store = LiteDbStore.Open(_storage, "test");
        var audit = TestAudit.For(store, _storage, _clock);
        var clerk = new AccountService(store, _clock, audit).Find("clerk")!;
        Assert.Equal(UserRole.DepartmentUser, clerk.Role);
        Assert.Equal("办公室", new Organisation.OrganisationDirectory(store, audit).DepartmentName(clerk.DepartmentId));
    }

    [Fact]
    public async Task Users_add_links_a_leader_account_to_its_supervising_leader()
    {
        Assert.Equal(0, (await Run("", "init", "--demo", "--tasks-only", "--storage", _storage)).Exit);
        var added = await Run("Luoshi-2018!\n", "users", "add", "--name", "wang", "--role", "leader",
            "--display-name", "王建国", "--person", "王建国", "--storage", _storage);
        Assert.Equal(0, added.Exit);
        var unknown = await Run("Luoshi-2018!\n", "users", "add", "--name", "zhao", "--role", "leader",
            "--person", "赵无名", "--storage", _storage);
        Assert.Equal((1, "分管委领导“赵无名”不存在：请先在“机构人员”中添加，或给出已有分管委领导的姓名。\n"),
            (unknown.Exit, unknown.Err));
        var twice = await Run("Luoshi-2018!\n", "users", "add", "--name", "wang2", "--role", "leader",
            "--person", "王建国", "--storage", _storage);
        Assert.Equal(1, twice.Exit);
        Assert.Contains("已关联账户“wang”", twice.Err);

        using var store = LiteDbStore.Open(_storage, "test");
        var audit = TestAudit.For(store, _storage, _clock);
        var accounts = new AccountService(store, _clock, audit);
        var wang = accounts.Find("wang")!;
        Assert.Equal("王建国", new Organisation.OrganisationDirectory(store, audit).PersonName(wang.PersonId));
        Assert.Null(accounts.Find("zhao"));
        Assert.Null(accounts.Find("wang2"));
    }

    [Fact]
    public async Task Minutes_from_an_empty_docx_are_refused_in_one_line_with_exit_1()
    {
        Assert.Equal(0, (await Run("", "init", "--demo", "--tasks-only", "--storage", _storage)).Exit);
        var meeting = await Run("", "meetings", "add", "--kind", "Coordination", "--date", "2018-05-10", "--title", "协调会",
            "--task", "2018-001", "--storage", _storage);
        Assert.Equal(0, meeting.Exit);
        var empty = Path.Combine(Path.GetTempPath(), "empty-" + Guid.NewGuid().ToString("N") + ".docx");
        await File.WriteAllBytesAsync(empty, []);
        try
        {
            var attach = await Run("", "minutes", "attach", empty, "--meeting", meeting.Out.Trim(), "--task", "2018-001",
                "--storage", _storage);
            Assert.Equal(1, attach.Exit);
            Assert.Contains("empty-", attach.Err);
            Assert.DoesNotContain("   at ", attach.Err);
        }
        finally
        {
            File.Delete(empty);
        }
    }

    public void Dispose()
    {
        try { Directory.Delete(_storage, recursive: true); } catch (IOException) { }
    }
}
