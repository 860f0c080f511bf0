using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Archive.Media.Storage;

namespace Archive.Media.Imaging;

public sealed record Derivative(StoredBlob Blob, string ETag, string ContentType);

/// Processed images (resized, cropped, IIIF regions), kept in the media store under "_cache/" keyed
/// by the source's SHA-256 and the canonical commands: made once, then served as stored files.
/// Concurrent requests for the same derivative wait for one rendering, and rendering runs a few at a
/// time so requests cannot queue up unbounded decoding work. The cache keeps within its quota.
public sealed class Derivatives
{
    private readonly IMediaStore _store;
    private readonly SourceHashes _hashes;
    private readonly Iiif.TilePyramids _pyramids;
    private readonly DerivativeQuota? _quota;

    public Derivatives(IMediaStore store, SourceHashes hashes, Iiif.TilePyramids pyramids, DerivativeQuota? quota = null)
    {
        (_store, _hashes, _pyramids, _quota) = (store, hashes, pyramids, quota);
        if (quota is not null)
            quota.Evicted += path => _known.TryRemove(path, out _);
    }

    public const string CacheFolder = "_cache";
    private readonly ConcurrentDictionary<string, Task<StoredBlob>> _inFlight = new();
    private readonly SemaphoreSlim _rendering = new(Math.Max(1, Environment.ProcessorCount));
    // Derivatives known to be stored: a request for one costs no look-up in the store (a round trip on blob storage).
    private readonly ConcurrentDictionary<string, StoredBlob> _known = new();
    private const int KnownLimit = 200_000;

    public static string CachePath(string sourceHash, string canonicalKey, OutputFormat format)
    {
        var key = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(canonicalKey)))[..24].ToLowerInvariant();
        return $"{CacheFolder}/{sourceHash[..2]}/{sourceHash[..24]}-{key}.{ImageRenderer.Extension(format)}";
    }

    /// A derivative by ImageSharp.Web commands.
    public async Task<Derivative> GetAsync(StoredBlob source, ImageCommands commands, CancellationToken ct = default)
    {
        var sourceHash = await _hashes.GetAsync(source, ct);
        var sourceExtension = Path.GetExtension(source.Path).TrimStart('.').ToLowerInvariant();
        var format = ImageRenderer.Resolve(commands.Format, sourceExtension);
        return await GetOrRenderAsync(sourceHash, commands.CanonicalKey, format, async (output, token) =>
        {
            // A smaller size of a large image comes from its pyramid: only the level it needs is read.
            if (commands.Width is not null || commands.Height is not null)
                if (await _pyramids.FindAsync(sourceHash, token) is { } pyramid && pyramid.Levels > 1)
                {
                    using var image = await FromPyramidAsync(sourceHash, pyramid, commands, token);
                    ImageRenderer.Apply(image, commands with { Crop = null });
                    await image.SaveAsync(output, ImageRenderer.Encoder(format, commands.Quality), token);
                    return;
                }
            await using var input = await _store.OpenReadAsync(source.Path, token) ?? throw new FileNotFoundException(source.Path);
            await ImageRenderer.RenderAsync(input, sourceExtension, commands, output, token);
        }, ct);
    }

    private Task<SixLabors.ImageSharp.Image<SixLabors.ImageSharp.PixelFormats.Rgb24>> FromPyramidAsync(string sourceHash, Iiif.PyramidInfo pyramid, ImageCommands commands, CancellationToken ct)
    {
        var region = new SixLabors.ImageSharp.Rectangle(0, 0, pyramid.Width, pyramid.Height);
        if (commands.Crop is { } c)
        {
            var left = (int)Math.Round(c.Left * pyramid.Width);
            var top = (int)Math.Round(c.Top * pyramid.Height);
            region = new SixLabors.ImageSharp.Rectangle(left, top,
                Math.Clamp((int)Math.Round((1 - c.Left - c.Right) * pyramid.Width), 1, pyramid.Width - left),
                Math.Clamp((int)Math.Round((1 - c.Top - c.Bottom) * pyramid.Height), 1, pyramid.Height - top));
        }
        // The level with at least the pixels the largest requested side needs, whatever the mode.
        var scale = Math.Max((commands.Width ?? 0) / (double)region.Width, (commands.Height ?? 0) / (double)region.Height);
        var level = scale <= 0 ? 0 : Math.Clamp((int)Math.Floor(Math.Log2(1 / scale)), 0, pyramid.Levels - 1);
        var factor = pyramid.ScaleFactor(level);
        var size = new SixLabors.ImageSharp.Size(Math.Max(1, region.Width / factor), Math.Max(1, region.Height / factor));
        return _pyramids.ComposeAsync(sourceHash, pyramid, region, size, ct);
    }

    /// Forgets what is known of a derivative that was found missing (deleted behind this process's back).
    public void Forget(Derivative derivative) => _known.TryRemove(derivative.Blob.Path, out _);

    /// Any derivative: the stored one when it exists, else rendered once by the given function.
    public async Task<Derivative> GetOrRenderAsync(string sourceHash, string canonicalKey, OutputFormat format, Func<Stream, CancellationToken, Task> render, CancellationToken ct = default)
    {
        var path = CachePath(sourceHash, canonicalKey, format);
        if (_known.TryGetValue(path, out var blob))
            _quota?.Touch(path);
        else
        {
            blob = await _store.GetInfoAsync(path, ct) ?? await _inFlight.GetOrAdd(path, p => RenderAsync(p, format, render)).WaitAsync(ct);
            if (_known.Count >= KnownLimit)
                _known.Clear();
            _known[path] = blob;
        }
        return new Derivative(blob, $"\"{Path.GetFileNameWithoutExtension(path)}\"", ImageRenderer.ContentType(format));
    }

    private async Task<StoredBlob> RenderAsync(string path, OutputFormat format, Func<Stream, CancellationToken, Task> render)
    {
        try
        {
            await _rendering.WaitAsync();
            try
            {
                if (await _store.GetInfoAsync(path) is { } done)
                    return done;
                using var output = new MemoryStream();
                await render(output, CancellationToken.None);
                output.Position = 0;
                var written = await _store.WriteAsync(path, output, ImageRenderer.ContentType(format));
                if (_quota is not null)
                    await _quota.AddedAsync(written);
                return written;
            }
            finally
            {
                _rendering.Release();
            }
        }
        finally
        {
            _inFlight.TryRemove(path, out _);
        }
    }
}
