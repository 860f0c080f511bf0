using Archive.Media.Iiif;
using Archive.Media.Imaging;
using Archive.Media.Storage;

namespace Archive.Media.Tests;

/// The derivative cache stays within its size on a real folder store: the least recently used
/// derivatives make room, those in use stay, and a deleted one is made again when asked for.
public sealed class DerivativeQuotaTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("archive-quota").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private static Func<Stream, CancellationToken, Task> Bytes(int count, byte fill) => (output, ct) => output.WriteAsync(Enumerable.Repeat(fill, count).ToArray(), ct).AsTask();

    private long CacheBytes() => Directory.Exists(Path.Combine(_root, Derivatives.CacheFolder))
        ? Directory.EnumerateFiles(Path.Combine(_root, Derivatives.CacheFolder), "*", SearchOption.AllDirectories).Sum(f => new FileInfo(f).Length)
        : 0;

    [Fact]
    public async Task The_cache_keeps_within_its_size_and_the_least_recently_used_go_first()
    {
        var store = new FileSystemMediaStore(_root);
        // What an earlier run left is counted too.
        await store.WriteAsync($"{Derivatives.CacheFolder}/00/left-from-before.webp", new MemoryStream(new byte[300_000]), "image/webp");
        var quota = new DerivativeQuota(store, new DerivativeQuota.Settings(1_000_000));
        var derivatives = new Derivatives(store, new SourceHashes(store), new TilePyramids(store), quota);
        var hash = new string('a', 64);

        var kept = await derivatives.GetOrRenderAsync(hash, "w=1", OutputFormat.Webp, Bytes(100_000, 1));
        for (var i = 2; i <= 30; i++)
        {
            await derivatives.GetOrRenderAsync(hash, $"w={i}", OutputFormat.Webp, Bytes(100_000, (byte)i));
            // One derivative is asked for all the time: it is never the least recently used.
            await derivatives.GetOrRenderAsync(hash, "w=1", OutputFormat.Webp, Bytes(100_000, 1));
        }

        Assert.InRange(CacheBytes(), 1, 1_000_000);
        Assert.InRange(quota.TotalBytes, 1, 1_000_000);
        Assert.True(File.Exists(Path.Combine(_root, kept.Blob.Path)));
        Assert.False(File.Exists(Path.Combine(_root, Derivatives.CacheFolder, "00", "left-from-before.webp")));
        // An evicted derivative is rendered again, not looked for where it was.
        var rendered = 0;
        await derivatives.GetOrRenderAsync(hash, "w=2", OutputFormat.Webp, (output, ct) => { rendered++; return Bytes(100_000, 2)(output, ct); });
        Assert.Equal(1, rendered);
    }
}
