using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Archive.Data;
using Archive.Data.Content;
using Archive.Engine.Content;
using Archive.Integration.Tests.Management;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Archive.Integration.Tests.Kiosk;

/// The screens' API and the fleet's over HTTP: pairing codes and device tokens (cookies, refused when wrong, revoked),
/// the bundle with its version, the update stream, heartbeats and the fleet's flags, use statistics as aggregates, loan
/// conditions in bundles, bad input named, and who may do what.
public sealed class KioskApiTests(DocumentApiTests.Host host) : IClassFixture<DocumentApiTests.Host>
{
    private const string Api = "/umbraco/management/api/v1/archive/kiosk";
    private const string Kiosk = KioskHost.DemoKiosk;

    private static StringContent Body(object value) => new(JsonSerializer.Serialize(value), Encoding.UTF8, "application/json");

    private static StringContent Raw(string json) => new(json, Encoding.UTF8, "application/json");

    private static async Task<JsonElement> Json(HttpResponseMessage response) => JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();

    private HttpClient Screen() => host.CreateClient(new() { HandleCookies = true, AllowAutoRedirect = false });

    /// A screen paired with a kiosk: its client carries the device cookie.
    private async Task<(HttpClient Screen, string Device)> PairedAsync(string kiosk = Kiosk)
    {
        var screen = Screen();
        var code = (await Json(await screen.PostAsync("/kiosk/api/pairing", null))).GetProperty("code").GetString();
        var paired = await (await host.As("curator")).PostAsync($"{Api}/{kiosk}/pair", Body(new { code, name = "API screen" }));
        Assert.Equal(HttpStatusCode.Created, paired.StatusCode);
        Assert.Equal("paired", (await Json(await screen.GetAsync("/kiosk/api/pairing"))).GetProperty("state").GetString());
        return (screen, (await Json(paired)).GetProperty("id").GetString()!);
    }

    [Fact]
    public async Task A_code_pairs_a_screen_once_its_token_is_a_cookie_and_revoking_it_ends_every_request()
    {
        var anonymous = Screen();
        foreach (var path in new[] { "/kiosk/api/bundle", "/kiosk/api/events", "/kiosk/api/device" })
            Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync(path)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsync("/kiosk/api/heartbeat", Body(new { }))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsync("/kiosk/api/usage", Body(new { counts = Array.Empty<object>() }))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Screen().PostAsync($"{Api}/{Kiosk}/pair", Body(new { code = "AAAA-BBBB" }))).StatusCode);

        var screen = Screen();
        var started = await screen.PostAsync("/kiosk/api/pairing", null);
        Assert.Equal(HttpStatusCode.Created, started.StatusCode);
        var cookie = started.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("archive-kiosk-pairing=", StringComparison.Ordinal));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("path=/kiosk", cookie, StringComparison.OrdinalIgnoreCase);
        var code = (await Json(started)).GetProperty("code").GetString()!;
        Assert.Equal("waiting", (await Json(await screen.GetAsync("/kiosk/api/pairing"))).GetProperty("state").GetString());

        var curator = await host.As("curator");
        foreach (var (body, field) in new[] { ("{\"code\": \"12\"}", "$.code"), ("{\"code\": \"ZZZZ-ZZZZ\"}", "$.code"), ("{\"code\": 7}", "$.code"), ("{\"code\": \"" + code + "\", \"name\": \"" + new string('x', 201) + "\"}", "$.name") })
        {
            var refused = await curator.PostAsync($"{Api}/{Kiosk}/pair", Raw(body));
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.True((await Json(refused)).GetProperty("errors").TryGetProperty(field, out _), body);
        }
        Assert.Equal(HttpStatusCode.BadRequest, (await curator.PostAsync($"{Api}/{Kiosk}/pair", Raw("{\"code\": "))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await curator.PostAsync($"{Api}/{Guid.NewGuid()}/pair", Body(new { code }))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await curator.PostAsync($"{Api}/{KioskHost.Dutar}/pair", Body(new { code }))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await host.As("viewer")).PostAsync($"{Api}/{Kiosk}/pair", Body(new { code }))).StatusCode);

        var paired = await curator.PostAsync($"{Api}/{Kiosk}/pair", Body(new { code = " " + code.ToLowerInvariant() + " ", name = "Hall 1", extra = true }));
        Assert.Equal(HttpStatusCode.Created, paired.StatusCode);
        var device = (await Json(paired)).GetProperty("id").GetString();
        Assert.Equal("awaiting", (await Json(paired)).GetProperty("state").GetString());
        var collected = await screen.GetAsync("/kiosk/api/pairing");
        Assert.Equal("paired", (await Json(collected)).GetProperty("state").GetString());
        Assert.Contains(collected.Headers.GetValues("Set-Cookie"), c => c.StartsWith("archive-kiosk=kiosk_", StringComparison.Ordinal) && c.Contains("httponly", StringComparison.OrdinalIgnoreCase));
        // Handed over once: asking again finds nothing to collect; the code cannot pair a second screen.
        Assert.Equal(HttpStatusCode.NotFound, (await screen.GetAsync("/kiosk/api/pairing")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await curator.PostAsync($"{Api}/{Kiosk}/pair", Body(new { code }))).StatusCode);

        // The token is stored only as a hash.
        using (var scope = host.Services.CreateScope())
        {
            var row = await scope.ServiceProvider.GetRequiredService<ArchiveDbContext>().KioskDevices.SingleAsync(d => d.Id == Guid.Parse(device!));
            Assert.Matches("^[0-9a-f]{64}$", row.TokenHash!);
        }

        var bundle = await screen.GetAsync("/kiosk/api/bundle");
        Assert.Equal(HttpStatusCode.OK, bundle.StatusCode);
        var etag = bundle.Headers.ETag!.Tag;
        Assert.Equal((await Json(bundle)).GetProperty("version").GetString(), etag.Trim('"'));
        var again = new HttpRequestMessage(HttpMethod.Get, "/kiosk/api/bundle");
        again.Headers.TryAddWithoutValidation("If-None-Match", etag);
        Assert.Equal(HttpStatusCode.NotModified, (await screen.SendAsync(again)).StatusCode);

        Assert.Equal(HttpStatusCode.Forbidden, (await (await host.As("viewer")).DeleteAsync($"{Api}/device/{device}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await curator.DeleteAsync($"{Api}/device/{device}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await curator.DeleteAsync($"{Api}/device/{Guid.NewGuid()}")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await screen.GetAsync("/kiosk/api/bundle")).StatusCode);
        var fleet = await Json(await curator.GetAsync($"{Api}/{Kiosk}"));
        Assert.Equal("revoked", fleet.GetProperty("devices").EnumerateArray().Single(d => d.GetProperty("id").GetString() == device).GetProperty("state").GetString());
    }

    [Fact]
    public async Task The_update_stream_names_the_current_bundle_and_then_each_new_one()
    {
        var (screen, _) = await PairedAsync();
        var version = (await Json(await screen.GetAsync("/kiosk/api/bundle"))).GetProperty("version").GetString();
        using var response = await screen.GetAsync("/kiosk/api/events", HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("no", response.Headers.GetValues("X-Accel-Buffering").Single());
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());
        async Task<string> NextVersion()
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            while (await reader.ReadLineAsync(timeout.Token) is { } line)
                if (line.StartsWith("data: {\"version\"", StringComparison.Ordinal))
                    return JsonDocument.Parse(line["data: ".Length..]).RootElement.GetProperty("version").GetString()!;
            throw new EndOfStreamException();
        }
        Assert.Equal(version, await NextVersion());
        using (var scope = host.Services.CreateScope())
        {
            var content = scope.ServiceProvider.GetRequiredService<ContentService>();
            Assert.True((await content.SaveAsync(Guid.Parse(KioskHost.Dutar), new ContentEdit { Names = new Dictionary<string, string> { ["ru"] = "Дутар (в потоке)" } }, "test")).Succeeded);
            Assert.True((await content.PublishAsync(Guid.Parse(KioskHost.Dutar), ["ru"], "test")).Succeeded);
        }
        var next = await NextVersion();
        Assert.NotEqual(version, next);
        Assert.Contains("Дутар (в потоке)", await screen.GetStringAsync("/kiosk/api/bundle"));
    }

    [Fact]
    public async Task Heartbeats_are_checked_and_the_fleet_flags_silent_stale_and_failing_screens()
    {
        var (screen, device) = await PairedAsync();
        var version = (await Json(await screen.GetAsync("/kiosk/api/bundle"))).GetProperty("version").GetString();
        foreach (var (body, field) in new[] { ("{\"freeStorageBytes\": \"lots\"}", "$.freeStorageBytes"), ("{\"freeStorageBytes\": -1}", "$.freeStorageBytes"), ("[1, 2", "$"), ("{\"appVersion\": {}}", "$.appVersion") })
        {
            var refused = await screen.PostAsync("/kiosk/api/heartbeat", Raw(body));
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.True((await Json(refused)).GetProperty("errors").TryGetProperty(field, out _), $"{body}: {await refused.Content.ReadAsStringAsync()}");
        }
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, (await screen.PostAsync("/kiosk/api/heartbeat", new StringContent("{}", Encoding.UTF8, "text/plain"))).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await screen.PostAsync("/kiosk/api/heartbeat",
            Body(new { appVersion = "test-1", bundleVersion = version, freeStorageBytes = 123_456_789, screen = "1920x1080", unknown = "ignored" }))).StatusCode);
        var viewer = await host.As("viewer");
        var seen = (await Json(await viewer.GetAsync($"{Api}/{Kiosk}"))).GetProperty("devices").EnumerateArray().Single(d => d.GetProperty("id").GetString() == device);
        Assert.Equal("online", seen.GetProperty("state").GetString());
        Assert.True(seen.GetProperty("bundleCurrent").GetBoolean());
        Assert.Equal(0, seen.GetProperty("flags").GetArrayLength());
        Assert.Equal(123_456_789, seen.GetProperty("freeStorageBytes").GetInt64());

        // An older bundle for a long time, an error, then silence.
        Assert.Equal(HttpStatusCode.NoContent, (await screen.PostAsync("/kiosk/api/heartbeat", Body(new { appVersion = "test-1", bundleVersion = "0ld", lastError = "2026-12-03T05:00:00Z storage full" }))).StatusCode);
        using (var scope = host.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ArchiveDbContext>();
            var row = await db.KioskDevices.SingleAsync(d => d.Id == Guid.Parse(device));
            row.BundleBehindSince = row.BundleBehindSince!.Value.AddHours(-2);
            row.LastSeenAt = row.LastSeenAt!.Value.AddMinutes(-30);
            await db.SaveChangesAsync();
        }
        var fleet = await Json(await viewer.GetAsync($"{Api}?culture=en"));
        var kiosk = fleet.EnumerateArray().Single(k => k.GetProperty("id").GetString() == Kiosk);
        Assert.Equal("Almaty hall, screen 1 (sample)", kiosk.GetProperty("name").GetString());
        var flagged = kiosk.GetProperty("devices").EnumerateArray().Single(d => d.GetProperty("id").GetString() == device);
        Assert.Equal("silent", flagged.GetProperty("state").GetString());
        Assert.Equal("silent stale error", string.Join(" ", flagged.GetProperty("flags").EnumerateArray().Select(f => f.GetString())));
        Assert.Contains("storage full", flagged.GetProperty("lastError").GetString());
        Assert.Contains("silent", kiosk.GetProperty("flags").EnumerateArray().Select(f => f.GetString()));
        Assert.True(kiosk.GetProperty("items").GetInt32() >= 5);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Screen().GetAsync(Api)).StatusCode);
    }

    [Fact]
    public async Task Use_statistics_are_aggregates_added_up_per_day_and_bad_counts_are_refused_by_name()
    {
        var (screen, _) = await PairedAsync();
        var day = DateTime.UtcNow.AddHours(5).ToString("yyyy-MM-dd");
        object Counts(int opens) => new
        {
            counts = new object[]
            {
                new { day, kind = "open", subject = KioskHost.Dutar, count = opens, dwellMs = opens * 30_000 },
                new { day, kind = "language", subject = "ug", count = 2, dwellMs = 0 },
                new { day, kind = "visit", subject = "", count = 3, dwellMs = 0 },
            },
        };
        Assert.Equal(HttpStatusCode.NoContent, (await screen.PostAsync("/kiosk/api/usage", Body(Counts(2)))).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await screen.PostAsync("/kiosk/api/usage", Body(Counts(4)))).StatusCode);
        foreach (var (entry, field) in new (object, string)[]
        {
            (new { day, kind = "click", subject = "", count = 1, dwellMs = 0 }, "$.counts[0].kind"),
            (new { day = "yesterday", kind = "visit", subject = "", count = 1, dwellMs = 0 }, "$.counts[0].day"),
            (new { day, kind = "open", subject = "not-a-key", count = 1, dwellMs = 0 }, "$.counts[0].subject"),
            (new { day, kind = "language", subject = "xx", count = 1, dwellMs = 0 }, "$.counts[0].subject"),
            (new { day, kind = "open", subject = KioskHost.Dutar, count = 1, dwellMs = 99_000_000 }, "$.counts[0].dwellMs"),
            (new { day, kind = "visit", subject = "", count = -1, dwellMs = 0 }, "$.counts[0].count"),
        })
        {
            var refused = await screen.PostAsync("/kiosk/api/usage", Body(new { counts = new[] { entry } }));
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.True((await Json(refused)).GetProperty("errors").TryGetProperty(field, out _), field);
        }
        Assert.Equal(HttpStatusCode.BadRequest, (await screen.PostAsync("/kiosk/api/usage", Raw("{\"counts\": [{\"day\": 5}]}"))).StatusCode);

        var usage = await Json(await (await host.As("viewer")).GetAsync($"{Api}/{Kiosk}/usage?culture=en"));
        Assert.True(usage.GetProperty("visits").GetInt64() >= 6);
        var dutar = usage.GetProperty("objects").EnumerateArray().Single(o => o.GetProperty("id").GetString() == KioskHost.Dutar);
        Assert.True(dutar.GetProperty("opens").GetInt64() >= 6);
        Assert.Equal(30_000, dutar.GetProperty("averageDwellMs").GetInt64());
        Assert.Contains(usage.GetProperty("languages").EnumerateArray(), l => l.GetProperty("culture").GetString() == "ug" && l.GetProperty("count").GetInt64() >= 4);
        Assert.Equal(HttpStatusCode.BadRequest, (await (await host.As("viewer")).GetAsync($"{Api}/{Kiosk}/usage?from=2026-13-01")).StatusCode);
    }

    /// The carpet's page on the public site (its permanent address redirects to its route).
    private async Task<string> CarpetPage() =>
        await Screen().GetStringAsync((await Screen().GetAsync($"/en/item/{KioskHost.KashgarCarpet}")).Headers.Location!.OriginalString);

    [Fact]
    public async Task A_loan_s_largest_size_and_no_zoom_hold_in_the_bundle_and_an_unknown_language_is_reported()
    {
        const string uyghurLoan = "ba192e36-e0c8-507c-8d73-f026900bdbc8";
        var (screen, _) = await PairedAsync();
        JsonElement Carpet(JsonElement bundle) => bundle.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("key").GetString() == KioskHost.KashgarCarpet);
        var before = Carpet(await Json(await screen.GetAsync("/kiosk/api/bundle")));
        Assert.True(before.GetProperty("images")[0].TryGetProperty("zoom", out _));
        Assert.Contains($"/iiif/3/{before.GetProperty("images")[0].GetProperty("key").GetString()}/info.json", await CarpetPage());
        using (var scope = host.Services.CreateScope())
        {
            var content = scope.ServiceProvider.GetRequiredService<ContentService>();
            Assert.True((await content.SaveAsync(Guid.Parse(uyghurLoan), new ContentEdit
            {
                Values = [new ValueEdit("maxImageSize", null, System.Text.Json.Nodes.JsonValue.Create("480")), new ValueEdit("noZoom", null, System.Text.Json.Nodes.JsonValue.Create("1"))],
            }, "test")).Succeeded);
            Assert.True((await content.PublishAsync(Guid.Parse(uyghurLoan), ["kk", "ru", "en"], "test")).Succeeded);
            Assert.True((await content.SaveAsync(Guid.Parse(Kiosk), new ContentEdit { Values = [new ValueEdit("languages", null, System.Text.Json.Nodes.JsonValue.Create("kk, xx, ru"))] }, "test")).Succeeded);
            Assert.True((await content.PublishAsync(Guid.Parse(Kiosk), ["kk", "ru", "en"], "test")).Succeeded);
        }
        JsonElement after = default;
        for (var i = 0; i < 50 && (after.ValueKind == JsonValueKind.Undefined || !Carpet(after).GetProperty("noZoom").GetBoolean() || after.GetProperty("problems").GetArrayLength() == 0); i++)
        {
            await Task.Delay(200);
            after = await Json(await screen.GetAsync("/kiosk/api/bundle"));
        }
        var carpet = Carpet(after);
        Assert.True(carpet.GetProperty("noZoom").GetBoolean());
        Assert.False(carpet.GetProperty("images")[0].TryGetProperty("zoom", out _));
        Assert.Matches(@"\?width=(320|480)&", carpet.GetProperty("images")[0].GetProperty("src").GetString()!);
        Assert.DoesNotContain(after.GetProperty("files").EnumerateArray(), f => f.GetString()!.StartsWith("/iiif/3/" + carpet.GetProperty("images")[0].GetProperty("key").GetString(), StringComparison.Ordinal));
        Assert.Contains("\"xx\"", after.GetProperty("problems")[0].GetString());
        // The public site honours the loan too: the carpet's page offers no deep zoom (it did before).
        Assert.DoesNotContain($"/iiif/3/{carpet.GetProperty("images")[0].GetProperty("key").GetString()}/info.json", await CarpetPage());
        Assert.Equal("kk ru", string.Join(" ", after.GetProperty("kiosk").GetProperty("languages").EnumerateArray().Select(l => l.GetProperty("code").GetString())));
        using (var scope = host.Services.CreateScope())
        {
            var content = scope.ServiceProvider.GetRequiredService<ContentService>();
            Assert.True((await content.SaveAsync(Guid.Parse(Kiosk), new ContentEdit { Values = [new ValueEdit("languages", null, System.Text.Json.Nodes.JsonValue.Create("kk, kk-latn, ru, en, ug"))] }, "test")).Succeeded);
            Assert.True((await content.PublishAsync(Guid.Parse(Kiosk), ["kk", "ru", "en"], "test")).Succeeded);
        }
    }
}
