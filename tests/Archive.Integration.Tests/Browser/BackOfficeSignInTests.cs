using Archive.Identity;
using Microsoft.Playwright;

namespace Archive.Integration.Tests.Browser;

/// Umbraco's own back office at /umbraco, signed into through the archive's sign-in page, in Chromium. A
/// journey fails on any uncaught error or unhandled rejection in the page; its final state is kept as a
/// screenshot (TestResults/screenshots).
public sealed class BackOfficeSignInTests(BrowserHost host) : IClassFixture<BrowserHost>
{
    [SkippableFact]
    public async Task A_curator_signs_in_and_sees_the_content_tree_and_a_reload_keeps_the_session()
    {
        await using var session = await BackOfficeSession.SignInAsync(host, Roles.Curator);
        var page = session.Page;
        // The demo catalogue's first museum, in Kazakh (the default culture), drawn by Umbraco's tree.
        var museum = page.GetByText("Пушкиннің", new() { Exact = false }).First;
        await Assertions.Expect(museum).ToBeVisibleAsync(new() { Timeout = 60_000 });
        await Assertions.Expect(page.GetByText("Content", new() { Exact = true }).First).ToBeVisibleAsync();

        // Tokens never reach the page: the application holds "[redacted]" only.
        var stored = await page.EvaluateAsync<string>("() => JSON.stringify(localStorage)");
        Assert.DoesNotContain("eyJ", stored);
        Assert.DoesNotContain("CfDJ8", stored);

        await page.ReloadAsync();
        await Assertions.Expect(page.GetByText("Пушкиннің", new() { Exact = false }).First).ToBeVisibleAsync(new() { Timeout = 60_000 });
        Assert.DoesNotMatch("/umbraco/login", page.Url);
        await session.ScreenshotAsync("back-office-signed-in");
        await session.AssertAccessibleAsync();
        session.AssertNoPageErrors();
    }

    [SkippableFact]
    public async Task A_curator_edits_an_artefact_s_Russian_title_saves_and_publishes_and_the_Delivery_API_serves_it()
    {
        const string chest = "ee109d7d-f924-0815-7492-041e2894165b";
        // A deep link to the artefact's Russian variant: sign-in first, then straight there.
        await using var session = await BackOfficeSession.SignInAsync(host, Roles.Curator, $"/umbraco/section/content/workspace/document/edit/{chest}/ru");
        var page = session.Page;
        await Assertions.Expect(page.GetByText("Cataloguing", new() { Exact = true }).First).ToBeVisibleAsync(new() { Timeout = 60_000 });
        // Archive's own editors come from its package: the dating as written, and the years it is read as.
        await Assertions.Expect(page.GetByText("Read as 1930–1939")).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await Accessibility.AssertCleanAsync(page.Locator("archive-property-editor-ui-historical-dating").First);
        await session.OpenTabAsync("Content");
        var title = session.Property("title").Locator("input").First;
        await Assertions.Expect(title).ToHaveValueAsync("Деревянный сундук", new() { Timeout = 30_000 });
        var edited = "Деревянный сундук — " + Guid.NewGuid().ToString("N")[..6];
        await title.FillAsync(edited);
        await page.GetByRole(AriaRole.Button, new() { NameRegex = new System.Text.RegularExpressions.Regex("Save and publish") }).First.ClickAsync();
        // Umbraco's dialog: the cultures to publish (the published ones are chosen), then confirm.
        var confirm = page.Locator("umb-document-publish-modal uui-button[look=\"primary\"], umb-document-save-and-publish-modal uui-button[look=\"primary\"]").First;
        await confirm.ClickAsync(new() { Timeout = 30_000 });

        // The Delivery API serves the new title (polled: the change travels through the change log).
        using var delivery = host.CreateClient();
        await BackOfficeSession.EventuallyAsync(async () =>
        {
            var request = new HttpRequestMessage(HttpMethod.Get, $"/umbraco/delivery/api/v2/content/item/{chest}");
            request.Headers.Add("Accept-Language", "ru");
            return (await (await delivery.SendAsync(request)).Content.ReadAsStringAsync()).Contains(edited);
        }, "The Delivery API never served the title published in the back office.");
        await session.ScreenshotAsync("back-office-published");
        await session.AssertAccessibleAsync();
        session.AssertNoPageErrors();
    }

    [SkippableFact]
    public async Task A_curator_places_an_institution_on_the_map_and_by_its_numbers_and_the_Delivery_API_serves_the_point()
    {
        const string dostoevskyMuseum = "8059baa4-366c-73a7-351f-3e5329bbefd3";
        await using var session = await BackOfficeSession.SignInAsync(host, Roles.Curator, $"/umbraco/section/content/workspace/document/edit/{dostoevskyMuseum}/kk");
        var page = session.Page;
        var editor = page.Locator("archive-property-editor-ui-geo-point").First;
        var map = editor.Locator("#map");
        await Assertions.Expect(map).ToBeVisibleAsync(new() { Timeout = 60_000 });
        // The configured tiles are drawn, with the provider's attribution.
        await Assertions.Expect(map.Locator("img.leaflet-tile-loaded").First).ToBeAttachedAsync(new() { Timeout = 30_000 });
        await Assertions.Expect(map.GetByText("© OpenStreetMap contributors")).ToBeVisibleAsync();
        var latitude = editor.Locator("uui-input").Nth(0);
        var longitude = editor.Locator("uui-input").Nth(1);
        Assert.Equal("50.4111", await latitude.EvaluateAsync<string>("e => e.value"));

        // A click on the map puts the point there: east and south of the centre, where the museum was.
        await map.ScrollIntoViewIfNeededAsync();
        var box = (await map.BoundingBoxAsync())!;
        await page.Mouse.ClickAsync(box.X + box.Width / 2 + 60, box.Y + box.Height / 2 + 40);
        await BackOfficeSession.EventuallyAsync(async () => await longitude.EvaluateAsync<string>("e => e.value") is { } east && double.Parse(east, System.Globalization.CultureInfo.InvariantCulture) > 80.2275
            && double.Parse(await latitude.EvaluateAsync<string>("e => e.value"), System.Globalization.CultureInfo.InvariantCulture) < 50.4111, "A click on the map did not move the point.", 15);
        await Accessibility.AssertCleanAsync(editor);

        // The numbers stay the exact way in: typed, the point is those numbers.
        await latitude.Locator("input").FillAsync("50,4115");
        await latitude.Locator("input").PressAsync("Tab");
        await longitude.Locator("input").FillAsync("80.2301");
        await longitude.Locator("input").PressAsync("Tab");
        await page.GetByRole(AriaRole.Button, new() { NameRegex = new System.Text.RegularExpressions.Regex("Save and publish") }).First.ClickAsync();
        await page.Locator("umb-document-publish-modal uui-button[look=\"primary\"], umb-document-save-and-publish-modal uui-button[look=\"primary\"]").First.ClickAsync(new() { Timeout = 30_000 });

        using var delivery = host.CreateClient();
        await BackOfficeSession.EventuallyAsync(async () =>
        {
            var request = new HttpRequestMessage(HttpMethod.Get, $"/umbraco/delivery/api/v2/content/item/{dostoevskyMuseum}");
            request.Headers.Add("Accept-Language", "kk");
            var response = await delivery.SendAsync(request);
            if (!response.IsSuccessStatusCode)
                return false;
            var location = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("properties").GetProperty("location");
            return location.ValueKind == System.Text.Json.JsonValueKind.Object && location.GetProperty("latitude").GetDouble() == 50.4115 && location.GetProperty("longitude").GetDouble() == 80.2301;
        }, "The Delivery API never served the point placed in the back office.");
        await session.ScreenshotAsync("back-office-place-on-map");
        await session.AssertAccessibleAsync();
        session.AssertNoPageErrors();
    }

    [SkippableFact]
    public async Task The_sign_in_page_works_without_scripts_answers_the_same_for_every_refusal_and_returns_only_to_this_site()
    {
        var email = await BackOfficeSession.PersonAsync(host, Roles.Viewer);
        var context = await host.Browser.NewContextAsync(new() { JavaScriptEnabled = false, Locale = "ru-RU" });
        var page = await context.NewPageAsync();
        await page.GotoAsync(host.BaseUrl + "/umbraco/login?ReturnUrl=https://evil.example/steal");
        Assert.Equal("ru", await page.GetAttributeAsync("html", "lang"));
        await page.FillAsync("#email", "nobody@archive.kz");
        await page.FillAsync("#password", "wrong-password-1A");
        await page.PressAsync("#password", "Enter");
        var unknown = await page.Locator("[role=alert]").TextContentAsync();
        await page.FillAsync("#email", email);
        await page.FillAsync("#password", "wrong-password-1A");
        await page.PressAsync("#password", "Enter");
        Assert.Equal(unknown, await page.Locator("[role=alert]").TextContentAsync());

        await page.FillAsync("#email", email);
        await page.FillAsync("#password", BackOfficeSession.Password);
        await page.PressAsync("#password", "Enter");
        // Signed in, and sent to this site's back office, not to the address in ReturnUrl.
        Assert.StartsWith(host.BaseUrl + "/umbraco", page.Url);
        await context.CloseAsync();
    }
}
