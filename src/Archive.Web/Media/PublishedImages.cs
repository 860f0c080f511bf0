using Archive.Delivery.Cache;
using Archive.Media.Processing;

namespace Archive.Web.Media;

/// Feeds image processing from the published cache: every public image once the cache is loaded (and
/// again after a reload), then each image the cache changes.
public sealed class PublishedImages(PublishedCache cache, IServiceProvider services) : IPublicImages, IHostedService
{
    public string? PathOf(Guid key) => PublishedMedia.Of(cache.Find(key)) is { IsImage: true } media ? media.Path : null;

    private ImageProcessing Processing => services.GetRequiredService<ImageProcessing>();

    public Task StartAsync(CancellationToken cancellationToken)
    {
        cache.Changed += OnChanged;
        cache.Reloaded += EnqueueAll;
        // Loaded before this subscribed: nothing would announce it.
        if (cache.IsLoaded)
            EnqueueAll();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        cache.Changed -= OnChanged;
        cache.Reloaded -= EnqueueAll;
        return Task.CompletedTask;
    }

    private void OnChanged(IReadOnlyCollection<Guid> keys)
    {
        foreach (var key in keys)
            if (PathOf(key) is not null)
                Processing.Enqueue(key);
    }

    private void EnqueueAll()
    {
        foreach (var node in cache.All)
            if (PublishedMedia.Of(node) is { IsImage: true })
                Processing.Enqueue(node.Key);
    }
}
