using System.Net;
using System.Text;
using LuoshiArchive.Core.Accounts;
using LuoshiArchive.Core.Audit;
using LuoshiArchive.Core.Incoming;

namespace LuoshiArchive.Web.Tests.Api;

/// <summary>
/// With departments closed, a received document filed by the 收文 register and not yet assigned to any task belongs to
/// no department: a department user asking for it by its evidence id (page, download, API) is refused with the
/// reason (audited); the office reads it.
/// </summary>
public class UnassignedReceivedDocumentTests(ApiFactory app) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task A_department_user_cannot_open_an_unassigned_received_document_by_its_id()
    {
        var (clerkToken, officeToken) = app.Tokens();
        var item = await app.Service<IncomingRegister>().RegisterAsync(new IncomingDraft
        {
            Kind = IncomingKind.Document, From = "市教育两委", Title = "关于做好招生工作的通知", Received = new DateOnly(2018, 6, 1),
        }, new MemoryStream(Encoding.UTF8.GetBytes("招生工作通知全文：严格执行招生计划。")), "招生通知.txt", Actor.Console());
        var id = item.EvidenceId!.Value;

        var clerk = app.CreateClient();
        await clerk.SignInAsync(ApiFactory.ClerkName, LuoshiWebFactory.AdminPassword);
        var page = await clerk.GetAsync($"/Evidence/{id}");
        Assert.Equal(HttpStatusCode.Forbidden, page.StatusCode);
        Assert.Contains("尚未归入任何任务", await page.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Forbidden, (await clerk.GetAsync($"/Evidence/{id}?handler=Download")).StatusCode);
        var api = app.ClientWith(clerkToken);
        Assert.Equal(HttpStatusCode.Forbidden, (await api.GetAsync($"/api/v1/evidence/{id}")).StatusCode);
        var file = await api.GetAsync($"/api/v1/evidence/{id}/file");
        Assert.Equal(HttpStatusCode.Forbidden, file.StatusCode);
        Assert.DoesNotContain("严格执行招生计划", await file.Content.ReadAsStringAsync());
        Assert.Contains(app.Service<AuditLog>().Find(who: "办公室李四", action: "access.denied"), e => e.Details.Contains($"材料 {id}"));

        var office = app.ClientWith(officeToken);
        Assert.Equal(HttpStatusCode.OK, (await office.GetAsync($"/api/v1/evidence/{id}")).StatusCode);
        Assert.Contains("严格执行招生计划", await (await office.GetAsync($"/api/v1/evidence/{id}/file")).Content.ReadAsStringAsync());
    }
}
