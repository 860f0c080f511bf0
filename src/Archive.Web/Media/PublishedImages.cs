using Archive.Data.Cluster;
using Archive.Delivery.Cache;
using Archive.Media.Processing;

namespace Archive.Web.Media;

/// Feeds image processing from the published cache: every public image once the cache is loaded (and
/// again after a reload), then each image the cache changes. In a cluster only the leading node does the work (each
/// node follows every change, so a node that becomes the leader looks over every public image again: what the last
/// leader left unfinished is done, what it finished is found in the store and skipped).
public sealed class PublishedImages(PublishedCache cache, ClusterLeadership leadership, IServiceProvider services) : IPublicImages, IHostedService
{
    public string? PathOf(Guid key) => PublishedMedia.Of(cache.Find(key)) is { IsImage: true } media ? media.Path : null;

    private ImageProcessing Processing => services.GetRequiredService<ImageProcessing>();

    public Task StartAsync(CancellationToken cancellationToken)
    {
        cache.Changed += OnChanged;
        cache.Reloaded += EnqueueAll;
        leadership.Elected += EnqueueAll;
        // Loaded before this subscribed: nothing would announce it.
        if (cache.IsLoaded)
            EnqueueAll();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        cache.Changed -= OnChanged;
        cache.Reloaded -= EnqueueAll;
        leadership.Elected -= EnqueueAll;
        return Task.CompletedTask;
    }

    private void OnChanged(IReadOnlyCollection<Guid> keys)
    {
        if (!leadership.IsLeader)
            return;
        foreach (var key in keys)
            if (PathOf(key) is not null)
                Processing.Enqueue(key);
    }

    private void EnqueueAll()
    {
        if (!leadership.IsLeader || !cache.IsLoaded)
            return;
        foreach (var node in cache.All)
            if (PublishedMedia.Of(node) is { IsImage: true })
                Processing.Enqueue(node.Key);
    }
}
