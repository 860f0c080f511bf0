using System.Collections.Concurrent;

namespace Archive.Media.Storage;

/// A remote store (Azure Blob Storage) seen through this node's disk. Derivatives and tiles never change once written
/// (their paths are their sources' hashes and the commands), so a copy kept here is always right: it is served by the
/// operating system like a static file, costs blob storage no read, and goes on being served while blob storage is
/// unavailable. What the store said of other files is remembered too, so a public image whose derivatives are here
/// can still be answered then; anything not seen before answers 503 as the store does. The copies keep within a size,
/// the oldest going first.
public sealed class NodeCopyStore : IMediaStore
{
    private readonly IMediaStore _inner;
    private readonly string _root;
    private readonly long _maxBytes;
    private readonly ConcurrentDictionary<string, StoredBlob> _seen = new(StringComparer.Ordinal);
    private const int SeenLimit = 100_000;
    private long _bytes;
    private int _trimming;

    public NodeCopyStore(IMediaStore inner, string root, long maxBytes)
    {
        (_inner, _root, _maxBytes) = (inner, Path.GetFullPath(root), maxBytes);
        Directory.CreateDirectory(_root);
        _bytes = new DirectoryInfo(_root).EnumerateFiles("*", SearchOption.AllDirectories).Sum(f => f.Length);
    }

    public IMediaStore Inner => _inner;

    /// Written once and never changed: safe to keep on every node.
    public static bool IsImmutable(string path) =>
        path.StartsWith(Imaging.Derivatives.CacheFolder + "/", StringComparison.Ordinal) || path.StartsWith(Iiif.TilePyramids.Folder + "/", StringComparison.Ordinal);

    public async Task<StoredBlob?> GetInfoAsync(string path, CancellationToken ct = default)
    {
        if (IsImmutable(path) && Copy(path) is { Exists: true } copy)
            return new StoredBlob(path, copy.Length, MediaPath.ContentTypeOf(path), copy.LastWriteTimeUtc);
        try
        {
            var blob = await _inner.GetInfoAsync(path, ct);
            if (blob is null)
                _seen.TryRemove(path, out _);
            else if (_seen.Count < SeenLimit || _seen.ContainsKey(path))
                _seen[path] = blob;
            return blob;
        }
        catch (MediaStoreUnavailableException) when (_seen.TryGetValue(path, out var known))
        {
            return known;
        }
    }

    public async Task<Stream?> OpenReadAsync(string path, CancellationToken ct = default)
    {
        if (!IsImmutable(path))
            return await _inner.OpenReadAsync(path, ct);
        var copy = Copy(path);
        if (!copy.Exists && !await FetchAsync(path, copy.FullName, ct))
            return null;
        return new FileStream(copy.FullName, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, 81920, useAsync: true);
    }

    public Task<StoredBlob> WriteAsync(string path, Stream content, string contentType, CancellationToken ct = default) =>
        _inner.WriteAsync(path, content, contentType, ct);

    public async Task<bool> DeleteAsync(string path, CancellationToken ct = default)
    {
        _seen.TryRemove(path, out _);
        if (IsImmutable(path) && Copy(path) is { Exists: true } copy)
        {
            copy.Delete();
            Interlocked.Add(ref _bytes, -copy.Length);
        }
        return await _inner.DeleteAsync(path, ct);
    }

    public IAsyncEnumerable<string> ListAsync(string prefix = "", CancellationToken ct = default) => _inner.ListAsync(prefix, ct);

    public string? LocalPath(string path) => IsImmutable(path) && Copy(path) is { Exists: true } copy ? copy.FullName : null;

    private FileInfo Copy(string path) => new(Path.Combine(_root, path.Replace('/', Path.DirectorySeparatorChar)));

    private async Task<bool> FetchAsync(string path, string target, CancellationToken ct)
    {
        await using var source = await _inner.OpenReadAsync(path, ct);
        if (source is null)
            return false;
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        var part = $"{target}.{Guid.NewGuid():N}.part";
        long length;
        await using (var output = new FileStream(part, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true))
        {
            await source.CopyToAsync(output, ct);
            length = output.Length;
        }
        File.Move(part, target, overwrite: true);
        if (Interlocked.Add(ref _bytes, length) > _maxBytes)
            Trim();
        return true;
    }

    /// Down to three quarters of the limit, the oldest copies first; one trim at a time, off the request's path. Copies
    /// made while a trim walks the folder are counted on top of what it leaves, so the count may run high (and trims
    /// again) but never low, which would let the folder grow past its limit unnoticed.
    private void Trim()
    {
        if (Interlocked.Exchange(ref _trimming, 1) == 1)
            return;
        _ = Task.Run(() =>
        {
            var failed = false;
            try
            {
                while (Interlocked.Read(ref _bytes) > _maxBytes)
                {
                    var counted = Interlocked.Read(ref _bytes);
                    var files = new DirectoryInfo(_root).EnumerateFiles("*", SearchOption.AllDirectories).Where(f => !f.Name.EndsWith(".part", StringComparison.Ordinal))
                        .OrderBy(f => f.LastWriteTimeUtc).ToList();
                    var total = files.Sum(f => f.Length);
                    foreach (var file in files)
                    {
                        if (total <= _maxBytes * 3 / 4)
                            break;
                        total -= file.Length;
                        file.Delete();
                    }
                    Interlocked.Add(ref _bytes, total - counted);
                }
            }
            catch (IOException)
            {
                // Tried again at the next copy beyond the limit.
                failed = true;
            }
            finally
            {
                Interlocked.Exchange(ref _trimming, 0);
            }
            // A copy that went past the limit just as this trim finished found it still running.
            if (!failed && Interlocked.Read(ref _bytes) > _maxBytes)
                Trim();
        });
    }
}
