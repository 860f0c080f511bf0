using Microsoft.Playwright;

namespace Archive.Integration.Tests.Browser;

/// The back office's sign-in page, Archive's own, checked with axe-core against the WCAG 2.2 A and AA rules in each
/// of its languages, on a desktop and a phone, before and after a refused sign-in.
public sealed class SignInPageAccessibilityTests(BrowserHost host) : IClassFixture<BrowserHost>
{
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
            var before = await Accessibility.ViolationsAsync(page);
            Assert.True(before.Count == 0, string.Join("\n", before));

            await page.FillAsync("#email", "nobody@archive.kz");
            await page.FillAsync("#password", "wrong-password-1A");
            await page.PressAsync("#password", "Enter");
            await Assertions.Expect(page.Locator("[role=alert]")).ToBeVisibleAsync();
            var after = await Accessibility.ViolationsAsync(page);
            Assert.True(after.Count == 0, string.Join("\n", after));
        }
        finally
        {
            await context.CloseAsync();
        }
    }
}
