using System.Collections.Concurrent;
using System.Security.Cryptography;
using Archive.Media.Storage;

namespace Archive.Media.Imaging;

/// SHA-256 of stored media files, computed once per version of a file (path, length, time) and
/// remembered: derivatives and tiles are keyed by it, so a replaced file never meets stale ones.
public sealed class SourceHashes(IMediaStore store)
{
    private readonly ConcurrentDictionary<(string, long, DateTimeOffset), Task<string>> _hashes = new();

    public Task<string> GetAsync(StoredBlob blob, CancellationToken ct = default)
    {
        var task = _hashes.GetOrAdd((blob.Path, blob.Length, blob.LastModified), _ => ComputeAsync(blob.Path));
        if (task.IsFaulted)
            _hashes.TryRemove((blob.Path, blob.Length, blob.LastModified), out _);
        return task.WaitAsync(ct);
    }

    private async Task<string> ComputeAsync(string path)
    {
        await using var stream = await store.OpenReadAsync(path) ?? throw new FileNotFoundException(path);
        return Convert.ToHexString(await SHA256.HashDataAsync(stream)).ToLowerInvariant();
    }
}
