using System.Text.Json;
using Archive.Data;
using Archive.Data.Content;
using Archive.Data.Kiosks;
using Archive.Engine.Content;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Archive.Integration.Tests.Privacy;

public sealed partial class PublicChannelsTests
{
    /// The kiosk channel: a kiosk for every stop, exhibition, institution, collection and story (and the demo's own),
    /// each paired as a screen is; every bundle and every file it names hold no private value, record or media.
    [Fact]
    public async Task No_kiosk_bundle_nor_any_file_it_names_shows_a_private_value_or_record()
    {
        using var scope = _host.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ArchiveDbContext>();
        var content = scope.ServiceProvider.GetRequiredService<ContentService>();
        var devices = scope.ServiceProvider.GetRequiredService<KioskDevices>();
        var shown = await db.Nodes.Where(n => !n.Trashed && !n.IsMedia && new[] { "exhibitionStop", "exhibition", "institution", "collection", "story" }.Contains(n.ContentTypeAlias))
            .Select(n => n.Key).ToListAsync();
        var venue = Guid.Parse("59d05968-2d60-dadb-85da-7a7950eb6706");
        var kiosks = await db.Nodes.Where(n => n.ContentTypeAlias == "kiosk").Select(n => n.Key).ToListAsync();
        foreach (var key in shown)
        {
            var created = await content.CreateAsync(venue, "kiosk", new ContentEdit
            {
                Names = new Dictionary<string, string> { ["kk"] = $"Kiosk {key:N}", ["ru"] = $"Kiosk {key:N}", ["en"] = $"Kiosk {key:N}" },
                Values = [new ValueEdit("shows", null, System.Text.Json.Nodes.JsonValue.Create("umb://document/" + key.ToString("N"))), new ValueEdit("languages", null, System.Text.Json.Nodes.JsonValue.Create("kk, kk-latn, ru, en, ug, uk"))],
            }, "test");
            Assert.True(created.Succeeded, created.ToString());
            Assert.True((await content.PublishAsync(created.Key!.Value, ["kk", "ru", "en"], "test")).Succeeded);
            kiosks.Add(created.Key!.Value);
        }
        await Task.Delay(1500); // the published cache follows the change log
        var files = new HashSet<string>(StringComparer.Ordinal);
        var items = 0;
        foreach (var kiosk in kiosks)
        {
            var (pairing, secret) = (await devices.StartPairingAsync(default))!.Value;
            Assert.NotNull((await devices.PairAsync(pairing.Code, kiosk, "crawler", "test", default)).Device);
            var token = Assert.IsType<PairingState.Paired>(await devices.CollectAsync(secret, default)).Token;
            var body = await Public("/kiosk/api/bundle", ("Cookie", $"archive-kiosk={token}"));
            var bundle = JsonDocument.Parse(body).RootElement;
            items += bundle.GetProperty("items").GetArrayLength();
            foreach (var item in bundle.GetProperty("items").EnumerateArray())
                Assert.DoesNotContain(Guid.Parse(item.GetProperty("key").GetString()!), _privateRecords);
            foreach (var file in bundle.GetProperty("files").EnumerateArray())
                files.Add(file.GetString()!);
        }
        Assert.True(items > 60, $"only {items} items in bundles");
        foreach (var file in files)
        {
            Assert.DoesNotContain(_withheldFiles, f => file.StartsWith(f, StringComparison.Ordinal));
            var response = await _client.GetAsync(file);
            Assert.True(response.IsSuccessStatusCode, $"{file}: {(int)response.StatusCode}");
            if (response.Content.Headers.ContentType?.MediaType is "text/vtt")
                await Public(file);
        }
        foreach (var shell in new[] { "/kiosk/", "/kiosk/sw.js", "/kiosk/manifest.webmanifest" })
            await Public(shell);
    }
}
