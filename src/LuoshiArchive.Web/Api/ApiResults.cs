using System.Globalization;
using LuoshiArchive.Core;

namespace LuoshiArchive.Web.Api;

/// <summary>Results the endpoints share: a 404 problem with its Chinese message.</summary>
public static class ApiResults
{
    public static IResult NotFound(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status404NotFound, title: ApiProblems.Title(404));
}

/// <summary>Dates on the API are ISO 8601 days (2018-06-30), as in the CLI's JSON.</summary>
public static class ApiDates
{
    public static string? Format(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static DateOnly? Parse(string? text, string field) =>
        string.IsNullOrWhiteSpace(text) ? null
        : DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d
        : throw new DomainRuleException($"{field}“{text}”无法识别：日期应写成 2018-06-30。");
}

/// <summary>Enum values on the API are the English names of DOMAIN.md (Comprehensive, InProgress, Minutes…).</summary>
public static class ApiEnums
{
    public static T? Parse<T>(string? text, string field) where T : struct, Enum =>
        string.IsNullOrWhiteSpace(text) ? null
        : Enum.TryParse<T>(text.Trim(), ignoreCase: true, out var value) && Enum.IsDefined(value) ? value
        : throw new DomainRuleException($"{field}“{text}”无法识别，应为：{string.Join("、", Enum.GetNames<T>())}。");
}
