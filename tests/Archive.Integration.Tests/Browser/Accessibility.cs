using System.Text.Json;
using Archive.Integration.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Archive.Integration.Tests.Browser;

/// axe-core (from npm: tests/tools/axe, installed by the test command through its lock file) against the WCAG 2.2
/// A and AA rules: a whole page, or one of Archive's own screens inside the back office (Umbraco's shadow DOM).
public static class Accessibility
{
    private static readonly string[] Rules = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"];

    private static string Axe() => TestServices.File(Path.Combine(Paths.RepositoryRoot, "tests", "tools", "axe", "node_modules", "axe-core", "axe.min.js"), "axe-core");

    /// The violations on the whole page, each with the rule, its help and where.
    public static async Task<List<string>> ViolationsAsync(IPage page)
    {
        await page.AddScriptTagAsync(new() { Path = Axe() });
        return Describe(await page.EvaluateAsync<JsonElement>("rules => axe.run(document, { runOnly: { type: 'tag', values: rules } })", Rules));
    }

    /// The violations within one element (and the shadow trees beneath it), wherever it sits in the page.
    public static async Task<List<string>> ViolationsAsync(ILocator element)
    {
        await element.Page.AddScriptTagAsync(new() { Path = Axe() });
        return Describe(await element.EvaluateAsync<JsonElement>("(node, rules) => axe.run(node, { runOnly: { type: 'tag', values: rules } })", Rules));
    }

    private static List<string> Describe(JsonElement result) =>
        result.GetProperty("violations").EnumerateArray()
            .Select(v => $"{v.GetProperty("id").GetString()}: {v.GetProperty("help").GetString()} at "
                + string.Join(", ", v.GetProperty("nodes").EnumerateArray().Select(n => n.GetProperty("target").ToString())))
            .ToList();

    public static async Task AssertCleanAsync(ILocator element)
    {
        var violations = await ViolationsAsync(element);
        Assert.True(violations.Count == 0, string.Join("\n", violations));
    }
}
