using System.Net;
using DocumentFormat.OpenXml.Packaging;
using LuoshiArchive.Core.Accounts;
using LuoshiArchive.Core.Dossiers;
using LuoshiArchive.Core.Organisation;
using LuoshiArchive.Core.Tasks;

namespace LuoshiArchive.Web.Tests.Pages.Documents;

/// <summary>Drafting a commendation in the browser's way: pick tasks, edit a paragraph, preview, issue, download.</summary>
public class DocumentPagesTests : IClassFixture<LuoshiWebFactory>
{
    private readonly LuoshiWebFactory _app;
    private readonly KeyTask _done;
    private readonly KeyTask _late;

    public DocumentPagesTests(LuoshiWebFactory app)
    {
        _app = app;
        _app.EnsureAdmin();
        var directory = app.Service<OrganisationDirectory>();
        var basic = directory.DepartmentNamed("基础教育处") ?? directory.SaveDepartment(new Department { Name = "基础教育处", Code = "JJC" });
        var tasks = app.Service<TaskRegistry>();
        _done = tasks.Find("2018-001") ?? LuoshiArchive.Core.Tests.Settled.As(app.Service<LuoshiArchive.Core.ILuoshiStore>(),
            tasks.Create(new TaskDraft
            {
                Year = 2018, Name = "完善中小学课后服务机制", LeadDepartmentId = basic.Id,
                Deadline = new DateOnly(2018, 6, 30), ExpectedOutcomes = "出台课后服务实施意见",
            }, Actor.Console()).Code, KeyTaskStatus.Completed);
        _late = tasks.Find("2018-002") ?? tasks.Create(new TaskDraft
        {
            Year = 2018, Name = "推进学区化办学", LeadDepartmentId = basic.Id, Deadline = new DateOnly(2018, 5, 31),
        }, Actor.Console());
    }

    [Fact]
    public async Task A_commendation_goes_from_picked_tasks_to_an_issued_numbered_docx_in_the_tasks_dossier()
    {
        var client = _app.CreateClient();
        // Issuing waits for LibreOffice's PDF (its own limit is 120 s): slow under load, which is not a failure here.
        client.Timeout = TimeSpan.FromMinutes(5);
        await client.SignInAsync();

        var start = await client.PostFormAsync("/Documents", [new("genre", "Commendation")], "/Documents?handler=Start");
        var picker = BrowserLikeClient.Parse(await start.Content.ReadAsStringAsync());
        Assert.Contains("起草通报表扬", picker.QuerySelector("h1")!.TextContent);
        Assert.NotNull(picker.QuerySelector($"input[name=tasksPicked][value='{_done.Code}']"));
        Assert.Null(picker.QuerySelector($"input[name=tasksPicked][value='{_late.Code}']"));

        var drafted = await client.PostAsync("/Documents/Draft", new FormUrlEncodedContent(
            [new("genre", "Commendation"), new("tasksPicked", _done.Code), new("__RequestVerificationToken", picker.AntiforgeryToken())]));
        var edit = BrowserLikeClient.Parse(await drafted.Content.ReadAsStringAsync());
        var editUrl = drafted.RequestMessage!.RequestUri!.AbsolutePath;
        Assert.StartsWith("/Documents/Edit/", editUrl);
        Assert.Equal("关于对基础教育处予以通报表扬的通报", edit.QuerySelector("input[name='Form.Title']")!.GetAttribute("value"));

        // Edit: every field posted back as the form holds it, one paragraph rewritten, then preview.
        var fields = edit.QuerySelectorAll("form.document-form input[name], form.document-form textarea[name], form.document-form select[name]")
            .Select(e => new KeyValuePair<string, string>(e.GetAttribute("name")!, e.LocalName switch
            {
                "textarea" => e.TextContent,
                "select" => e.QuerySelector("option[selected]")?.GetAttribute("value") ?? e.QuerySelector("option")!.GetAttribute("value")!,
                _ => e.GetAttribute("value") ?? "",
            })).Where(f => f.Key != "__RequestVerificationToken").ToList();
        var last = fields.FindLastIndex(f => f.Key.EndsWith(".Text") && f.Value == "特此通报。");
        fields[last] = new(fields[last].Key, "特此通报，望各处室学习借鉴。");
        fields.Add(new("action", "preview"));
        fields.Add(new("__RequestVerificationToken", edit.AntiforgeryToken()));
        var preview = await client.PostAsync(editUrl, new FormUrlEncodedContent(fields));
        var previewHtml = await preview.Content.ReadAsStringAsync();
        var previewPage = BrowserLikeClient.Parse(previewHtml);
        Assert.True(previewPage.QuerySelector(".gw-mark") is not null, previewPage.QuerySelector(".errors")?.TextContent ?? previewHtml[..Math.Min(3000, previewHtml.Length)]);
        Assert.Equal("天津市教育委员会文件", previewPage.QuerySelector(".gw-mark")!.TextContent);
        Assert.Equal("津教委〔2018〕　号", previewPage.QuerySelector(".gw-number")!.TextContent);
        Assert.Contains(previewPage.QuerySelectorAll(".gw-body"), p => p.TextContent == "特此通报，望各处室学习借鉴。");
        // The preview offers issuing itself (no going back to the form first).
        var issueUrl = "/Documents/Issue/" + editUrl.Split('/').Last();
        Assert.NotNull(previewPage.QuerySelector($"a[href='{issueUrl}']"));

        // Not signed off yet: a hand-made POST to the issuing handler is refused with the reason, nothing is numbered.
        var early = BrowserLikeClient.Parse(await (await client.PostFormAsync(issueUrl, [])).Content.ReadAsStringAsync());
        Assert.Contains(LuoshiArchive.Core.OfficialDocuments.DocumentSigning.NotSignedOff, early.QuerySelector(".errors")!.TextContent);
        Assert.Empty(_app.Service<LuoshiArchive.Core.OfficialDocuments.DocumentNumberRegister>().List(2018));
        // 送核稿 → 核稿 → 签发 on the document page: the administrator holds every right, each step is recorded.
        var documentUrl = "/Documents/" + editUrl.Split('/').Last();
        foreach (var (handler, opinion) in new[] { ("Submit", ""), ("Review", ""), ("SignOff", "同意印发。") })
            Assert.Equal(HttpStatusCode.OK, (await client.PostFormAsync(documentUrl, [new("Opinion", opinion)], $"{documentUrl}?handler={handler}")).StatusCode);
        Assert.Equal("已签发", (await client.GetDocumentAsync(documentUrl)).QuerySelector(".document-stage")!.TextContent);

        // Issue: the form's 印发 shows the number about to be taken and takes nothing until confirmed.
        var editAgain = await client.GetDocumentAsync(editUrl);
        var issueFields = fields.Where(f => f.Key is not ("action" or "__RequestVerificationToken")).ToList();
        issueFields.Add(new("action", "issue"));
        issueFields.Add(new("__RequestVerificationToken", editAgain.AntiforgeryToken()));
        var confirm = await client.PostAsync(editUrl, new FormUrlEncodedContent(issueFields));
        Assert.Equal(issueUrl, confirm.RequestMessage!.RequestUri!.AbsolutePath);
        var confirmPage = BrowserLikeClient.Parse(await confirm.Content.ReadAsStringAsync());
        Assert.Equal("津教委〔2018〕1号", confirmPage.QuerySelector(".number-to-take")!.TextContent);
        Assert.Contains("取号不能撤销", confirmPage.QuerySelector(".warning")!.TextContent);
        Assert.Empty(_app.Service<LuoshiArchive.Core.OfficialDocuments.DocumentNumberRegister>().List(2018));
        var issued = await client.PostFormAsync(issueUrl, []);
        var details = BrowserLikeClient.Parse(await issued.Content.ReadAsStringAsync());
        Assert.Contains("已印发：津教委〔2018〕1号", details.QuerySelector(".notice")!.TextContent);
        var id = issued.RequestMessage!.RequestUri!.AbsolutePath.Split('/').Last();

        var download = await client.GetAsync($"/Documents/{id}?handler=Docx");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Contains("津教委〔2018〕1号", download.Content.Headers.ContentDisposition!.FileNameStar);
        using (var docx = WordprocessingDocument.Open(new MemoryStream(await download.Content.ReadAsByteArrayAsync()), false))
            Assert.Contains("特此通报，望各处室学习借鉴。", docx.MainDocumentPart!.Document!.InnerText);

        // The PDF rendition, when LibreOffice made it in time (under load it may not: the DOCX is then issued alone; the
        // Core layout tests check LibreOffice's rendering itself), is served too.
        var filed = _app.Service<LuoshiArchive.Core.Dossiers.DossierService>().DossierOf(_done.Id)
            .Where(e => e.Number == "津教委〔2018〕1号").ToList();
        var pdf = await client.GetAsync($"/Documents/{id}?handler=Pdf");
        if (filed.Any(e => e.OriginalFileName.EndsWith(".pdf", StringComparison.Ordinal)))
        {
            Assert.Equal(HttpStatusCode.OK, pdf.StatusCode);
            Assert.Equal("%PDF", System.Text.Encoding.ASCII.GetString((await pdf.Content.ReadAsByteArrayAsync())[..4]));
            // The DOCX states no page count of its own: its 页数 (for the catalogue) is the rendition's.
            var docxPages = filed.Single(e => e.OriginalFileName.EndsWith(".docx", StringComparison.Ordinal)).PageCount;
            Assert.True(docxPages > 0);
            Assert.Equal(filed.Single(e => e.OriginalFileName.EndsWith(".pdf", StringComparison.Ordinal)).PageCount, docxPages);
        }
        else Assert.Equal(HttpStatusCode.NotFound, pdf.StatusCode);

        var dossier = await client.GetDocumentAsync($"/Tasks/{_done.Code}");
        Assert.Contains("关于对基础教育处予以通报表扬的通报", dossier.QuerySelector("#h-dossier")!.ParentElement!.TextContent);
        var register = await client.GetDocumentAsync("/Documents?year=2018");
        Assert.Contains("津教委〔2018〕1号", register.QuerySelector("table.data")!.TextContent);
    }

    [Fact]
    public async Task A_department_user_cannot_open_the_drafting_pages()
    {
        var accounts = _app.Service<AccountService>();
        var basic = _app.Service<OrganisationDirectory>().DepartmentNamed("基础教育处")!;
        if (accounts.Find("jjc") is null) accounts.Create("jjc", "基教处李", "Luoshi-2018!", UserRole.DepartmentUser, basic.Id);
        var client = _app.CreateClient();
        await client.SignInAsync("jjc", "Luoshi-2018!");
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/Documents/Draft?genre=Commendation")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/Documents")).StatusCode);
    }
}
