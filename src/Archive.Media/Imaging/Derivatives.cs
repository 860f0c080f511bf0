using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Archive.Media.Storage;

namespace Archive.Media.Imaging;

public sealed record Derivative(StoredBlob Blob, string ETag, string ContentType);

/// Processed images, kept in the media store under "_cache/" keyed by the source's SHA-256 and the
/// canonical commands: made once, then served as stored files. Concurrent requests for the same
/// derivative wait for one rendering, and rendering runs a few at a time so requests cannot
/// queue up unbounded decoding work.
public sealed class Derivatives(IMediaStore store, SourceHashes hashes)
{
    public const string CacheFolder = "_cache";
    private readonly ConcurrentDictionary<string, Task<StoredBlob>> _inFlight = new();
    private readonly SemaphoreSlim _rendering = new(Math.Max(1, Environment.ProcessorCount));

    public static string CachePath(string sourceHash, ImageCommands commands, string extension)
    {
        var key = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(commands.CanonicalKey)))[..24].ToLowerInvariant();
        return $"{CacheFolder}/{sourceHash[..2]}/{sourceHash[..24]}-{key}.{extension}";
    }

    public async Task<Derivative> GetAsync(StoredBlob source, ImageCommands commands, CancellationToken ct = default)
    {
        var sourceHash = await hashes.GetAsync(source, ct);
        var sourceExtension = Path.GetExtension(source.Path).TrimStart('.').ToLowerInvariant();
        var format = ImageRenderer.Resolve(commands.Format, sourceExtension);
        var path = CachePath(sourceHash, commands, ImageRenderer.Extension(format));
        var etag = $"\"{Path.GetFileNameWithoutExtension(path)}\"";
        var blob = await store.GetInfoAsync(path, ct) ?? await _inFlight.GetOrAdd(path, p => RenderAsync(source.Path, sourceExtension, commands, p)).WaitAsync(ct);
        return new Derivative(blob, etag, ImageRenderer.ContentType(format));
    }

    private async Task<StoredBlob> RenderAsync(string sourcePath, string sourceExtension, ImageCommands commands, string path)
    {
        try
        {
            await _rendering.WaitAsync();
            try
            {
                if (await store.GetInfoAsync(path) is { } done)
                    return done;
                using var output = new MemoryStream();
                await using (var source = await store.OpenReadAsync(sourcePath) ?? throw new FileNotFoundException(sourcePath))
                    await ImageRenderer.RenderAsync(source, sourceExtension, commands, output);
                output.Position = 0;
                return await store.WriteAsync(path, output, ImageRenderer.ContentType(ImageRenderer.Resolve(commands.Format, sourceExtension)));
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
