using Archive.Identity;
using Archive.Integration.Tests.Kiosk;
using Microsoft.Playwright;

namespace Archive.Integration.Tests.Browser;

/// A curator pairs a hall screen from the kiosk's "Screens" view in the back office by typing the code the screen
/// shows, sees it report in, finds it on the "Kiosks" dashboard, and revokes it; the views meet WCAG 2.2 AA.
public sealed class BackOfficeKioskJourneyTests(KioskHost host) : IClassFixture<KioskHost>
{
    [SkippableFact]
    public async Task A_curator_pairs_a_screen_by_its_code_sees_it_on_the_dashboard_and_revokes_it()
    {
        var screenContext = await host.Browser.NewContextAsync(new() { HasTouch = true, ViewportSize = new() { Width = 1280, Height = 800 } });
        var screen = await screenContext.NewPageAsync();
        await screen.GotoAsync(host.BaseUrl + "/kiosk/");
        var code = await screen.Locator(".code[data-code]").GetAttributeAsync("data-code", new() { Timeout = 20_000 });

        await using var curator = await BackOfficeSession.SignInAsync(host, Roles.Curator, $"/umbraco/section/content/workspace/document/edit/{KioskHost.DemoKiosk}/ru/view/screens");
        var page = curator.Page;
        var view = page.Locator("archive-kiosk-screens");
        await Assertions.Expect(view.Locator("input[name='code']")).ToBeVisibleAsync(new() { Timeout = 60_000 });
        await curator.SettledAsync();
        // A code mistyped is refused with the reason.
        await view.Locator("input[name='code']").FillAsync("AAAA-AAAA");
        await view.Locator("uui-button[type='submit']").ClickAsync();
        await Assertions.Expect(view.Locator("[role='alert']")).ToContainTextAsync("15", new() { Timeout = 20_000 });
        await view.Locator("input[name='code']").FillAsync(code!.ToLowerInvariant());
        await view.Locator("input[name='name']").FillAsync("Left of the entrance");
        await view.Locator("uui-button[type='submit']").ClickAsync();
        await Assertions.Expect(view.Locator("tr[data-device]")).ToContainTextAsync("Left of the entrance", new() { Timeout = 20_000 });
        await Assertions.Expect(screen.Locator("body[data-screen='attract']")).ToHaveCountAsync(1, new() { Timeout = 120_000 });
        await Accessibility.AssertCleanAsync(view);
        await curator.ScreenshotAsync("back-office-kiosk-screens");

        await page.GotoAsync(host.BaseUrl + "/umbraco/section/content/dashboard/kiosks");
        var dashboard = page.Locator("archive-kiosk-fleet");
        await Assertions.Expect(dashboard.Locator("tr[data-device]").First).ToBeVisibleAsync(new() { Timeout = 60_000 });
        await Assertions.Expect(dashboard).ToContainTextAsync("Left of the entrance");
        await Accessibility.AssertCleanAsync(dashboard);
        await curator.ScreenshotAsync("back-office-kiosk-dashboard");

        await page.GotoAsync(host.BaseUrl + $"/umbraco/section/content/workspace/document/edit/{KioskHost.DemoKiosk}/ru/view/screens");
        page.Dialog += async (_, dialog) => await dialog.AcceptAsync();
        await view.Locator("tr[data-device] uui-button").First.ClickAsync(new() { Timeout = 60_000 });
        await Assertions.Expect(view.Locator("tr[data-device]")).ToHaveCountAsync(0, new() { Timeout = 20_000 });
        await Assertions.Expect(screen.Locator(".code[data-code]")).ToHaveCountAsync(1, new() { Timeout = 40_000 });
        curator.AssertNoPageErrors();
        await screenContext.CloseAsync();
    }
}
