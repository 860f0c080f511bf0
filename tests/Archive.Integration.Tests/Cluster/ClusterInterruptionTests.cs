using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Archive.Data;
using Archive.Integration.Tests.Management;
using Archive.Integration.Tests.Spreadsheets;
using Azure.Storage.Blobs;
using Microsoft.EntityFrameworkCore;

namespace Archive.Integration.Tests.Cluster;

/// A node killed with work half done: what it had acknowledged stays, what it had not leaves nothing behind.
public sealed partial class ClusterTests
{
    [Fact]
    public async Task A_node_killed_during_a_spreadsheet_import_leaves_nothing_half_imported_the_leader_takes_it_back()
    {
        var token = await cluster.TokenAsync(2);
        using var two = cluster.Signed(2, token);
        var before = await ArtefactsInKoreanAsync();
        var run = Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();
        string[][] rows = [["accessionNumber", "name_en", "title_en"], .. Enumerable.Range(0, 3000).Select(i => new[] { $"KILL-{run}-{i:0000}", $"Interrupted {run} {i}", $"Interrupted {run} {i}" })];
        var file = Guid.NewGuid();
        Assert.Equal(HttpStatusCode.Created, (await MediaUploadApiTests.Stage(two, file, Workbooks.Csv(rows), "interrupted.csv")).StatusCode);
        var started = await two.PostAsJsonAsync($"{Api}/archive/spreadsheet/import", new { file, collection = DocumentApiTests.KoreanCollection });
        Assert.True(started.StatusCode == HttpStatusCode.Accepted, await started.Content.ReadAsStringAsync());
        var batch = JsonDocument.Parse(await started.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetString();

        // Killed once its first rows are committed and before its last.
        var processed = await PollAsync(async () =>
            JsonDocument.Parse(await two.GetStringAsync($"{Api}/archive/spreadsheet/import/{batch}")).RootElement.GetProperty("processed").GetInt32() is var n and > 0 ? n : (int?)null);
        await cluster.KillAsync(2);
        try
        {
            Assert.InRange(processed, 1, 2999);
            using var one = cluster.Signed(1, await cluster.TokenAsync(1));
            // The leader (whichever node that now is) finds the batch's lock free and takes its rows back.
            var state = await PollAsync(async () =>
                JsonDocument.Parse(await one.GetStringAsync($"{Api}/archive/spreadsheet/import/{batch}")).RootElement.GetProperty("state").GetString() is "failed" ? true : (bool?)null,
                TimeSpan.FromMinutes(3));
            Assert.True(state);
            Assert.Equal(before, await ArtefactsInKoreanAsync());
        }
        finally
        {
            await cluster.StartAsync(2);
        }
    }

    [Fact]
    public async Task A_node_killed_while_a_file_streams_in_keeps_nothing_of_it_and_the_upload_can_be_made_again_elsewhere()
    {
        var token = await cluster.TokenAsync(2);
        using var two = cluster.Signed(2, token);
        var id = Guid.NewGuid();
        var halfway = new TaskCompletionSource();
        using var form = new MultipartFormDataContent { { new StringContent(id.ToString()), "Id" }, { new SlowContent(16, halfway), "File", "scan.tif" } };
        var upload = two.PostAsync($"{Api}/temporary-file", form);
        await halfway.Task.WaitAsync(TimeSpan.FromSeconds(60));
        await cluster.KillAsync(2);
        try
        {
            await Assert.ThrowsAnyAsync<Exception>(() => upload);
            using var one = cluster.Signed(1, await cluster.TokenAsync(1));
            Assert.Equal(HttpStatusCode.NotFound, (await one.GetAsync($"{Api}/temporary-file/{id}")).StatusCode);
            var container = new BlobContainerClient(cluster.AzuriteConnectionString, "media");
            var left = new List<string>();
            await foreach (var blob in container.GetBlobsAsync(Azure.Storage.Blobs.Models.BlobTraits.None, Azure.Storage.Blobs.Models.BlobStates.None, "_temporary/" + id.ToString("N"), CancellationToken.None))
                left.Add(blob.Name);
            Assert.Empty(left);
            // The same upload, made again on another node, goes through.
            var bytes = MediaUploadApiTests.Jpeg(21);
            Assert.Equal(HttpStatusCode.Created, (await MediaUploadApiTests.Stage(one, id, bytes, "scan.jpg")).StatusCode);
        }
        finally
        {
            await cluster.StartAsync(2);
        }
    }

    private async Task<int> ArtefactsInKoreanAsync()
    {
        await using var db = new ArchiveDbContext(new DbContextOptionsBuilder<ArchiveDbContext>().UseNpgsql(cluster.ConnectionString).UseArchiveDefaults().Options);
        var collection = await db.Nodes.Where(n => n.Key == Guid.Parse(DocumentApiTests.KoreanCollection)).Select(n => n.Id).SingleAsync();
        return await db.Nodes.CountAsync(n => n.ParentId == collection && !n.Trashed);
    }

    /// A file sent slowly, a chunk at a time, saying when half of it has gone.
    private sealed class SlowContent(int megabytes, TaskCompletionSource halfway) : HttpContent
    {
        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        {
            var chunk = new byte[64 * 1024];
            Random.Shared.NextBytes(chunk);
            var chunks = megabytes * 16;
            for (var i = 0; i < chunks; i++)
            {
                await stream.WriteAsync(chunk);
                await stream.FlushAsync();
                if (i == chunks / 2)
                    halfway.TrySetResult();
                await Task.Delay(20);
            }
        }

        protected override bool TryComputeLength(out long length)
        {
            length = megabytes * 1024L * 1024L;
            return true;
        }
    }
}
