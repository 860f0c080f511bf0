using System.Text.Json;
using Microsoft.Playwright;

namespace Archive.Integration.Tests.Kiosk;

/// A visit on a paired screen: the two-stage idle reset under a controlled clock forgetting everything of the visitor,
/// offline after a sync (every object, image, tile, recording and caption from the screen's own cache, and a restart
/// with no network), a publish reaching the screen live and applied at the next reset while removals apply at once,
/// and a loan ending taking its object off a stop's screen.
public sealed class KioskVisitTests(KioskHost host) : IClassFixture<KioskHost>
{
    private const string AstanaStop = "6ee8018d-3427-ed92-607f-448dfa37d97d", AlmatyStop = "1a21842f-8222-e867-fff6-def846d349b0";
    private const string UyghurLoan = "ba192e36-e0c8-507c-8d73-f026900bdbc8";

    private static async Task<JsonElement> BundleOf(IPage page) =>
        JsonDocument.Parse(await page.EvaluateAsync<string>("async () => await (await fetch('/kiosk/api/bundle')).text()")).RootElement.Clone();

    [SkippableFact]
    public async Task After_the_idle_time_a_countdown_then_the_start_with_nothing_of_the_visit_left()
    {
        var (context, page, _) = await host.PairedScreenAsync(clock: true);
        var bundle = await BundleOf(page);
        var idle = bundle.GetProperty("kiosk").GetProperty("idleSeconds").GetInt32() * 1000;
        var countdown = bundle.GetProperty("kiosk").GetProperty("countdownSeconds").GetInt32() * 1000;

        await page.Locator(".attract").TapAsync();
        await page.Locator("button[data-language='ru']").TapAsync();
        await page.Locator("[data-action='accessibility']").TapAsync();
        await Assertions.Expect(page.Locator("html.large.contrast")).ToHaveCountAsync(1);
        await page.Locator($"button.card[data-item='{KioskHost.Dutar}']").TapAsync();
        await page.Locator("[data-action='zoom']").TapAsync();
        await Assertions.Expect(page.Locator("#zoom .openseadragon-canvas")).ToHaveCountAsync(1, new() { Timeout = 20_000 });
        await page.Locator("[data-action='zoom-in']").TapAsync();

        // Silence: nothing before the idle time, then "Still there?" in the visitor's language, counting down. The long
        // silences are jumped over (the screen's timers fire once, at the time jumped to): run frame by frame, the open
        // viewer's animation frames alone would take minutes of the browser's time.
        await page.Clock.FastForwardAsync(idle - 2_000);
        await Assertions.Expect(page.Locator("#still")).ToBeHiddenAsync();
        await page.Clock.RunForAsync(3_000);
        await Assertions.Expect(page.Locator("#still h2")).ToHaveTextAsync("Вы ещё здесь?");
        // A touch keeps the visit.
        await page.Locator("[data-action='continue']").TapAsync();
        await Assertions.Expect(page.Locator("#still")).ToBeHiddenAsync();
        await Assertions.Expect(page.Locator("#zoom")).ToBeVisibleAsync();

        await page.Clock.FastForwardAsync(idle + 1_000);
        await Assertions.Expect(page.Locator("#still")).ToBeVisibleAsync();
        await page.Clock.RunForAsync(countdown + 1_000);
        await Assertions.Expect(page.Locator("body[data-screen='attract']")).ToHaveCountAsync(1);
        // Nothing of the visitor: the default language, no large text or contrast, the viewer closed, no object, no dialog.
        Assert.Equal("kk", await page.GetAttributeAsync("html", "lang"));
        await Assertions.Expect(page.Locator("html.large")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("#zoom")).ToBeHiddenAsync();
        await Assertions.Expect(page.Locator("#zoom .openseadragon-canvas")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("article.item")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("#still")).ToBeHiddenAsync();
        await page.Locator(".attract").TapAsync();
        await Assertions.Expect(page.Locator("button[data-language='kk'][aria-pressed='true']")).ToHaveCountAsync(1);
        Assert.Equal(0, await page.EvaluateAsync<int>("document.getElementById('view').scrollTop"));
        await context.CloseAsync();
    }

    [SkippableFact]
    public async Task After_a_sync_every_object_image_tile_recording_and_caption_comes_from_the_screen_offline_and_after_a_restart()
    {
        var (context, page, _) = await host.PairedScreenAsync();
        await KioskHost.SyncedAsync(page);
        var bundle = await BundleOf(page);
        await context.SetOfflineAsync(true);
        await page.ReloadAsync();
        await Assertions.Expect(page.Locator("body[data-screen='attract']")).ToHaveCountAsync(1, new() { Timeout = 20_000 });
        await page.Locator(".attract").TapAsync();
        var items = bundle.GetProperty("items").EnumerateArray().ToList();
        Assert.True(items.Count >= 5);
        foreach (var item in items)
        {
            var key = item.GetProperty("key").GetString();
            await page.Locator($"button.card[data-item='{key}']").TapAsync();
            await Assertions.Expect(page.Locator($"article.item[data-item='{key}']")).ToHaveCountAsync(1);
            if (item.GetProperty("images").GetArrayLength() > 0)
                await page.WaitForFunctionAsync("() => { const img = document.querySelector('.stage img'); return img && img.complete && img.naturalWidth > 0; }",
                    null, new() { Timeout = 10_000 });
            await page.Locator("[data-action='all']").TapAsync();
        }
        // Recordings seek offline (byte ranges from the cached copy), captions and tiles are there too.
        var dutar = items.Single(i => i.GetProperty("key").GetString() == KioskHost.Dutar);
        var recording = dutar.GetProperty("recordings")[0];
        var range = await page.EvaluateAsync<JsonElement>("async url => { const r = await fetch(url, { headers: { Range: 'bytes=100-199' } }); return { status: r.status, length: (await r.arrayBuffer()).byteLength }; }",
            recording.GetProperty("url").GetString());
        Assert.Equal(206, range.GetProperty("status").GetInt32());
        Assert.Equal(100, range.GetProperty("length").GetInt32());
        foreach (var url in recording.GetProperty("captions").EnumerateObject().Select(c => c.Value.GetString())
                     .Concat(dutar.GetProperty("images")[0].GetProperty("zoom").GetProperty("tiles").EnumerateObject().Select(t => t.Value.GetString())))
            Assert.Equal(200, await page.EvaluateAsync<int>("async url => (await fetch(url)).status", url));
        await context.SetOfflineAsync(false);
        await context.CloseAsync();
    }

    [SkippableFact]
    public async Task A_publish_reaches_the_screen_live_and_waits_for_the_next_reset_while_a_record_made_private_leaves_at_once()
    {
        var (context, page, _) = await host.PairedScreenAsync(clock: true);
        await KioskHost.SyncedAsync(page);
        var bundle = await BundleOf(page);
        var idle = bundle.GetProperty("kiosk").GetProperty("idleSeconds").GetInt32() * 1000 + bundle.GetProperty("kiosk").GetProperty("countdownSeconds").GetInt32() * 1000;
        var first = await page.GetAttributeAsync("body", "data-bundle");
        await page.Locator(".attract").TapAsync();
        var dutarCard = page.Locator($"button.card[data-item='{KioskHost.Dutar}'] .card-name");
        var before = await dutarCard.TextContentAsync();

        // Mid-visit: the new name is downloaded in the background and not shown.
        await host.RenameAsync(KioskHost.Dutar, "kk", "Дутар (жаңа жазба)");
        await Assertions.Expect(page.Locator("body[data-update='ready']")).ToHaveCountAsync(1, new() { Timeout = 20_000 });
        await Assertions.Expect(dutarCard).ToHaveTextAsync(before!);

        // A record made private leaves the screen at once, with its files.
        var doomed = bundle.GetProperty("sections")[0].GetProperty("items").EnumerateArray().Select(i => i.GetString()!).Last(k => k != KioskHost.Dutar);
        var doomedFiles = bundle.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("key").GetString() == doomed)
            .GetProperty("images").EnumerateArray().Select(i => i.GetProperty("src").GetString()!).ToList();
        Assert.Equal(1, await page.Locator($"button.card[data-item='{doomed}']").CountAsync());
        await host.ChangeAsync(doomed, KioskHost.Value("privateRecord", "1"));
        await Assertions.Expect(page.Locator($"button.card[data-item='{doomed}']")).ToHaveCountAsync(0, new() { Timeout = 20_000 });
        foreach (var file in doomedFiles)
            Assert.False(await page.EvaluateAsync<bool>("async url => !!(await (await caches.open('kiosk-bundle-files')).match(url))", file));
        Assert.Equal(first, await page.GetAttributeAsync("body", "data-bundle"));

        // The next reset swaps the new bundle in.
        await page.Clock.RunForAsync(idle + 2_000);
        await Assertions.Expect(page.Locator("body[data-screen='attract']")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("body[data-update]")).ToHaveCountAsync(0, new() { Timeout = 10_000 });
        Assert.NotEqual(first, await page.GetAttributeAsync("body", "data-bundle"));
        await page.Locator(".attract").TapAsync();
        await Assertions.Expect(dutarCard).ToHaveTextAsync("Дутар (жаңа жазба)");
        await Assertions.Expect(page.Locator($"button.card[data-item='{doomed}']")).ToHaveCountAsync(0);
        await host.ChangeAsync(doomed, KioskHost.Value("privateRecord", "0"));
        await context.CloseAsync();
    }

    [SkippableFact]
    public async Task A_loan_ending_takes_its_objects_off_the_screen_of_the_stop_at_once()
    {
        // A winter stop in Almaty showing the Uyghur association's carpet under its loan, with a kiosk of its own.
        var stop = await host.CreateAsync(KioskHost.Exhibition, "exhibitionStop", "Winter in Almaty", false,
            KioskHost.Value("openingDate", "2026-11-20 10:00:00"), KioskHost.Value("closingDate", "2027-02-28 18:00:00"),
            KioskHost.Value("venue", KioskHost.Udis(KioskHost.AlmatyHall)), KioskHost.Value("objects", KioskHost.Udis(KioskHost.KashgarCarpet)));
        await host.ChangeAsync(UyghurLoan, KioskHost.Value("stops", KioskHost.Udis(AstanaStop, AlmatyStop, stop.ToString())), KioskHost.Value("loanEnd", "2027-03-31 00:00:00"));
        await host.PublishAsync(stop);
        var kiosk = await host.CreateAsync(stop.ToString(), "kiosk", "Winter screen", KioskHost.Value("languages", "ru, en"));
        var (context, page, _) = await host.PairedScreenAsync(kiosk.ToString());
        Assert.Equal("ru", await page.GetAttributeAsync("html", "lang"));
        await page.Locator(".attract").TapAsync();
        await page.Locator($"button.card[data-item='{KioskHost.KashgarCarpet}']").TapAsync();
        await Assertions.Expect(page.Locator(".item-text .credit").Last).ToContainTextAsync("Уйгурск");

        await host.ChangeAsync(UyghurLoan, KioskHost.Json("agreementState", "[\"returned\"]"));
        await Assertions.Expect(page.Locator("article.item")).ToHaveCountAsync(0, new() { Timeout = 20_000 });
        await Assertions.Expect(page.Locator($"button.card[data-item='{KioskHost.KashgarCarpet}']")).ToHaveCountAsync(0);
        // The stop has nothing else on view: the screen goes back to its attract loop, with no image of the carpet.
        Assert.Equal(0, (await BundleOf(page)).GetProperty("items").GetArrayLength());
        await Assertions.Expect(page.Locator(".attract img")).ToHaveCountAsync(0, new() { Timeout = 20_000 });
        await context.CloseAsync();
    }
}
