using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using LuoshiArchive.Core.Accounts;
using LuoshiArchive.Core.OfficialDocuments;

namespace LuoshiArchive.Web.Tests.Api;

/// <summary>The office's integrations over HTTP: meetings and minutes, 催办, documents rendered and issued.</summary>
public class OfficeApiTests(ApiFactory app) : IClassFixture<ApiFactory>
{
    private static async Task<JsonElement> Json(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

    [Fact]
    public async Task A_meeting_is_registered_listed_and_its_minutes_filed_in_the_tasks_dossier()
    {
        var (clerk, office) = app.Tokens();
        var client = app.ClientWith(office);

        var created = await client.PostAsJsonAsync("/api/v1/meetings", new
        {
            kind = "MonthlyPush", date = "2018-06-05", title = "六月推动会", tasks = new[] { ApiFactory.OwnTask },
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await Json(created)).GetProperty("id").GetInt32();

        var meeting = (await Json(await client.GetAsync("/api/v1/meetings?year=2018"))).GetProperty("meetings").EnumerateArray()
            .Single(m => m.GetProperty("id").GetInt32() == id);
        Assert.Equal(["id", "kind", "date", "title", "tasks"], meeting.EnumerateObject().Select(p => p.Name));
        Assert.Equal(("MonthlyPush", "2018-06-05", "六月推动会"), (meeting.GetProperty("kind").GetString(),
            meeting.GetProperty("date").GetString(), meeting.GetProperty("title").GetString()));

        var minutes = await client.PostAsync($"/api/v1/meetings/{id}/minutes", ApiFactory.Upload("六月推动会纪要.txt",
            Encoding.UTF8.GetBytes("会议纪要：督办台账按月更新。"), ("task", ApiFactory.ForeignTask)));
        Assert.Equal(HttpStatusCode.Created, minutes.StatusCode);
        var evidence = (await Json(minutes)).GetProperty("evidence");
        Assert.Equal("Minutes", evidence.GetProperty("kind").GetString());
        Assert.Equal([ApiFactory.OwnTask, ApiFactory.ForeignTask], evidence.GetProperty("tasks").EnumerateArray().Select(t => t.GetString()));

        var refused = await app.ClientWith(clerk).PostAsJsonAsync("/api/v1/meetings",
            new { kind = "MonthlyPush", date = "2018-06-05", title = "处室自行登记" });
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Contains("无权管理会议和纪要", (await Json(refused)).GetProperty("detail").GetString());
        var bad = await client.PostAsJsonAsync("/api/v1/meetings", new { kind = "Picnic", date = "2018-06-05", title = "团建" });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.StartsWith("未知会议类别“Picnic”", (await Json(bad)).GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Supervision_due_answers_in_the_cli_shape_for_the_tokens_department()
    {
        var (clerk, _) = app.Tokens();

        var items = (await Json(await app.ClientWith(clerk).GetAsync("/api/v1/supervision/due?days=7"))).GetProperty("items");

        var item = Assert.Single(items.EnumerateArray());
        Assert.Equal(["task", "what", "due", "state", "kind", "days", "department", "taskName"], item.EnumerateObject().Select(p => p.Name));
        Assert.Equal((ApiFactory.OwnTask, "形成初稿", "2018-06-10", "overdue", -5), (item.GetProperty("task").GetString(),
            item.GetProperty("what").GetString(), item.GetProperty("due").GetString(), item.GetProperty("state").GetString(),
            item.GetProperty("days").GetInt32()));
    }

    [Fact]
    public async Task A_spec_takes_a_number_only_from_an_account_that_may_sign_off()
    {
        app.Tokens();
        var supervisor = app.Service<AccountService>().Find("supervisor-render")
            ?? app.Service<AccountService>().Create("supervisor-render", "督查科王", ApiFactory.AdminPassword,
                UserRole.OfficeSupervisor, null);
        var token = app.Service<ApiTokens>().Create(supervisor.Name, "测试", null, Actor.For(supervisor), supervisor.Name)
            .Secret;
        var spec = await File.ReadAllTextAsync(Path.Combine(RepositoryRoot(), "docs", "examples", "seed-notice.json"));
        var auto = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(spec)!;
        auto["number"] = JsonSerializer.SerializeToElement("auto");
        auto["codePrefix"] = JsonSerializer.SerializeToElement("津教签");

        var refused = await app.ClientWith(token).PostAsync("/api/v1/documents/render",
            new StringContent(JsonSerializer.Serialize(auto), Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Contains("取号须经签发", await refused.Content.ReadAsStringAsync());
        Assert.DoesNotContain(app.Service<DocumentNumberRegister>().List(), n => n.Prefix == "津教签");
    }

    [Fact]
    public async Task A_spec_renders_to_a_numbered_docx_and_an_invalid_one_names_the_field()
    {
        var (clerk, office) = app.Tokens();
        var spec = await File.ReadAllTextAsync(Path.Combine(RepositoryRoot(), "docs", "examples", "seed-notice.json"));
        var auto = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(spec)!;
        auto["number"] = JsonSerializer.SerializeToElement("auto");
        auto["codePrefix"] = JsonSerializer.SerializeToElement("津教委");

        var docx = await app.ClientWith(office).PostAsync("/api/v1/documents/render",
            new StringContent(JsonSerializer.Serialize(auto), Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.OK, docx.StatusCode);
        Assert.Equal(DocumentsApiTypes.Docx, docx.Content.Headers.ContentType?.MediaType);
        var number = Uri.UnescapeDataString(docx.Headers.GetValues("X-Document-Number").Single());
        Assert.Matches(@"^津教委〔2018〕\d+号$", number);
        Assert.Contains(app.Service<DocumentNumberRegister>().List(), n => n.Number == number);
        using (var zip = new ZipArchive(await docx.Content.ReadAsStreamAsync()))
        {
            using var reader = new StreamReader(zip.GetEntry("word/document.xml")!.Open());
            Assert.Contains(number, await reader.ReadToEndAsync());
        }
        var invalid = await app.ClientWith(office).PostAsync("/api/v1/documents/render",
            new StringContent("""{"genre":"notice","title":"无落款"}""", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        Assert.Contains("signature", (await Json(invalid)).GetProperty("detail").GetString());
        var clerkTry = await app.ClientWith(clerk).PostAsync("/api/v1/documents/render", new StringContent(spec, Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.Forbidden, clerkTry.StatusCode);
    }

    [Fact]
    public async Task A_spec_renders_to_pdf_where_libreoffice_is_installed()
    {
        var (_, office) = app.Tokens();
        var spec = await File.ReadAllTextAsync(Path.Combine(RepositoryRoot(), "docs", "examples", "seed-notice.json"));

        var pdf = await app.ClientWith(office).PostAsync("/api/v1/documents/render?format=pdf", new StringContent(spec, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.OK, pdf.StatusCode);
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType?.MediaType);
        Assert.Equal("%PDF"u8.ToArray(), (await pdf.Content.ReadAsByteArrayAsync())[..4]);
    }

    [Fact]
    public async Task A_draft_is_issued_with_its_number_and_filed_as_evidence_searchable_by_it()
    {
        var (_, office) = app.Tokens();
        var draft = app.Service<OfficialDocumentService>().StartFromTemplate(DocumentGenre.Notice, [ApiFactory.OwnTask], Actor.Console());
        var client = app.ClientWith(office);
        // Before 签发 the issue call is refused with the reason and takes no number.
        var early = await client.PostAsync($"/api/v1/documents/{draft.Id}/issue", null);
        Assert.Equal(HttpStatusCode.BadRequest, early.StatusCode);
        Assert.Contains(DocumentSigning.NotSignedOff, await early.Content.ReadAsStringAsync());
        Assert.DoesNotContain(app.Service<DocumentNumberRegister>().List(), n => n.DocumentId == draft.Id);
        var signing = app.Service<DocumentSigning>();
        signing.Submit(draft.Id, Actor.Console());
        signing.Review(draft.Id, "", Actor.Console());
        signing.SignOff(draft.Id, "同意印发。", new Actor("委领导", UserRole.Leader));

        var listed = (await Json(await client.GetAsync("/api/v1/documents"))).GetProperty("documents").EnumerateArray()
            .Single(d => d.GetProperty("id").GetInt32() == draft.Id);
        Assert.False(listed.GetProperty("issued").GetBoolean());
        var issued = await client.PostAsync($"/api/v1/documents/{draft.Id}/issue", null);

        Assert.Equal(HttpStatusCode.OK, issued.StatusCode);
        var document = (await Json(issued)).GetProperty("document");
        Assert.True(document.GetProperty("issued").GetBoolean());
        var number = document.GetProperty("number").GetString()!;
        Assert.Matches(@"〔2018〕\d+号$", number);
        var docxEvidence = document.GetProperty("docxEvidence").GetInt32();
        var hits = (await Json(await client.GetAsync("/api/v1/search?q=" + Uri.EscapeDataString(number)))).GetProperty("hits");
        Assert.Contains(hits.EnumerateArray(), h => h.GetProperty("evidenceId").GetInt32() == docxEvidence);
        Assert.Equal(HttpStatusCode.NotFound, (await client.PostAsync("/api/v1/documents/9999/issue", null)).StatusCode);
    }

    [Fact]
    public async Task A_body_past_the_limit_is_refused_with_a_413_problem_before_it_is_read_whole()
    {
        var (_, office) = app.Tokens();
        var limit = LuoshiArchive.Web.Infrastructure.RequestLimits.BodyLimit(app.Service<Core.LuoshiOptions>());
        var before = app.Service<OfficialDocumentService>().List(null).Count;

        var client = app.ClientWith(office);
        client.DefaultRequestHeaders.ExpectContinue = true; // as curl does: the answer comes before the body is sent
        var response = await client.PostAsync("/api/v1/documents/render?format=docx",
            new ByteArrayContent(new byte[limit + 1]) { Headers = { ContentType = new("application/json") } });

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await Json(response);
        Assert.Equal("请求内容过大", problem.GetProperty("title").GetString());
        Assert.StartsWith("请求内容超过大小上限", problem.GetProperty("detail").GetString());
        Assert.Equal(before, app.Service<OfficialDocumentService>().List(null).Count);
    }

    private static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(dir.FullName, "LuoshiArchive.sln"))) dir = dir.Parent!;
        return dir.FullName;
    }
}

internal static class DocumentsApiTypes
{
    public const string Docx = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
}
