using Archive.Identity;
using Microsoft.Playwright;

namespace Archive.Integration.Tests.Browser;

/// A registrar opens an object's "Movements" view: where it is now (hall, crate, home, away), its ledger and its
/// condition checks; records a condition check, and sees a movement that breaks the registrar's rules refused with
/// the rule; a viewer reads the same view without the forms. Each page meets WCAG 2.2 AA.
public sealed class BackOfficeMovementsJourneyTests(BrowserHost host) : IClassFixture<BrowserHost>
{
    private const string Dutar = "aed4a481-b039-1b29-b4e2-27ed5434fdce";

    [SkippableFact]
    public async Task A_registrar_reads_an_object_s_ledger_records_a_check_and_is_told_why_a_movement_is_refused()
    {
        await using var curator = await BackOfficeSession.SignInAsync(host, Roles.Curator, $"/umbraco/section/content/workspace/document/edit/{Dutar}/en/view/movements");
        var page = curator.Page;
        var view = page.Locator("archive-movements");
        await Assertions.Expect(view.Locator("dd", new() { HasText = "KZ-2026-016 (sample)" })).ToBeVisibleAsync(new() { Timeout = 60_000 });
        await Assertions.Expect(view.Locator("dd", new() { HasText = "Exhibition hall of the House of Friendship, Almaty (sample)" }).First).ToBeVisibleAsync();
        await Assertions.Expect(view.Locator("dd strong", new() { HasText = "Away from home" })).ToBeVisibleAsync();
        await curator.SettledAsync();
        await curator.ScreenshotAsync("back-office-movements");
        Assert.True(await view.Locator("table").First.Locator("tbody tr:not(.note)").CountAsync() >= 5);
        await Accessibility.AssertCleanAsync(view);

        // A condition check, as a registrar records it on the hall's floor.
        var checks = await view.Locator("table").Last.Locator("tbody tr").CountAsync();
        await view.Locator("#checked").FillAsync("2026-12-01T10:30");
        await view.Locator("#checkedBy").FillAsync("Conservator of the House of Friendship (sample)");
        await view.Locator("#grade").SelectOptionAsync("good");
        await view.Locator("#notes").FillAsync("Packed; seals intact.");
        await view.Locator("form").Last.Locator("uui-button[type=submit]").ClickAsync();
        await Assertions.Expect(view.Locator("[role=status]")).ToHaveTextAsync("Recorded.", new() { Timeout = 30_000 });
        await Assertions.Expect(view.Locator("table").Last.Locator("tbody tr")).ToHaveCountAsync(checks + 1);

        // A movement dated before the object's last one ended is refused, and the registrar is told which rule.
        await view.Locator("#to").SelectOptionAsync(new SelectOptionValue { Label = (await view.Locator("#to option", new() { HasText = "Almaty" }).First.TextContentAsync())! });
        await view.Locator("#departed").FillAsync("2026-09-01T09:00");
        await view.Locator("#reason").SelectOptionAsync("loanReturn");
        await view.Locator("form").First.Locator("uui-button[type=submit]").ClickAsync();
        var alert = view.Locator("[role=alert]");
        await Assertions.Expect(alert).ToContainTextAsync("$.departed", new() { Timeout = 30_000 });
        await Assertions.Expect(alert).ToContainTextAsync("cannot start before");
        await Accessibility.AssertCleanAsync(view);
        curator.AssertNoPageErrors();

        await using var viewer = await BackOfficeSession.SignInAsync(host, Roles.Viewer, $"/umbraco/section/content/workspace/document/edit/{Dutar}/en/view/movements");
        var readOnly = viewer.Page.Locator("archive-movements");
        await Assertions.Expect(readOnly.Locator("p", new() { HasText = "Only registrars" })).ToBeVisibleAsync(new() { Timeout = 60_000 });
        Assert.Equal(0, await readOnly.Locator("form").CountAsync());
        await viewer.SettledAsync();
        await Accessibility.AssertCleanAsync(readOnly);
        viewer.AssertNoPageErrors();
    }
}
