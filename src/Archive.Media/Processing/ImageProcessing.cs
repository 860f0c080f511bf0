using System.Threading.Channels;
using Archive.Media.Iiif;
using Archive.Media.Imaging;
using Archive.Media.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Archive.Media.Processing;

/// Work done once per public image, in the background, after it enters the library (an upload through
/// any channel, an import, a start-up with images not yet processed): its IIIF tile pyramid, and the
/// common derivatives (the presets) so visitors never wait for a first rendering. One image at a time:
/// a 100-megapixel scan takes its memory alone. An image that stopped being public before its turn is skipped.
public sealed class ImageProcessing(IPublicImages images, IMediaStore store, SourceHashes hashes, TilePyramids pyramids, Derivatives derivatives,
    ImagingSettings imaging, ImageProcessing.Settings settings, ILogger<ImageProcessing> logger) : BackgroundService
{
    /// ImageSharp.Web query strings ("width=400&height=400&mode=crop&format=webp"), empty ones skipped.
    public sealed record Settings(IReadOnlyList<string> Presets);

    private readonly Channel<Guid> _queue = Channel.CreateUnbounded<Guid>();
    private readonly HashSet<Guid> _queued = [];
    private readonly IReadOnlyList<ImageCommands> _presets = settings.Presets
        .Select(p => ImageCommands.Parse(QueryPairs(p), imaging).Commands).OfType<ImageCommands>().Where(c => !c.IsEmpty).ToList();

    public int Pending { get { lock (_queued) return _queued.Count; } }

    public void Enqueue(Guid key)
    {
        lock (_queued)
            if (_queued.Add(key))
                _queue.Writer.TryWrite(key);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var key in _queue.Reader.ReadAllAsync(stoppingToken))
        {
            try
            {
                if (images.PathOf(key) is { } path)
                    await ProcessAsync(key, path, stoppingToken);
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

    private async Task ProcessAsync(Guid key, string path, CancellationToken ct)
    {
        if (await store.GetInfoAsync(path, ct) is not { } source)
            return;
        var hash = await hashes.GetAsync(source, ct);
        if (await pyramids.FindAsync(hash, ct) is null)
        {
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            var info = await pyramids.BuildAsync(source.Path, hash, ct);
            logger.LogInformation("Built the tile pyramid of {Key} ({Width}×{Height}, {Levels} levels) in {Elapsed:0} ms",
                key, info.Width, info.Height, info.Levels, System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
        foreach (var commands in _presets)
            await derivatives.GetAsync(source, commands, ct);
    }

    private static IEnumerable<KeyValuePair<string, string?>> QueryPairs(string query) =>
        query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries).Select(pair =>
        {
            var parts = pair.Split('=', 2);
            return KeyValuePair.Create(Uri.UnescapeDataString(parts[0]), (string?)(parts.Length > 1 ? Uri.UnescapeDataString(parts[1].Replace('+', ' ')) : ""));
        });
}
