using System.Text;
using LuoshiArchive.Core.Accounts;
using LuoshiArchive.Core.Dossiers;
using LuoshiArchive.Core.Organisation;
using LuoshiArchive.Core.Tasks;
using Microsoft.AspNetCore.Hosting;

namespace LuoshiArchive.Web.Tests.Pages.Security;

/// <summary>The app with <c>Luoshi:DepartmentUsersReadAll</c> off: each department sees its own tasks only.</summary>
public sealed class ClosedDepartmentsFactory : LuoshiWebFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Luoshi:DepartmentUsersReadAll", "false");
    }
}

/// <summary>
/// With departments closed, a department user's task list and search show only the tasks their department leads or
/// works on, and the evidence filed there; the office still sees everything.
/// </summary>
public class ClosedDepartmentsTests(ClosedDepartmentsFactory app) : IClassFixture<ClosedDepartmentsFactory>
{
    private const string Password = "Luoshi-2018!";

    [Fact]
    public async Task A_department_user_sees_only_their_departments_tasks_and_evidence()
    {
        app.EnsureAdmin();
        var directory = app.Service<OrganisationDirectory>();
        var office = directory.SaveDepartment(new Department { Name = "办公室", Code = "BGS" });
        var basic = directory.SaveDepartment(new Department { Name = "基础教育处", Code = "JJC" });
        var tasks = app.Service<TaskRegistry>();
        var own = tasks.Create(new TaskDraft { Year = 2018, Name = "办公室牵头的任务", LeadDepartmentId = office.Id }, Actor.Console());
        var shared = tasks.Create(new TaskDraft { Year = 2018, Name = "办公室配合的任务", LeadDepartmentId = basic.Id, CooperatingDepartmentIds = [office.Id] }, Actor.Console());
        var other = tasks.Create(new TaskDraft { Year = 2018, Name = "基础教育处独有的任务", LeadDepartmentId = basic.Id }, Actor.Console());
        var dossiers = app.Service<DossierService>();
        await dossiers.AddAsync(new MemoryStream(Encoding.UTF8.GetBytes("课后服务推进方案（办公室）")), "甲.txt", [own.Code], null, Actor.Console());
        await dossiers.AddAsync(new MemoryStream(Encoding.UTF8.GetBytes("课后服务经费测算（基础教育处）")), "乙.txt", [other.Code], null, Actor.Console());
        app.Service<AccountService>().Create("clerk", "办公室李四", Password, UserRole.DepartmentUser, office.Id);

        var clerk = app.CreateClient();
        await clerk.SignInAsync("clerk", Password);
        var list = (await clerk.GetDocumentAsync("/Tasks?year=2018")).Body!.TextContent;
        Assert.Contains(own.Name, list);
        Assert.Contains(shared.Name, list);
        Assert.DoesNotContain(other.Name, list);
        var search = (await clerk.GetDocumentAsync("/Search?q=课后服务")).Body!.TextContent;
        Assert.Contains("推进方案", search);
        Assert.DoesNotContain("经费测算", search);

        var admin = app.CreateClient();
        await admin.SignInAsync(LuoshiWebFactory.AdminName, LuoshiWebFactory.AdminPassword);
        Assert.Contains(other.Name, (await admin.GetDocumentAsync("/Tasks?year=2018")).Body!.TextContent);
        Assert.Contains("经费测算", (await admin.GetDocumentAsync("/Search?q=课后服务")).Body!.TextContent);
    }
}
