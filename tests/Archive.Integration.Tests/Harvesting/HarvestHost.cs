using System.Text.Json.Nodes;
using Archive.Data;
using Archive.Data.Content;
using Archive.Engine.Content;
using Archive.Harvesting.Records;
using Archive.Integration.Tests.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Archive.Integration.Tests.Harvesting;

/// The archive with the demo catalogue, harvested in pages of ten under the identifier namespace archive.example.kz.
public class HarvestHost : ArchiveHostFactory, IAsyncLifetime
{
    public const string Chest = "ee109d7d-f924-0815-7492-041e2894165b";
    public const string KoreanCollection = "bbfcca41-6c95-992a-759f-d246868f2315";
    public const string PageSize = "10";

    public HttpClient Client { get; private set; } = null!;

    public OaiHarvester Harvester => new(Client);

    public HarvestHost()
    {
        Settings["Archive:Oai:PageSize"] = PageSize;
        Settings["Archive:Oai:RepositoryIdentifier"] = "archive.example.kz";
    }

    public virtual async Task InitializeAsync() => Client = await ReadyClientAsync();

    Task IAsyncLifetime.DisposeAsync() => DisposeAsync().AsTask();

    public static string Identifier(string key) => $"oai:archive.example.kz:{Guid.Parse(key):D}";

    /// Waits until the harvest records hold every change logged so far.
    public async Task CaughtUpAsync()
    {
        long last;
        using (var scope = Services.CreateScope())
            last = await scope.ServiceProvider.GetRequiredService<ArchiveDbContext>().ChangeLog.MaxAsync(c => c.Id);
        var projection = Services.GetRequiredService<HarvestProjection>();
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (projection.Position is null || projection.Position < last)
        {
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException("The harvest records did not catch up.");
            await Task.Delay(50);
        }
    }

    public async Task SaveAsync(string key, ContentEdit edit, bool publish = true)
    {
        using var scope = Services.CreateScope();
        var content = scope.ServiceProvider.GetRequiredService<ContentService>();
        var saved = await content.SaveAsync(Guid.Parse(key), edit, "curator");
        Assert.True(saved.Succeeded, saved.ToString());
        if (publish)
            Assert.True((await content.PublishAsync(Guid.Parse(key), ["kk", "ru", "en"], "curator")).Succeeded);
        await CaughtUpAsync();
    }

    public Task RenameAsync(string key, string culture, string name) =>
        SaveAsync(key, new ContentEdit { Names = new Dictionary<string, string> { [culture] = name } });

    /// Sets `privateRecord` in the draft only: the public projection withholds the record at once.
    public Task MakePrivateAsync(string key) =>
        SaveAsync(key, new ContentEdit { Values = [new ValueEdit("privateRecord", null, JsonValue.Create(true))] }, publish: false);

    /// The keys of the published artefacts, as the published cache holds them.
    public IReadOnlyList<Guid> PublicArtefacts() =>
        Services.GetRequiredService<Archive.Delivery.Cache.PublishedCache>().OfType("artefact").Where(n => !n.IsMedia).Select(n => n.Key).ToList();
}
