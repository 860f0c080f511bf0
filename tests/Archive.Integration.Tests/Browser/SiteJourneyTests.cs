using System.Text.Json;
using Microsoft.Playwright;

namespace Archive.Integration.Tests.Browser;

/// The public site in Chromium: every page type in Kazakh, Russian, English and Uyghur (right to left) clean under
/// axe-core's WCAG 2.2 AA rules on a desktop and a phone; deep zoom opened and moved with the keyboard alone; search
/// narrowed and paged with scripts off.
public sealed class SiteJourneyTests(BrowserHost host) : IClassFixture<BrowserHost>
{
    private const string Dutar = "aed4a481-b039-1b29-b4e2-27ed5434fdce";

    private async Task<string> KeyOf(string contentType)
    {
        using var client = new HttpClient { BaseAddress = new Uri(host.BaseUrl) };
        var json = JsonDocument.Parse(await client.GetStringAsync($"/umbraco/delivery/api/v2/content?filter=contentType:{contentType}&take=1")).RootElement;
        return json.GetProperty("items")[0].GetProperty("id").GetString()!;
    }

    private static string Screenshots => Path.Combine(AppContext.BaseDirectory, "TestResults", "screenshots");

    [SkippableFact]
    public async Task Every_page_type_in_every_main_language_is_clean_under_axe_on_a_desktop_and_a_phone()
    {
        var types = new[] { "institution", "collection", "person", "exhibition", "exhibitionStop", "venue", "route", "story", "term", "vocabulary", "people" };
        var keys = new List<string> { Dutar };
        foreach (var type in types)
            keys.Add(await KeyOf(type));
        Directory.CreateDirectory(Screenshots);
        var failures = new List<string>();
        foreach (var (viewport, name) in new[] { (new ViewportSize { Width = 1280, Height = 900 }, "desktop"), (new ViewportSize { Width = 390, Height = 844 }, "phone") })
        {
            var context = await host.Browser.NewContextAsync(new() { ViewportSize = viewport, IsMobile = name == "phone", HasTouch = name == "phone" });
            var page = await context.NewPageAsync();
            var errors = new List<string>();
            page.PageError += (_, error) => errors.Add(error);
            // On a phone, Uyghur: the right-to-left layout is the one most likely to break on a narrow screen.
            foreach (var culture in name == "phone" ? new[] { "ug" } : new[] { "kk", "ru", "en", "ug" })
            {
                var urls = new List<string> { $"/{culture}/", $"/{culture}/search?q=dutar", $"/{culture}/search", $"/{culture}/map", $"/{culture}/collections", $"/{culture}/places", $"/{culture}/nowhere/" };
                urls.AddRange(keys.Select(k => $"/{culture}/item/{k}"));
                foreach (var url in urls)
                {
                    await page.GotoAsync(host.BaseUrl + url);
                    Assert.Equal(culture == "ug" ? "rtl" : "ltr", await page.GetAttributeAsync("html", "dir"));
                    var violations = await Accessibility.ViolationsAsync(page);
                    failures.AddRange(violations.Select(v => $"{name} {url}: {v}"));
                }
                await page.GotoAsync($"{host.BaseUrl}/{culture}/item/{Dutar}");
                await page.ScreenshotAsync(new() { Path = Path.Combine(Screenshots, $"site-artefact-{culture}-{name}.png"), FullPage = true });
            }
            Assert.True(errors.Count == 0, string.Join("\n", errors));
            await context.CloseAsync();
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures.Take(40)));
    }

    [SkippableFact]
    public async Task Deep_zoom_opens_and_pans_with_the_keyboard_alone()
    {
        var page = await host.Browser.NewPageAsync();
        var tiles = new List<string>();
        page.Request += (_, request) =>
        {
            if (request.Url.Contains("/iiif/3/", StringComparison.Ordinal) && !request.Url.EndsWith("info.json", StringComparison.Ordinal))
                tiles.Add(request.Url);
        };
        await page.GotoAsync($"{host.BaseUrl}/en/item/{Dutar}");
        var open = page.GetByRole(AriaRole.Button, new() { Name = "Zoom into the image" });
        await open.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("figure[data-zoom-ready='true']")).ToHaveCountAsync(1, new() { Timeout = 20_000 });
        // The viewer has the focus: keys zoom in and move.
        await Assertions.Expect(page.Locator(".openseadragon-canvas")).ToBeFocusedAsync();
        var figure = page.Locator("figure[data-zoom-ready='true']");
        await Assertions.Expect(figure).ToHaveAttributeAsync("data-zoom-level", new System.Text.RegularExpressions.Regex(@"^\d"));
        var level = double.Parse((await figure.GetAttributeAsync("data-zoom-level"))!, System.Globalization.CultureInfo.InvariantCulture);
        var center = await figure.GetAttributeAsync("data-zoom-center");
        await page.Keyboard.PressAsync("+");
        await page.Keyboard.PressAsync("+");
        await Assertions.Expect(figure).Not.ToHaveAttributeAsync("data-zoom-level", level.ToString("0.000", System.Globalization.CultureInfo.InvariantCulture), new() { Timeout = 10_000 });
        Assert.True(double.Parse((await figure.GetAttributeAsync("data-zoom-level"))!, System.Globalization.CultureInfo.InvariantCulture) > level);
        await page.Keyboard.PressAsync("ArrowRight");
        await page.Keyboard.PressAsync("ArrowDown");
        await Assertions.Expect(figure).Not.ToHaveAttributeAsync("data-zoom-center", center!, new() { Timeout = 10_000 });
        Assert.NotEmpty(tiles);
        // Named buttons do the same for those who prefer them; the whole page stays clean.
        await page.GetByRole(AriaRole.Button, new() { Name = "Whole image" }).ClickAsync();
        await Accessibility.AssertCleanAsync(page.Locator("main"));
        await page.ScreenshotAsync(new() { Path = Path.Combine(Screenshots, "site-deep-zoom.png") });
        await page.CloseAsync();
    }

    [SkippableFact]
    public async Task The_map_shows_the_public_places_and_moves_and_zooms_with_the_keyboard()
    {
        var page = await host.Browser.NewPageAsync();
        await page.GotoAsync($"{host.BaseUrl}/ru/map");
        var map = page.Locator(".map");
        await Assertions.Expect(map).ToHaveAttributeAsync("data-features", new System.Text.RegularExpressions.Regex(@"^[1-9]\d+$"), new() { Timeout = 20_000 });
        // Every feature is also a link in the list beside the map.
        Assert.True(await page.Locator("ul.places a[data-feature]").CountAsync() >= 20);
        var zoom = await map.GetAttributeAsync("data-zoom");
        var center = await map.GetAttributeAsync("data-center");
        await map.FocusAsync();
        await page.Keyboard.PressAsync("+");
        await Assertions.Expect(map).Not.ToHaveAttributeAsync("data-zoom", zoom!, new() { Timeout = 10_000 });
        await page.Keyboard.PressAsync("ArrowLeft");
        await page.Keyboard.PressAsync("ArrowUp");
        await Assertions.Expect(map).Not.ToHaveAttributeAsync("data-center", center!, new() { Timeout = 10_000 });
        await Accessibility.AssertCleanAsync(page.Locator("main"));
        await page.ScreenshotAsync(new() { Path = Path.Combine(Screenshots, "site-map-ru.png") });
        await page.CloseAsync();
    }

    [SkippableFact]
    public async Task Search_narrows_and_pages_by_links_with_scripts_off()
    {
        var context = await host.Browser.NewContextAsync(new() { JavaScriptEnabled = false });
        var page = await context.NewPageAsync();
        await page.GotoAsync($"{host.BaseUrl}/ru/search");
        var total = await page.Locator("p[role=status]").InnerTextAsync();
        await page.Locator(".facets a").First.ClickAsync();
        await Assertions.Expect(page.Locator(".active-filters")).ToBeVisibleAsync();
        Assert.NotEqual(total, await page.Locator("p[role=status]").InnerTextAsync());
        await page.Locator(".active-filters a").First.ClickAsync();
        Assert.Equal(total, await page.Locator("p[role=status]").InnerTextAsync());
        await page.GetByRole(AriaRole.Link, new() { Name = "Далее" }).ClickAsync();
        Assert.Contains("page=2", page.Url);
        await page.Locator("#search-q").FillAsync("дутар");
        await page.Locator("#search-q").PressAsync("Enter");
        await Assertions.Expect(page.Locator(".results li").First).ToBeVisibleAsync();
        await context.CloseAsync();
    }
}
