using System.Net;
using DocumentFormat.OpenXml.Packaging;
using LuoshiArchive.Core.Accounts;
using LuoshiArchive.Core.OfficialDocuments;

namespace LuoshiArchive.Web.Tests.Pages.Documents;

/// <summary>
/// 发文办理 on the document page: the office 送核稿 and 核稿, a leader 签发 on their own account, then 编号印发;
/// every step out of turn or by the wrong role is refused to a hand-made POST, and the 发文稿纸 prints the steps.
/// </summary>
public class SigningPagesTests : IClassFixture<LuoshiWebFactory>
{
    private const string Password = "Luoshi-2018!";
    private readonly LuoshiWebFactory _app;

    public SigningPagesTests(LuoshiWebFactory app)
    {
        _app = app;
        _app.EnsureAdmin();
        var accounts = app.Service<AccountService>();
        if (accounts.Find("supervisor") is null) accounts.Create("supervisor", "督查科王", Password, UserRole.OfficeSupervisor);
        if (accounts.Find("leader") is null) accounts.Create("leader", "委领导赵六", Password, UserRole.Leader);
    }

    private async Task<HttpClient> SignedIn(string name)
    {
        var client = _app.CreateClient();
        await client.SignInAsync(name, Password);
        return client;
    }

    private static async Task<HttpResponseMessage> Post(HttpClient client, string url, string handler, string opinion = "") =>
        await client.PostFormAsync(url, [new("Opinion", opinion)], $"{url}?handler={handler}");

    [Fact]
    public async Task The_office_reviews_a_leader_signs_off_and_only_then_the_draft_is_numbered()
    {
        var draft = _app.Service<OfficialDocumentService>().StartFromTemplate(DocumentGenre.Notice, [], Actor.Console());
        var url = $"/Documents/{draft.Id}";
        var office = await SignedIn("supervisor");
        var leader = await SignedIn("leader");
        var numbers = _app.Service<DocumentNumberRegister>();

        // A draft: the office is offered 送核稿 and no 印发; a hand-made POST to the issuing handler takes no number.
        var page = await office.GetDocumentAsync(url);
        Assert.Equal("拟稿", page.QuerySelector(".document-stage")!.TextContent);
        Assert.NotNull(page.QuerySelector($"form[action='{url}?handler=Submit']"));
        Assert.Null(page.QuerySelector($"a[href='/Documents/Issue/{draft.Id}']"));
        var issued = BrowserLikeClient.Parse(await (await office.PostFormAsync($"/Documents/Issue/{draft.Id}", [])).Content.ReadAsStringAsync());
        Assert.Contains(DocumentSigning.NotSignedOff, issued.QuerySelector(".errors")!.TextContent);
        Assert.DoesNotContain(numbers.List(), n => n.DocumentId == draft.Id);

        // Out of turn: 核稿 before 送核稿 is refused with the reason; a leader may not 送核稿 (403).
        var early = BrowserLikeClient.Parse(await (await Post(office, url, "Review")).Content.ReadAsStringAsync());
        Assert.Contains("不能核稿", early.QuerySelector(".errors")!.TextContent);
        Assert.Equal(HttpStatusCode.Forbidden, (await Post(leader, url, "Submit")).StatusCode);
        await Post(office, url, "Submit");
        await Post(office, url, "Review", "文字已核");

        // The office cannot sign off (403, audited); the leader sees the 签发 form, an empty opinion is refused.
        Assert.Equal(HttpStatusCode.Forbidden, (await Post(office, url, "SignOff", "同意")).StatusCode);
        Assert.Contains(_app.Service<Core.Audit.AuditLog>().Find(action: "access.denied"), e => e.Details.Contains("签发公文"));
        Assert.Null((await office.GetDocumentAsync(url)).QuerySelector($"form[action='{url}?handler=SignOff']"));
        Assert.NotNull((await leader.GetDocumentAsync(url)).QuerySelector($"form[action='{url}?handler=SignOff']"));
        var empty = BrowserLikeClient.Parse(await (await Post(leader, url, "SignOff", " ")).Content.ReadAsStringAsync());
        Assert.Contains("请填写签发意见", empty.QuerySelector(".errors")!.TextContent);
        await Post(leader, url, "SignOff", "同意印发。");

        page = await office.GetDocumentAsync(url);
        Assert.Equal("已签发", page.QuerySelector(".document-stage")!.TextContent);
        var steps = page.QuerySelectorAll("table.steps tbody tr").Select(r => r.Children[0].TextContent + "|" + r.Children[1].TextContent).ToList();
        Assert.Equal(["拟稿|命令行", "送核稿|督查科王", "核稿|督查科王", "签发|委领导赵六"], steps);
        Assert.NotNull(page.QuerySelector($"a[href='/Documents/Issue/{draft.Id}']"));
        var done = await office.PostFormAsync($"/Documents/Issue/{draft.Id}", []);
        Assert.Contains("已印发", BrowserLikeClient.Parse(await done.Content.ReadAsStringAsync()).QuerySelector(".notice")!.TextContent);
        var number = Assert.Single(numbers.List(), n => n.DocumentId == draft.Id).Number;

        var sheet = await office.GetAsync($"{url}?handler=Sheet");
        Assert.Equal(HttpStatusCode.OK, sheet.StatusCode);
        using var docx = WordprocessingDocument.Open(new MemoryStream(await sheet.Content.ReadAsByteArrayAsync()), false);
        var text = docx.MainDocumentPart!.Document!.InnerText;
        Assert.Contains("签发人：委领导赵六", text);
        Assert.Contains("核稿人：督查科王", text);
        Assert.Contains(number, text);
    }
}
