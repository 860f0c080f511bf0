using System.Text.Json.Nodes;
using Archive.Data;
using Archive.Data.Movements;
using Archive.Engine.Content;
using Archive.Integration.Tests.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Archive.Integration.Tests.Content;

/// A catalogue from before the movement ledger keeps every value: an artefact's former current-location and
/// storage-location texts become locations (the store private, inside a public place named by the city text) and
/// the first entry of its ledger, also its home; a stop's city text finds its venue; it runs once.
public sealed class LegacyLocationsTests : IAsyncLifetime
{
    private readonly ArchiveHostFactory _host = new();
    private const string Onegin = "f26aea2c-363d-85e7-c7b5-3b4377a9239c", AlmatyStop = "1a21842f-8222-e867-fff6-def846d349b0";

    public async Task InitializeAsync() => await _host.ReadyClientAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private async Task WithLegacyValuesAsync()
    {
        using var scope = _host.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ArchiveDbContext>();
        // The archive as it was: no ledger, the old texts in the items' stored values.
        db.Movements.RemoveRange(db.Movements);
        db.HomeLocations.RemoveRange(db.HomeLocations);
        var onegin = await db.NodeVersions.Where(v => v.IsDraft && v.Node!.Key == Guid.Parse(Onegin)).SingleAsync();
        var data = ContentData.FromJson(onegin.Data);
        data.Values["currentLocation"] = new(StringComparer.Ordinal) { ["en"] = "Semey", ["kk"] = "Семей", ["ru"] = "Семей" };
        data.Values["storageLocation"] = new(StringComparer.Ordinal) { [""] = "Vault 9, drawer 2" };
        onegin.Data = data.ToJson();
        var stop = await db.NodeVersions.Where(v => v.IsDraft && v.Node!.Key == Guid.Parse(AlmatyStop)).SingleAsync();
        var stopData = ContentData.FromJson(stop.Data);
        stopData.Values.Remove("venue");
        stopData.Values["city"] = new(StringComparer.Ordinal) { ["en"] = "Almaty", ["ru"] = "Алматы" };
        stop.Data = stopData.ToJson();
        await db.SaveChangesAsync();
    }

    [Fact]
    public async Task Former_location_texts_become_locations_and_the_first_ledger_entries_once()
    {
        await WithLegacyValuesAsync();
        using (var scope = _host.Services.CreateScope())
            Assert.True(await scope.ServiceProvider.GetRequiredService<LegacyLocations>().MigrateAsync(default) >= 1);

        using var check = _host.Services.CreateScope();
        var db = check.ServiceProvider.GetRequiredService<ArchiveDbContext>();
        var entry = await db.Movements.SingleAsync(m => m.Subject == Guid.Parse(Onegin));
        Assert.Equal("inventory", entry.Reason);
        Assert.Contains("Vault 9, drawer 2", entry.Note);
        Assert.Equal(entry.To, (await db.HomeLocations.SingleAsync(h => h.Object == Guid.Parse(Onegin))).Location);
        var store = await db.Nodes.SingleAsync(n => n.Key == entry.To);
        Assert.Equal("location", store.ContentTypeAlias);
        Assert.Equal("1", ContentData.FromJson(await db.NodeVersions.Where(v => v.NodeId == store.Id && v.IsDraft).Select(v => v.Data).SingleAsync()).GetValue("privateRecord"));
        // The store lies in a public place named by the old current-location text in every culture it had.
        var city = await db.Nodes.SingleAsync(n => n.Id == store.ParentId);
        Assert.Equal("location", city.ContentTypeAlias);
        var names = await db.NodeCultures.Where(c => c.NodeId == city.Id).ToDictionaryAsync(c => c.Culture, c => c.Name);
        Assert.Equal("Semey", names["en"]);
        Assert.Equal("Семей", names["kk"]);
        // Every value is kept where it was.
        var kept = ContentData.FromJson(await db.NodeVersions.Where(v => v.IsDraft && v.Node!.Key == Guid.Parse(Onegin)).Select(v => v.Data).SingleAsync());
        Assert.Equal("Vault 9, drawer 2", kept.GetValue("storageLocation"));
        // The stop found the venue in its city.
        var stopData = ContentData.FromJson(await db.NodeVersions.Where(v => v.IsDraft && v.Node!.Key == Guid.Parse(AlmatyStop)).Select(v => v.Data).SingleAsync());
        var venue = Guid.Parse(stopData.GetValue("venue")!["umb://document/".Length..]);
        Assert.Equal("venue", (await db.Nodes.SingleAsync(n => n.Key == venue)).ContentTypeAlias);

        var movements = await db.Movements.CountAsync();
        using (var again = _host.Services.CreateScope())
            Assert.Equal(0, await again.ServiceProvider.GetRequiredService<LegacyLocations>().MigrateAsync(default));
        Assert.Equal(movements, await check.ServiceProvider.GetRequiredService<ArchiveDbContext>().Movements.AsNoTracking().CountAsync());

        // The public sees the city, never the vault.
        var client = _host.CreateClient();
        client.DefaultRequestHeaders.Add("Accept-Language", "en");
        string body = "";
        for (var attempt = 0; attempt < 100 && !body.Contains("\"currentLocation\":\"Semey\""); attempt++, await Task.Delay(200))
            body = await client.GetStringAsync($"/umbraco/delivery/api/v2/content/item/{Onegin}");
        Assert.Contains("\"currentLocation\":\"Semey\"", body);
        Assert.DoesNotContain("Vault 9", body);
    }
}
