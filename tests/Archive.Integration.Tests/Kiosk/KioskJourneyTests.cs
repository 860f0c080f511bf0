using System.Net;
using System.Text.Json;
using Archive.Integration.Tests.Browser;
using Microsoft.Playwright;

namespace Archive.Integration.Tests.Kiosk;

/// A kiosk screen in Chromium with touch: paired by the code it shows (the shell opening offline before any pairing),
/// the attract loop, browsing by touch, the language switch (Uyghur right to left), WCAG 2.2 AA under axe on a hall
/// screen and a phone, and revoking.
public sealed class KioskJourneyTests(KioskHost host) : IClassFixture<KioskHost>
{
    private static string Screenshots => Path.Combine(AppContext.BaseDirectory, "TestResults", "screenshots");

    [SkippableFact]
    public async Task The_shell_opens_offline_before_pairing_and_a_code_entered_by_a_curator_pairs_the_screen_until_revoked()
    {
        var context = await host.Browser.NewContextAsync(new() { HasTouch = true, ViewportSize = new() { Width = 1280, Height = 800 } });
        var page = await context.NewPageAsync();
        await page.GotoAsync(host.BaseUrl + "/kiosk");
        Assert.EndsWith("/kiosk/", page.Url);
        // A web app manifest for a full-screen browser, and no viewport lock (page zoom is held off by touch-action).
        var manifest = await page.Locator("link[rel=manifest]").GetAttributeAsync("href");
        using (var client = new HttpClient { BaseAddress = new Uri(host.BaseUrl) })
            Assert.Equal("fullscreen", JsonDocument.Parse(await client.GetStringAsync(manifest)).RootElement.GetProperty("display").GetString());
        Assert.DoesNotContain("user-scalable", await page.Locator("meta[name=viewport]").GetAttributeAsync("content") ?? "");
        Assert.Equal("pan-x pan-y", await page.EvaluateAsync<string>("getComputedStyle(document.body).touchAction"));
        Assert.Equal("none", await page.EvaluateAsync<string>("getComputedStyle(document.body).userSelect"));
        // The service worker (scope /kiosk/) has the shell: the pairing screen opens with no network.
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!await page.EvaluateAsync<bool>("async () => { await navigator.serviceWorker.ready; return navigator.serviceWorker.controller !== null; }"))
        {
            Assert.True(DateTime.UtcNow < deadline, "The service worker did not take control of the page.");
            await Task.Delay(250);
        }
        Assert.Equal("/kiosk/", await page.EvaluateAsync<string>("(async () => new URL((await navigator.serviceWorker.ready).scope).pathname)()"));
        await context.SetOfflineAsync(true);
        await page.ReloadAsync();
        await Assertions.Expect(page.Locator("body[data-screen='pairing'] h1")).ToContainTextAsync("not paired");
        await context.SetOfflineAsync(false);
        await page.ReloadAsync();
        var code = await page.Locator(".code[data-code]").GetAttributeAsync("data-code", new() { Timeout = 20_000 });
        Assert.Matches("^[A-Z2-9]{4}-[A-Z2-9]{4}$", code!);

        // The code typed loosely (lower case, no dash) by a curator; a viewer may not pair.
        var viewer = await (await host.As("viewer")).PostAsync($"{KioskHost.Api}/archive/kiosk/{KioskHost.DemoKiosk}/pair", Json(new { code }));
        Assert.Equal(HttpStatusCode.Forbidden, viewer.StatusCode);
        var paired = await (await host.As("curator")).PostAsync($"{KioskHost.Api}/archive/kiosk/{KioskHost.DemoKiosk}/pair",
            Json(new { code = code!.Replace("-", "").ToLowerInvariant(), name = "Left of the entrance" }));
        Assert.Equal(HttpStatusCode.Created, paired.StatusCode);
        var device = JsonDocument.Parse(await paired.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetString();
        await Assertions.Expect(page.Locator("body[data-screen='attract']")).ToHaveCountAsync(1, new() { Timeout = 120_000 });
        // The token never reaches the page's scripts.
        Assert.DoesNotContain("kiosk_", await page.EvaluateAsync<string>("document.cookie"));
        var cookies = await context.CookiesAsync();
        Assert.True(cookies.Single(c => c.Name == "archive-kiosk").HttpOnly);
        // The same code twice is refused, naming the field.
        var again = await (await host.As("curator")).PostAsync($"{KioskHost.Api}/archive/kiosk/{KioskHost.DemoKiosk}/pair", Json(new { code }));
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        Assert.Contains("$.code", await again.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, (await (await host.As("curator")).DeleteAsync($"{KioskHost.Api}/archive/kiosk/device/{device}")).StatusCode);
        await Assertions.Expect(page.Locator(".code[data-code]")).ToHaveCountAsync(1, new() { Timeout = 40_000 });
        await context.CloseAsync();
    }

    private static StringContent Json(object value) => new(JsonSerializer.Serialize(value), System.Text.Encoding.UTF8, "application/json");

    [SkippableFact]
    public async Task From_the_attract_loop_by_touch_to_an_object_in_every_language_Uyghur_right_to_left_clean_under_axe_on_a_hall_screen_and_a_phone()
    {
        Directory.CreateDirectory(Screenshots);
        var failures = new List<string>();
        foreach (var (viewport, name) in new[] { (new ViewportSize { Width = 1920, Height = 1080 }, "hall"), (new ViewportSize { Width = 390, Height = 844 }, "phone") })
        {
            var (context, page, _) = await host.PairedScreenAsync(viewport: viewport);
            var errors = new List<string>();
            page.PageError += (_, error) => errors.Add(error);
            await Assertions.Expect(page.Locator(".attract h1")).Not.ToBeEmptyAsync();
            failures.AddRange((await Accessibility.ViolationsAsync(page)).Select(v => $"{name} attract: {v}"));
            await page.ScreenshotAsync(new() { Path = Path.Combine(Screenshots, $"kiosk-attract-{name}.png") });
            await page.Locator(".attract").TapAsync();
            await Assertions.Expect(page.Locator("body[data-screen='browse']")).ToHaveCountAsync(1);
            foreach (var language in new[] { "kk", "kk-latn", "ru", "en", "ug" })
            {
                await page.Locator($"button[data-language='{language}']").TapAsync();
                Assert.Equal(language == "ug" ? "rtl" : "ltr", await page.GetAttributeAsync("html", "dir"));
                Assert.Equal(language == "kk-latn" ? "kk-Latn" : language, await page.GetAttributeAsync("html", "lang"));
                failures.AddRange((await Accessibility.ViolationsAsync(page)).Select(v => $"{name} {language} browse: {v}"));
                await page.Locator($"button.card[data-item='{KioskHost.Dutar}']").TapAsync();
                await Assertions.Expect(page.Locator($"article.item[data-item='{KioskHost.Dutar}']")).ToHaveCountAsync(1);
                failures.AddRange((await Accessibility.ViolationsAsync(page)).Select(v => $"{name} {language} item: {v}"));
                await page.ScreenshotAsync(new() { Path = Path.Combine(Screenshots, $"kiosk-item-{language}-{name}.png") });
                await page.Locator("[data-action='all']").TapAsync();
            }
            // Latin-script Kazakh is written out; Uyghur's own words are Uyghur.
            await page.Locator("button[data-language='kk-latn']").TapAsync();
            await Assertions.Expect(page.Locator(".bar [data-action='home']")).ToHaveTextAsync("Barlyq zattar");
            await page.Locator("button[data-language='ug']").TapAsync();
            await Assertions.Expect(page.Locator(".bar [data-action='home']")).ToHaveTextAsync("بارلىق بۇيۇملار");
            // The recording plays from its cached copy with captions in the screen's language (Russian's, for Uyghur).
            await page.Locator($"button.card[data-item='{KioskHost.Dutar}']").TapAsync();
            await Assertions.Expect(page.Locator(".recordings audio track[kind='captions']")).ToHaveCountAsync(1);
            Assert.True(errors.Count == 0, string.Join("\n", errors));
            await context.CloseAsync();
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures.Take(40)));
    }
}
