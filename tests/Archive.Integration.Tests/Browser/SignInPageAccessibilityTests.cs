using System.Text.Json;
using Archive.Integration.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Archive.Integration.Tests.Browser;

/// The back office's sign-in page, Archive's own, checked with axe-core against the WCAG 2.2 A and AA rules in each
/// of its languages, on a desktop and a phone, before and after a refused sign-in.
public sealed class SignInPageAccessibilityTests(BrowserHost host) : IClassFixture<BrowserHost>
{
    private static readonly string[] Rules = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"];

    /// axe-core from npm (tests/tools/axe, installed by the test command through its lock file).
    private static string Axe() => TestServices.File(Path.Combine(Paths.RepositoryRoot, "tests", "tools", "axe", "node_modules", "axe-core", "axe.min.js"), "axe-core");

    private static async Task<List<string>> ViolationsAsync(IPage page)
    {
        await page.AddScriptTagAsync(new() { Path = Axe() });
        var result = await page.EvaluateAsync<JsonElement>("rules => axe.run(document, { runOnly: { type: 'tag', values: rules } })", Rules);
        return result.GetProperty("violations").EnumerateArray()
            .Select(v => $"{v.GetProperty("id").GetString()}: {v.GetProperty("help").GetString()} at "
                + string.Join(", ", v.GetProperty("nodes").EnumerateArray().Select(n => n.GetProperty("target").ToString())))
            .ToList();
    }

    [SkippableTheory]
    [InlineData("kk", 1280, 800)]
    [InlineData("ru", 1280, 800)]
    [InlineData("en", 1280, 800)]
    [InlineData("kk", 390, 844)]
    public async Task The_sign_in_page_meets_WCAG_2_2_AA_before_and_after_a_refused_sign_in(string language, int width, int height)
    {
        // The page allows no script at all (its CSP); the checker is let in for the test alone.
        var context = await host.Browser.NewContextAsync(new() { ViewportSize = new() { Width = width, Height = height }, BypassCSP = true });
        try
        {
            var page = await context.NewPageAsync();
            await page.GotoAsync($"{host.BaseUrl}/umbraco/login?lang={language}");
            Assert.Equal(language, await page.GetAttributeAsync("html", "lang"));
            var before = await ViolationsAsync(page);
            Assert.True(before.Count == 0, string.Join("\n", before));

            await page.FillAsync("#email", "nobody@archive.kz");
            await page.FillAsync("#password", "wrong-password-1A");
            await page.PressAsync("#password", "Enter");
            await Assertions.Expect(page.Locator("[role=alert]")).ToBeVisibleAsync();
            var after = await ViolationsAsync(page);
            Assert.True(after.Count == 0, string.Join("\n", after));
        }
        finally
        {
            await context.CloseAsync();
        }
    }
}
