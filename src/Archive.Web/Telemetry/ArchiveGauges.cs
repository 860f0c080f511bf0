using System.Diagnostics.Metrics;
using Archive.Data.Cluster;
using Archive.Data.Publishing;
using Archive.Delivery.Cache;
using Archive.Search.Indexing;

namespace Archive.Web.Telemetry;

/// What a node's state looks like to an operator, read when metrics are collected: how far it is behind the change
/// log, its search index, its published cache, its background queues and whether it leads the cluster.
public sealed class ArchiveGauges
{
    public const string MeterName = "Archive.State";

    public ArchiveGauges(IMeterFactory meters, ChangeLogFollower follower, SearchIndex index, PublishedCache cache, ClusterLeadership leadership,
        Archive.Media.Processing.ImageProcessing images, Hosting.CdnPurgeHook purges, RenderedItems rendered, TimeProvider clock)
    {
        var meter = meters.Create(MeterName);
        meter.CreateObservableGauge("archive.changelog.lag", () => follower.LagAt(clock.GetUtcNow().UtcDateTime).TotalSeconds, "s",
            "How long this node has been behind the change log's head (0 when it has caught up).");
        meter.CreateObservableGauge("archive.changelog.head", () => follower.Head is { } head ? [new Measurement<long>(head)] : Array.Empty<Measurement<long>>(),
            "{change}", "The newest change in the shared change log.");
        meter.CreateObservableGauge("archive.changelog.position", () => follower.Position is { } position ? [new Measurement<long>(position)] : Array.Empty<Measurement<long>>(),
            "{change}", "The change every projection of this node (cache, index, harvest records) has applied.");
        meter.CreateObservableGauge("archive.search.index.documents", () => Index(index, s => s.Documents), "{document}",
            "Documents in the search index in use (one per item, culture and state).");
        meter.CreateObservableGauge("archive.search.index.size", () => Index(index, s => s.Bytes), "By", "The search index's size on disk.");
        meter.CreateObservableGauge("archive.search.index.commit", () => Index(index, s => s.Commit), "{commit}",
            "Lucene's commit generation: it moves with every batch of changes the index applies.");
        meter.CreateObservableGauge("archive.published_cache.items", () => cache.Count, "{item}", "Items in the public projection.");
        meter.CreateObservableCounter("archive.delivery.cache.lookups", () => rendered.Statistics() is var (hits, misses, _, _)
            ? new[] { new Measurement<long>(hits, new KeyValuePair<string, object?>("result", "hit")), new Measurement<long>(misses, new KeyValuePair<string, object?>("result", "miss")) }
            : [], "{lookup}", "Item responses looked for among those kept (Archive:Delivery:Cache), by result: the cache's hit ratio.");
        meter.CreateObservableGauge("archive.delivery.cache.size", () => rendered.Statistics().Bytes, "By",
            "Bytes of item responses kept, within Archive:Delivery:Cache:MaxMegabytes.");
        meter.CreateObservableGauge("archive.delivery.cache.entries", () => rendered.Statistics().Entries, "{entry}", "Item responses kept.");
        meter.CreateObservableGauge("archive.queue.depth", () => new[]
        {
            new Measurement<int>(images.Pending, new KeyValuePair<string, object?>("queue", "image_processing")),
            new Measurement<int>(purges.Pending, new KeyValuePair<string, object?>("queue", "cdn_purge")),
        }, "{item}", "Work waiting in this node's background queues.");
        meter.CreateObservableGauge("archive.cluster.leader", () => leadership.IsLeader ? 1 : 0, "{node}",
            "1 on the node that does the cluster's scheduled and background work.");
    }

    private static IEnumerable<Measurement<long>> Index(SearchIndex index, Func<IndexStatistics, long> figure) =>
        index.Statistics() is { } statistics ? [new Measurement<long>(figure(statistics), new KeyValuePair<string, object?>("generation", statistics.Generation))] : [];
}
