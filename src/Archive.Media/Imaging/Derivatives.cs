using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Archive.Media.Storage;

namespace Archive.Media.Imaging;

public sealed record Derivative(StoredBlob Blob, string ETag, string ContentType);

/// Processed images (resized, cropped, IIIF regions), kept in the media store under "_cache/" keyed
/// by the source's SHA-256 and the canonical commands: made once, then served as stored files.
/// Concurrent requests for the same derivative wait for one rendering, and rendering runs a few at a
/// time so requests cannot queue up unbounded decoding work.
public sealed class Derivatives(IMediaStore store, SourceHashes hashes)
{
    public const string CacheFolder = "_cache";
    private readonly ConcurrentDictionary<string, Task<StoredBlob>> _inFlight = new();
    private readonly SemaphoreSlim _rendering = new(Math.Max(1, Environment.ProcessorCount));

    public static string CachePath(string sourceHash, string canonicalKey, OutputFormat format)
    {
        var key = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(canonicalKey)))[..24].ToLowerInvariant();
        return $"{CacheFolder}/{sourceHash[..2]}/{sourceHash[..24]}-{key}.{ImageRenderer.Extension(format)}";
    }

    /// A derivative by ImageSharp.Web commands.
    public async Task<Derivative> GetAsync(StoredBlob source, ImageCommands commands, CancellationToken ct = default)
    {
        var sourceHash = await hashes.GetAsync(source, ct);
        var sourceExtension = Path.GetExtension(source.Path).TrimStart('.').ToLowerInvariant();
        var format = ImageRenderer.Resolve(commands.Format, sourceExtension);
        return await GetOrRenderAsync(sourceHash, commands.CanonicalKey, format, async (output, token) =>
        {
            await using var input = await store.OpenReadAsync(source.Path, token) ?? throw new FileNotFoundException(source.Path);
            await ImageRenderer.RenderAsync(input, sourceExtension, commands, output, token);
        }, ct);
    }

    /// Any derivative: the stored one when it exists, else rendered once by the given function.
    public async Task<Derivative> GetOrRenderAsync(string sourceHash, string canonicalKey, OutputFormat format, Func<Stream, CancellationToken, Task> render, CancellationToken ct = default)
    {
        var path = CachePath(sourceHash, canonicalKey, format);
        var blob = await store.GetInfoAsync(path, ct) ?? await _inFlight.GetOrAdd(path, p => RenderAsync(p, format, render)).WaitAsync(ct);
        return new Derivative(blob, $"\"{Path.GetFileNameWithoutExtension(path)}\"", ImageRenderer.ContentType(format));
    }

    private async Task<StoredBlob> RenderAsync(string path, OutputFormat format, Func<Stream, CancellationToken, Task> render)
    {
        try
        {
            await _rendering.WaitAsync();
            try
            {
                if (await store.GetInfoAsync(path) is { } done)
                    return done;
                using var output = new MemoryStream();
                await render(output, CancellationToken.None);
                output.Position = 0;
                return await store.WriteAsync(path, output, ImageRenderer.ContentType(format));
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
