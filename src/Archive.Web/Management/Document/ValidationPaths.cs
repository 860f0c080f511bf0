using System.Text.RegularExpressions;
using Archive.Data.Content;
using Archive.Engine.Content;

namespace Archive.Web.Management.Document;

/// Problems as Umbraco's back office finds them on its fields: property values by alias, culture and
/// segment ("$.values[?(@.alias == 'title' && @.culture == 'ru' && @.segment == null)].value"), names by
/// variant ("$.variants[?(@.culture == 'ru' && @.segment == null)].name").
public static partial class ValidationPaths
{
    [GeneratedRegex(@"^\$\.values\[(?<at>[^\]]+)\](?<rest>.*)$")]
    private static partial Regex ValuePath();

    public static IResult Problem(OperationResult result, IReadOnlyList<DocumentValueModel>? values)
    {
        var errors = result.Problems
            .GroupBy(p => Umbraco(p, values))
            .ToDictionary(g => g.Key, g => g.Select(p => p.Message).Distinct().ToArray());
        return Results.ValidationProblem(errors, title: result.Status == OperationStatus.DuplicateValue ? "A value must be unique" : "Validation failed",
            statusCode: result.Status == OperationStatus.NotFound ? 404 : 400, extensions: new Dictionary<string, object?> { ["operationStatus"] = result.Status.ToString() });
    }

    private static string Quoted(string? text) => text is { Length: > 0 } ? $"'{text.Replace("'", "\\'")}'" : "null";

    private static string Umbraco(ContentProblem problem, IReadOnlyList<DocumentValueModel>? values)
    {
        if (problem.Path == "$.names")
            return $"$.variants[?(@.culture == {Quoted(problem.Culture)} && @.segment == null)].name";
        if (ValuePath().Match(problem.Path) is not { Success: true } match)
            return problem.Path;
        var at = match.Groups["at"].Value;
        var alias = int.TryParse(at, out var index) && values is not null && index < values.Count ? values[index].Alias : at;
        var rest = match.Groups["rest"].Value;
        // A problem with the value itself, or within it (a block's value), sits under ".value".
        if (!rest.StartsWith(".value", StringComparison.Ordinal))
            rest = ".value";
        return $"$.values[?(@.alias == {Quoted(alias)} && @.culture == {Quoted(problem.Culture)} && @.segment == null)]{rest}";
    }
}
