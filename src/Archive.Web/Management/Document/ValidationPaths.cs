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

    /// values: the request's values, when the engine names them by index.
    public static IResult Problem(OperationResult result, IReadOnlyList<DocumentValueModel>? values) =>
        ManagementRequests.From(result, p => Umbraco(p, values));

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
        // A problem with the value itself, or within it (a block's value), sits under ".value". Rich text's markup is
        // the value as its editor shows it: Umbraco's editor finds its problems at ".value" only.
        if (!rest.StartsWith(".value", StringComparison.Ordinal) || rest == ".value.markup")
            rest = ".value";
        return $"$.values[?(@.alias == {Quoted(alias)} && @.culture == {Quoted(problem.Culture)} && @.segment == null)]{rest}";
    }
}
