using LuoshiArchive.Core;
using LuoshiArchive.Core.Accounts;
using LuoshiArchive.Core.Audit;
using LuoshiArchive.Core.OfficialDocuments;
using LuoshiArchive.Core.Text;
using LuoshiArchive.Web.Infrastructure;

namespace LuoshiArchive.Web.Api;

/// <summary>Official documents (公文): render a SPEC to DOCX or PDF as <c>luoshi doc render</c> does, list and issue drafts.</summary>
public static class DocumentsApi
{
    public const string DocxType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    public static void Map(RouteGroupBuilder api)
    {
        api.MapPost("/documents/render", RenderAsync).WithName("RenderDocument").WithTags("公文")
            .WithSummary("按 GB/T 9704 由 SPEC（README 所述 JSON）生成公文；format=docx（默认）或 pdf；number 为 auto 时从发文字号登记簿取号")
            .Accepts<System.Text.Json.Nodes.JsonObject>("application/json")
            .Produces(StatusCodes.Status200OK, contentType: DocxType).Produces(StatusCodes.Status200OK, contentType: "application/pdf")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        api.MapGet("/documents", List).WithName("ListDocuments").WithTags("公文").WithSummary("公文（草稿与已印发）");
        api.MapPost("/documents/{id:int}/issue", IssueAsync).WithName("IssueDocument").WithTags("公文")
            .WithSummary("印发草稿：取号、生成 DOCX/PDF 并归入所涉任务的档案").ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    public static async Task<IResult> RenderAsync(HttpRequest request, HttpContext http, AuditLog audit, DocumentNumberRegister numbers,
        ConverterPaths converters, string? format = null)
    {
        var actor = http.User.Actor();
        Access.Demand(actor, Permission.IssueDocuments, audit);
        var pdf = (format ?? "docx").ToLowerInvariant() switch
        {
            "docx" => false,
            "pdf" => true,
            _ => throw new DomainRuleException($"format“{format}”无法识别，应为 docx 或 pdf。"),
        };
        using var reader = new StreamReader(request.Body);
        var spec = DocumentSpecReader.Parse(await reader.ReadToEndAsync(http.RequestAborted));
        if (spec.WantsAutoNumber)
            spec = spec with { Number = numbers.Next(spec.CodePrefix, spec.Date.Year, null, actor).Number };
        var docx = OfficialDocumentService.Render(spec, new DocumentLayout());
        var name = Core.Storage.ArchiveNames.Safe($"{(spec.Number.Length > 0 ? spec.Number + " " : "")}{spec.Title}");
        http.Response.Headers["X-Document-Number"] = Uri.EscapeDataString(spec.Number);
        if (!pdf) return TypedResults.File(docx, DocxType, name + ".docx");
        var rendition = PdfRendition.TryConvert(docx, converters);
        return rendition is null
            ? TypedResults.Problem("未能生成 PDF：服务器没有安装 LibreOffice（soffice），或转换失败。可改用 format=docx。",
                statusCode: StatusCodes.Status503ServiceUnavailable, title: ApiProblems.Title(503))
            : TypedResults.File(rendition, "application/pdf", name + ".pdf");
    }

    public static DocumentListResponse List(HttpContext http, AuditLog audit, OfficialDocumentService documents, int? year = null)
    {
        Access.Demand(http.User.Actor(), Permission.IssueDocuments, audit);
        return new DocumentListResponse(documents.List(year).Select(d => DocumentSummary.Of(d, documents)).ToList());
    }

    public static async Task<IResult> IssueAsync(int id, HttpContext http, OfficialDocumentService documents, CancellationToken cancellationToken)
    {
        if (documents.Find(id) is null) return ApiResults.NotFound($"公文 {id} 不存在。");
        var issued = await documents.IssueAsync(id, http.User.Actor(), cancellationToken);
        return TypedResults.Ok(new DocumentResponse(DocumentSummary.Of(issued, documents)));
    }
}

public sealed record DocumentListResponse(IReadOnlyList<DocumentSummary> Documents);

public sealed record DocumentResponse(DocumentSummary Document);

/// <summary>A document in the register: <c>docxEvidence</c>/<c>pdfEvidence</c> are the evidence ids of the issued files.</summary>
public sealed record DocumentSummary(int Id, string Genre, string Title, string Number, bool Issued, DateTime? IssuedAt,
    IReadOnlyList<string> Tasks, int? DocxEvidence, int? PdfEvidence, IReadOnlyList<int> SupervisionOrders)
{
    public static DocumentSummary Of(OfficialDocument d, OfficialDocumentService documents) => new(d.Id,
        DocumentSpecReader.GenreName(d.Genre), d.Title, d.Number, d.IsIssued, d.IssuedAt, documents.TasksOf(d).Select(t => t.Code).ToList(),
        d.DocxEvidenceId, d.PdfEvidenceId, d.SupervisionOrderIds);
}
