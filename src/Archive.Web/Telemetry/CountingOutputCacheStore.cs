using System.Buffers;
using System.IO.Pipelines;
using Microsoft.AspNetCore.OutputCaching;

namespace Archive.Web.Telemetry;

/// The output cache's store, counting hits and misses for the cache's hit ratio. Buffer writes and reads go on as the
/// store does them (the cache writes through IOutputCacheBufferStore when the store has it).
public sealed class CountingOutputCacheStore(IOutputCacheStore inner) : IOutputCacheBufferStore
{
    private static readonly KeyValuePair<string, object?> Hit = new("result", "hit");
    private static readonly KeyValuePair<string, object?> Miss = new("result", "miss");

    public async ValueTask<byte[]?> GetAsync(string key, CancellationToken cancellationToken)
    {
        var found = await inner.GetAsync(key, cancellationToken);
        HostMetrics.OutputCacheLookups.Add(1, found is null ? Miss : Hit);
        return found;
    }

    public async ValueTask<bool> TryGetAsync(string key, PipeWriter destination, CancellationToken cancellationToken)
    {
        bool found;
        if (inner is IOutputCacheBufferStore buffers)
            found = await buffers.TryGetAsync(key, destination, cancellationToken);
        else if (await inner.GetAsync(key, cancellationToken) is { } bytes)
        {
            await destination.WriteAsync(bytes, cancellationToken);
            found = true;
        }
        else
            found = false;
        HostMetrics.OutputCacheLookups.Add(1, found ? Hit : Miss);
        return found;
    }

    public ValueTask SetAsync(string key, byte[] value, string[]? tags, TimeSpan validFor, CancellationToken cancellationToken) =>
        inner.SetAsync(key, value, tags, validFor, cancellationToken);

    public ValueTask SetAsync(string key, ReadOnlySequence<byte> value, ReadOnlyMemory<string> tags, TimeSpan validFor, CancellationToken cancellationToken) =>
        inner is IOutputCacheBufferStore buffers
            ? buffers.SetAsync(key, value, tags, validFor, cancellationToken)
            : inner.SetAsync(key, value.ToArray(), tags.IsEmpty ? null : tags.ToArray(), validFor, cancellationToken);

    public ValueTask EvictByTagAsync(string tag, CancellationToken cancellationToken) => inner.EvictByTagAsync(tag, cancellationToken);
}
