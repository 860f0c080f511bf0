using System.Runtime.CompilerServices;
using Archive.Media.Storage;

namespace Archive.Media.Tests;

/// A remote store seen through a node's disk: immutable derivatives and tiles kept as copies and served while the store
/// is away; other files answered from what the store last said of them, or refused as the store refuses.
public sealed class NodeCopyStoreTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("archive-node-copies").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    /// A store that can be taken away, as blob storage is in an outage.
    private sealed class Outage(IMediaStore inner) : IMediaStore
    {
        public bool Down { get; set; }
        public int Reads { get; private set; }

        private void Check()
        {
            if (Down)
                throw new MediaStoreUnavailableException("Blob storage cannot be reached.", new IOException("refused"));
        }

        public Task<StoredBlob?> GetInfoAsync(string path, CancellationToken ct = default) { Check(); return inner.GetInfoAsync(path, ct); }
        public Task<Stream?> OpenReadAsync(string path, CancellationToken ct = default) { Check(); Reads++; return inner.OpenReadAsync(path, ct); }
        public Task<StoredBlob> WriteAsync(string path, Stream content, string contentType, CancellationToken ct = default) { Check(); return inner.WriteAsync(path, content, contentType, ct); }
        public Task<bool> DeleteAsync(string path, CancellationToken ct = default) { Check(); return inner.DeleteAsync(path, ct); }

        public async IAsyncEnumerable<string> ListAsync(string prefix = "", [EnumeratorCancellation] CancellationToken ct = default)
        {
            Check();
            await foreach (var path in inner.ListAsync(prefix, ct))
                yield return path;
        }
    }

    [Fact]
    public async Task Derivatives_a_node_has_read_are_served_from_its_copies_while_the_store_is_away()
    {
        var remote = new Outage(new FileSystemMediaStore(Path.Combine(_root, "remote")));
        var store = new NodeCopyStore(remote, Path.Combine(_root, "copies"), 10 * 1024 * 1024);
        const string derivative = "_cache/ab/abcdef-0123.webp";
        const string tile = "_tiles/cd/cdef01234567890123456789/0/0_0.jpg";
        const string original = "1a2b3c4d/tumar.jpg";
        foreach (var path in new[] { derivative, tile, original, "1a2b3c4d/other.jpg" })
            await remote.WriteAsync(path, new MemoryStream([1, 2, 3, 4]), "image/jpeg");

        Assert.Null(store.LocalPath(derivative));
        await using (var first = await store.OpenReadAsync(derivative))
            Assert.Equal(4, first!.Length);
        await (await store.OpenReadAsync(tile))!.DisposeAsync();
        Assert.NotNull(await store.GetInfoAsync(original));
        var reads = remote.Reads;
        // A second read costs the store nothing.
        await (await store.OpenReadAsync(derivative))!.DisposeAsync();
        Assert.Equal(reads, remote.Reads);

        remote.Down = true;
        Assert.NotNull(store.LocalPath(derivative));
        await using (var copy = await store.OpenReadAsync(derivative))
        {
            var bytes = new MemoryStream();
            await copy!.CopyToAsync(bytes);
            Assert.Equal(new byte[] { 1, 2, 3, 4 }, bytes.ToArray());
        }
        Assert.Equal(4, (await store.GetInfoAsync(tile))!.Length);
        Assert.Equal(4, (await store.GetInfoAsync(original))!.Length);
        // What this node never saw, and every write, is refused as the store refuses it.
        await Assert.ThrowsAsync<MediaStoreUnavailableException>(() => store.GetInfoAsync("1a2b3c4d/other.jpg"));
        await Assert.ThrowsAsync<MediaStoreUnavailableException>(() => store.WriteAsync("1a2b3c4d/new.jpg", new MemoryStream([5]), "image/jpeg"));
    }

    [Fact]
    public async Task Copies_keep_within_their_size_the_oldest_going_first()
    {
        var remote = new FileSystemMediaStore(Path.Combine(_root, "remote"));
        var store = new NodeCopyStore(remote, Path.Combine(_root, "copies"), 10_000);
        for (var i = 0; i < 30; i++)
        {
            var path = $"_cache/aa/file{i:00}.webp";
            await remote.WriteAsync(path, new MemoryStream(new byte[1000]), "image/webp");
            await (await store.OpenReadAsync(path))!.DisposeAsync();
            File.SetLastWriteTimeUtc(store.LocalPath(path)!, DateTime.UtcNow.AddMinutes(i - 60));
        }
        var deadline = DateTime.UtcNow.AddSeconds(10);
        long total;
        do
        {
            await Task.Delay(50);
            total = Directory.GetFiles(Path.Combine(_root, "copies"), "*", SearchOption.AllDirectories).Sum(f => new FileInfo(f).Length);
        }
        while (total > 10_000 && DateTime.UtcNow < deadline);
        Assert.True(total <= 10_000, $"{total} bytes of copies");
        Assert.NotNull(store.LocalPath("_cache/aa/file29.webp"));
    }
}
