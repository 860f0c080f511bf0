using Archive.Identity;
using Microsoft.Playwright;

namespace Archive.Integration.Tests.Browser;

/// A registrar (a curator) opens the Almaty stop of the touring exhibition, finds its documents in the stop's
/// "Registrar" view and opens the pack list and the condition-check forms in Russian, signed in by the back office's
/// cookie; each document is a printable page that meets WCAG 2.2 AA.
public sealed class BackOfficeRegistrarJourneyTests(BrowserHost host) : IClassFixture<BrowserHost>
{
    private const string AlmatyStop = "1a21842f-8222-e867-fff6-def846d349b0";

    [SkippableFact]
    public async Task A_registrar_opens_a_stop_s_pack_list_and_condition_checks_from_the_back_office()
    {
        await using var curator = await BackOfficeSession.SignInAsync(host, Roles.Curator, $"/umbraco/section/content/workspace/document/edit/{AlmatyStop}/ru/view/registrar");
        var page = curator.Page;
        var packList = page.Locator("archive-registrar a[href*=\"/pack-list\"]");
        await Assertions.Expect(packList).ToBeVisibleAsync(new() { Timeout = 60_000 });
        await curator.SettledAsync();
        await Accessibility.AssertCleanAsync(page.Locator("archive-registrar"));
        await curator.ScreenshotAsync("back-office-registrar");

        foreach (var (link, heading) in new[] { ("pack-list", "Упаковочный лист"), ("condition-checks", "Проверка сохранности") })
        {
            var href = await page.Locator($"archive-registrar a[href*=\"/{link}\"]").GetAttributeAsync("href");
            var document = await page.Context.NewPageAsync();
            // In Russian whatever the curator's UI language: the link carries it as culture=.
            await document.GotoAsync(new Uri(new Uri(page.Url), System.Text.RegularExpressions.Regex.Replace(href!, "culture=[^&]*", "culture=ru")).ToString());
            await Assertions.Expect(document.Locator("h1")).ToHaveTextAsync(heading);
            Assert.Equal("ru", await document.Locator("html").GetAttributeAsync("lang"));
            Assert.Empty(await Accessibility.ViolationsAsync(document));
            await document.ScreenshotAsync(new() { Path = Path.Combine(AppContext.BaseDirectory, "TestResults", "screenshots", $"registrar-{link}.png") });
            await document.CloseAsync();
        }
        curator.AssertNoPageErrors();
    }

    [SkippableFact]
    public async Task A_registrar_opens_a_loan_s_agreement_summary_from_its_Agreement_view()
    {
        const string UyghurLoan = "ba192e36-e0c8-507c-8d73-f026900bdbc8";
        await using var curator = await BackOfficeSession.SignInAsync(host, Roles.Curator, $"/umbraco/section/content/workspace/document/edit/{UyghurLoan}/kk/view/agreement");
        var page = curator.Page;
        var link = page.Locator("archive-agreement a[href*=\"/agreement\"]");
        await Assertions.Expect(link).ToBeVisibleAsync(new() { Timeout = 60_000 });
        await curator.SettledAsync();
        await Accessibility.AssertCleanAsync(page.Locator("archive-agreement"));
        var document = await page.Context.NewPageAsync();
        await document.GotoAsync(new Uri(new Uri(page.Url), System.Text.RegularExpressions.Regex.Replace((await link.GetAttributeAsync("href"))!, "culture=[^&]*", "culture=kk")).ToString());
        await Assertions.Expect(document.Locator("h1")).ToHaveTextAsync("Уақытша беру шартының қысқаша мазмұны");
        Assert.Equal("kk", await document.Locator("html").GetAttributeAsync("lang"));
        Assert.Empty(await Accessibility.ViolationsAsync(document));
        await document.ScreenshotAsync(new() { Path = Path.Combine(AppContext.BaseDirectory, "TestResults", "screenshots", "registrar-loan-agreement.png"), FullPage = true });
        await document.CloseAsync();
        curator.AssertNoPageErrors();
    }
}
