using System.Collections.Concurrent;
using Archive.Media.Storage;

namespace Archive.Media.Imaging;

/// Keeps the derivative cache ("_cache/" in the media store) within its size: when a new derivative
/// takes it over the limit, the least recently used ones are deleted until a tenth is free again.
/// What is stored already is counted once, in the background, the first time the cache grows.
public sealed class DerivativeQuota(IMediaStore store, DerivativeQuota.Settings settings)
{
    /// The most the derivative cache may hold, in bytes.
    public sealed record Settings(long MaxBytes);

    private sealed class Entry(long bytes, long lastUse)
    {
        public long Bytes { get; } = bytes;
        public long LastUse = lastUse;
    }

    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _evicting = new(1, 1);
    private long _total;
    private Task? _counted;

    /// Raised for each derivative deleted to make room.
    public event Action<string>? Evicted;

    public long TotalBytes => Interlocked.Read(ref _total);

    public void Touch(string path)
    {
        if (_entries.TryGetValue(path, out var entry))
            entry.LastUse = Environment.TickCount64;
    }

    /// Counts a derivative just written, and makes room when the cache is over its size.
    public async Task AddedAsync(StoredBlob blob, CancellationToken ct = default)
    {
        await (_counted ??= CountStoredAsync());
        if (_entries.TryAdd(blob.Path, new Entry(blob.Length, Environment.TickCount64)))
            Interlocked.Add(ref _total, blob.Length);
        if (TotalBytes > settings.MaxBytes)
            await EvictAsync(ct);
    }

    private async Task CountStoredAsync()
    {
        await foreach (var path in store.ListAsync(Derivatives.CacheFolder + "/"))
            if (await store.GetInfoAsync(path) is { } blob && _entries.TryAdd(path, new Entry(blob.Length, blob.LastModified.ToUnixTimeMilliseconds() - DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() + Environment.TickCount64)))
                Interlocked.Add(ref _total, blob.Length);
    }

    private async Task EvictAsync(CancellationToken ct)
    {
        await _evicting.WaitAsync(ct);
        try
        {
            var target = settings.MaxBytes - settings.MaxBytes / 10;
            foreach (var (path, entry) in _entries.OrderBy(e => e.Value.LastUse).ToList())
            {
                if (TotalBytes <= target)
                    break;
                await store.DeleteAsync(path, ct);
                if (_entries.TryRemove(path, out _))
                    Interlocked.Add(ref _total, -entry.Bytes);
                Evicted?.Invoke(path);
            }
        }
        finally
        {
            _evicting.Release();
        }
    }
}
