using System.Threading.Channels;
using Archive.Delivery.Cache;
using Archive.Media.Iiif;
using Archive.Media.Imaging;
using Archive.Media.Storage;
using Microsoft.Extensions.Options;

namespace Archive.Web.Media;

/// Work done once per image, in the background, after it enters the library (an upload through
/// any channel, an import, a start-up with images not yet processed): its IIIF tile pyramid, and
/// the common derivatives (Archive:Media:Presets) so visitors never wait for a first rendering.
/// One image at a time: a 100-megapixel scan takes its memory alone.
public sealed class MediaProcessing(PublishedCache cache, IMediaStore store, SourceHashes hashes, TilePyramids pyramids, Derivatives derivatives,
    IOptions<ImagingSettings> imaging, IOptions<Hosting.ArchiveOptions> options, ILogger<MediaProcessing> logger) : BackgroundService
{
    private readonly Channel<Guid> _queue = Channel.CreateUnbounded<Guid>();
    private readonly HashSet<Guid> _queued = [];

    public int Pending { get { lock (_queued) return _queued.Count; } }

    public void Enqueue(Guid key)
    {
        lock (_queued)
            if (_queued.Add(key))
                _queue.Writer.TryWrite(key);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        cache.Changed += keys =>
        {
            foreach (var key in keys)
                if (PublishedMedia.Of(cache.Find(key)) is { IsImage: true })
                    Enqueue(key);
        };
        cache.Reloaded += EnqueueAll;
        while (!cache.IsLoaded && !stoppingToken.IsCancellationRequested)
            await Task.Delay(200, stoppingToken);
        EnqueueAll();

        await foreach (var key in _queue.Reader.ReadAllAsync(stoppingToken))
        {
            try
            {
                if (PublishedMedia.Of(cache.Find(key)) is { IsImage: true } media)
                    await ProcessAsync(media, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                // One unreadable image must not stop the others; it is tried again on its next change.
                logger.LogWarning(ex, "Processing media {Key} failed", key);
            }
            finally
            {
                lock (_queued)
                    _queued.Remove(key);
            }
        }
    }

    private void EnqueueAll()
    {
        foreach (var node in cache.All)
            if (PublishedMedia.Of(node) is { IsImage: true })
                Enqueue(node.Key);
    }

    private async Task ProcessAsync(PublishedMedia media, CancellationToken ct)
    {
        if (await store.GetInfoAsync(media.Path, ct) is not { } source)
            return;
        var hash = await hashes.GetAsync(source, ct);
        if (await pyramids.FindAsync(hash, ct) is null)
        {
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            var info = await pyramids.BuildAsync(source.Path, hash, ct);
            logger.LogInformation("Built the tile pyramid of {Key} ({Width}×{Height}, {Levels} levels) in {Elapsed:0} ms",
                media.Node.Key, info.Width, info.Height, info.Levels, System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
        foreach (var preset in options.Value.Media.EffectivePresets)
        {
            var query = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(preset).SelectMany(q => q.Value.Select(v => KeyValuePair.Create(q.Key, v)));
            if (ImageCommands.Parse(query, imaging.Value).Commands is { IsEmpty: false } commands)
                await derivatives.GetAsync(source, commands, ct);
        }
    }
}
