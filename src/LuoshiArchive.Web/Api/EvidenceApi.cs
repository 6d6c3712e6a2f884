using LuoshiArchive.Core;
using LuoshiArchive.Core.Dossiers;
using LuoshiArchive.Core.Meetings;
using LuoshiArchive.Core.Tasks;
using LuoshiArchive.Core.Text;
using LuoshiArchive.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace LuoshiArchive.Web.Api;

/// <summary>Evidence (佐证材料): upload into a task's dossier with the page's checks and messages, metadata, download.</summary>
public static class EvidenceApi
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapPost("/tasks/{code}/evidence", UploadAsync).WithName("UploadEvidence").WithTags("佐证材料")
            .WithSummary("上传一个文件到任务档案（multipart/form-data：file，可选 kind、title、number、date、author）")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/evidence/{id:int}", Metadata).WithName("GetEvidence").WithTags("佐证材料")
            .WithSummary("材料的著录信息").ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/evidence/{id:int}/file", Download).WithName("DownloadEvidence").WithTags("佐证材料")
            .WithSummary("下载原件（逐字节与上传时相同）").Produces(StatusCodes.Status200OK, contentType: "application/octet-stream")
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    public static async Task<IResult> UploadAsync(string code, IFormFile? file, [FromForm] string? kind, [FromForm] string? title,
        [FromForm] string? number, [FromForm] string? date, [FromForm] string? author, HttpContext http, DossierService dossiers,
        TaskRegistry tasks, MeetingRegister meetings, CancellationToken cancellationToken)
    {
        if (tasks.Find(code) is null) return ApiResults.NotFound($"任务“{code}”不存在。");
        if (file is null) throw new DomainRuleException("请选择要上传的文件（表单字段 file）。");
        var details = new EvidenceDetails
        {
            Kind = ApiEnums.Parse<EvidenceKind>(kind, "kind") ?? EvidenceKind.Other, Title = Blank(title), Number = Blank(number),
            Date = ApiDates.Parse(date, "date"), Author = Blank(author),
        };
        IntakeResult result;
        try
        {
            await using var stream = file.OpenReadStream();
            result = await dossiers.AddAsync(stream, file.FileName, [code], details, http.User.Actor(), cancellationToken);
        }
        catch (Exception e) when (e is DomainRuleException or ExtractionException)
        {
            // The page's verdict for a refused file, word for word.
            throw new DomainRuleException($"“{file.FileName}”：未保存。{e.Message}");
        }
        var body = new UploadResponse(EvidenceMetadata.Of(result.Evidence, meetings.CodesOf), result.AlreadyStored, result.NewlyFiledIn);
        return result.AlreadyStored
            ? TypedResults.Ok(body)
            : TypedResults.Created($"/api/v1/evidence/{result.Evidence.Id}", body);
    }

    public static IResult Metadata(int id, HttpContext http, DossierService dossiers, MeetingRegister meetings) =>
        dossiers.Read(id, http.User.Actor()) is { } evidence
            ? TypedResults.Ok(new EvidenceResponse(EvidenceMetadata.Of(evidence, meetings.CodesOf)))
            : ApiResults.NotFound($"材料 {id} 不存在。");

    public static IResult Download(int id, HttpContext http, DossierService dossiers) =>
        dossiers.Read(id, http.User.Actor()) is { } evidence
            ? TypedResults.Stream(dossiers.OpenOriginal(evidence), ContentTypes.For(evidence.OriginalFileName), evidence.OriginalFileName)
            : ApiResults.NotFound($"材料 {id} 不存在。");

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

public sealed record EvidenceResponse(EvidenceMetadata Evidence);

public sealed record UploadResponse(EvidenceMetadata Evidence, bool AlreadyStored, IReadOnlyList<string> NewlyFiledIn);

/// <summary>A piece of evidence as the API shows it; <c>tasks</c> are the codes of the dossiers it is filed in.</summary>
public sealed record EvidenceMetadata(int Id, string Title, string Number, string? Date, string Kind, string Author,
    string FileName, string Format, long Length, string Sha256, int? PageCount, bool NoTextRead, IReadOnlyList<string> Tasks,
    DateTime AddedAt, string AddedBy, string Download)
{
    public static EvidenceMetadata Of(Evidence e, Func<IEnumerable<int>, IReadOnlyList<string>> codesOf) => new(e.Id, e.Title, e.Number, ApiDates.Format(e.Date),
        e.Kind.ToString(), e.Author, e.OriginalFileName, e.Format, e.Length, e.Sha256, e.PageCount, e.NoTextRead,
        codesOf(e.Links.Select(l => l.TaskId)), e.AddedAt, e.AddedBy, $"/api/v1/evidence/{e.Id}/file");
}
