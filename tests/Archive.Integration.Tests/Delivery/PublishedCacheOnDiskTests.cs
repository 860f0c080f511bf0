using System.Net;
using System.Text.Json;
using Archive.Delivery.Cache;
using Archive.Engine.Content;
using Archive.Integration.Tests.Infrastructure;
using Archive.Integration.Tests.Web;
using Microsoft.Extensions.DependencyInjection;

namespace Archive.Integration.Tests.Delivery;

/// The published cache is kept on disk in the data folder: a restart reads it and catches up from the change log
/// (changes made after it was kept are served), and a file that is damaged or not from this database's log is left
/// aside for a build from the database.
public sealed class PublishedCacheOnDiskTests
{
    private const string Api = "/umbraco/delivery/api/v2";
    private const string Desk = "Table from an officer's house";

    private static ArchiveHostFactory Restart(ArchiveHostFactory first)
    {
        var next = new ArchiveHostFactory();
        next.Settings["Archive:DataPath"] = first.DataPath;
        next.Settings["Archive:Media:RootPath"] = first.MediaRoot;
        return next;
    }

    private static string FileOf(ArchiveHostFactory host) => Path.Combine(host.DataPath, CacheSnapshotFile.FileName);

    private static string? LoadedFrom(ArchiveHostFactory host) => host.Services.GetRequiredService<PublishedCacheProjection>().LoadedFrom;

    private static async Task<Guid> DeskAsync(HttpClient client)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, $"{Api}/content?filter=contentType:artefact&filter=name:{Uri.EscapeDataString(Desk)}");
        request.Headers.Add("Accept-Language", "en");
        var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("items")[0].GetProperty("id").GetGuid();
    }

    private static async Task<string?> NameAsync(HttpClient client, Guid key)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, $"{Api}/content/item/{key}");
        request.Headers.Add("Accept-Language", "en");
        var response = await client.SendAsync(request);
        return response.StatusCode == HttpStatusCode.OK ? JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("name").GetString() : null;
    }

    private static async Task Eventually(Func<Task<bool>> condition, string what)
    {
        // Generous: the whole suite runs in parallel on two cores.
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, what);
            await Task.Delay(100);
        }
    }

    private static async Task<ArchiveHostFactory> FirstWithKeptCacheAsync()
    {
        var first = new ArchiveHostFactory();
        await first.ReadyClientAsync();
        Assert.Equal("database", LoadedFrom(first));
        // Kept soon after a build from the database, without waiting for a shutdown.
        await Eventually(() => Task.FromResult(File.Exists(FileOf(first))), "the cache was not kept on disk after its first build");
        return first;
    }

    [Fact]
    public async Task A_restart_reads_the_kept_cache_and_catches_up_with_changes_made_after_it_was_kept()
    {
        var first = await FirstWithKeptCacheAsync();
        var desk = await DeskAsync(first.CreateClient());
        await first.DisposeAsync();
        var older = Path.Combine(Paths.TempFolder(), "older.bin");
        File.Copy(FileOf(first), older);

        await using (var second = Restart(first))
        {
            var client = await second.ReadyClientAsync();
            Assert.Equal("disk", LoadedFrom(second));
            Assert.Equal(Desk, await NameAsync(client, desk));
            using var scope = second.Services.CreateScope();
            var content = scope.ServiceProvider.GetRequiredService<Archive.Data.Content.ContentService>();
            Assert.True((await content.SaveAsync(desk, new ContentEdit { Names = new Dictionary<string, string> { ["en"] = "Officer's table" } }, "curator")).Succeeded);
            Assert.True((await content.PublishAsync(desk, ["en"], "curator")).Succeeded);
            await Eventually(async () => await NameAsync(client, desk) == "Officer's table", "the change did not reach the Delivery API");
        }

        // The file kept before the change: the change comes from the log, before the node says it is ready.
        File.Copy(older, FileOf(first), overwrite: true);
        await using var third = Restart(first);
        var thirdClient = await third.ReadyClientAsync();
        Assert.Equal("disk", LoadedFrom(third));
        Assert.Equal("Officer's table", await NameAsync(thirdClient, desk));
    }

    [Fact]
    public async Task A_damaged_file_or_one_from_another_database_s_log_is_left_aside_and_the_cache_built_from_the_database()
    {
        var first = await FirstWithKeptCacheAsync();
        var desk = await DeskAsync(first.CreateClient());
        await first.DisposeAsync();
        var good = await File.ReadAllBytesAsync(FileOf(first));
        // The header: the name (a length byte and 23 letters), the version, then the change's position and key.
        var foreign = (byte[])good.Clone();
        foreign[36] ^= 0xFF;
        foreach (var (damage, bytes) in new[] { ("cut short", good[..(good.Length / 2)]), ("another log's", foreign) })
        {
            await File.WriteAllBytesAsync(FileOf(first), bytes);
            await using var next = Restart(first);
            var client = await next.ReadyClientAsync();
            Assert.True(LoadedFrom(next) == "database", $"a {damage} file was read");
            Assert.Equal(Desk, await NameAsync(client, desk));
        }
    }
}
