using LuoshiArchive.Core.Text;
using LuoshiArchive.Core.OfficialDocuments;
using LuoshiArchive.Core.Tasks;

namespace LuoshiArchive.Core.Supervision;

/// <summary>
/// The printed 督办单 on the GB/T 9704 page: red "××督办单" mark and number over a red line, the ordered department,
/// the order as a two-column form (事项, 时限, 回复要求, 依据), then the issuing office and date.
/// </summary>
public static class SupervisionOrderDocument
{
    public static void Write(Stream output, SupervisionOrder order, KeyTask? task, string department, string organisation) =>
        DocxParts.Write(output, body =>
        {
            body.Append(DocxParts.Title(organisation + "督办单", OfficialPage.Red));
            body.Append(OfficialPage.Centered(OfficialPage.Text(order.Number)));
            body.Append(OfficialPage.RedLine());
            body.Append(DocxParts.Flush(department + "："));
            body.Append(OfficialPage.Body($"根据重点任务落实工作安排，现将下列事项交你处室办理，请于{ChineseDates.Format(order.Due)}前办结并按要求回复。"));
            var fields = new List<(string, string)>
            {
                ("督办编号", order.Number),
                ("督办任务", task is null ? order.TaskCode : $"{task.Code} {task.Name}"),
                ("承办处室", department),
                ("督办事项", order.What),
                ("办理时限", ChineseDates.Format(order.Due) + "前"),
                ("回复要求", order.HowToReply),
            };
            if (order.SourceDocument.Length > 0) fields.Add(("督办依据", order.SourceDocument));
            fields.Add(("签发", $"{order.IssuedBy}　{ChineseDates.Format(order.IssuedOn)}"));
            body.Append(DocxParts.Form(fields));
            body.Append(OfficialPage.Blank());
            body.Append(DocxParts.Right(organisation + "办公室"));
            body.Append(DocxParts.Right(ChineseDates.Format(order.IssuedOn)));
        });

    /// <summary>"督办单-督办〔2018〕3号.docx"</summary>
    public static string FileName(SupervisionOrder order) => $"督办单-{order.Number}.docx";
}
