using System.Runtime.CompilerServices;

namespace Archive.Media.Storage;

/// Media on the local disk under one root folder (by default the repository's media/).
public sealed class FileSystemMediaStore : IMediaStore
{
    private readonly string _root;

    public FileSystemMediaStore(string root)
    {
        _root = Path.GetFullPath(root);
        Directory.CreateDirectory(_root);
    }

    public string Root => _root;

    public Task<StoredBlob?> GetInfoAsync(string path, CancellationToken ct = default)
    {
        var file = new FileInfo(Resolve(path));
        return Task.FromResult(file.Exists ? new StoredBlob(path, file.Length, MediaPath.ContentTypeOf(path), file.LastWriteTimeUtc) : null);
    }

    public Task<Stream?> OpenReadAsync(string path, CancellationToken ct = default)
    {
        var full = Resolve(path);
        return Task.FromResult<Stream?>(File.Exists(full) ? new FileStream(full, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true) : null);
    }

    public async Task<StoredBlob> WriteAsync(string path, Stream content, string contentType, CancellationToken ct = default)
    {
        var full = Resolve(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        // Written to a temporary file in the same folder and renamed: a rename is atomic on one volume.
        var temp = Path.Combine(Path.GetDirectoryName(full)!, $".{Guid.NewGuid():N}.tmp");
        try
        {
            await using (var target = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true))
                await content.CopyToAsync(target, ct);
            File.Move(temp, full, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp))
                File.Delete(temp);
        }
        var info = new FileInfo(full);
        return new StoredBlob(path, info.Length, contentType, info.LastWriteTimeUtc);
    }

    public Task<bool> DeleteAsync(string path, CancellationToken ct = default)
    {
        var full = Resolve(path);
        if (!File.Exists(full))
            return Task.FromResult(false);
        File.Delete(full);
        var folder = Path.GetDirectoryName(full)!;
        if (folder != _root && !Directory.EnumerateFileSystemEntries(folder).Any())
            Directory.Delete(folder);
        return Task.FromResult(true);
    }

    public async IAsyncEnumerable<string> ListAsync(string prefix = "", [EnumeratorCancellation] CancellationToken ct = default)
    {
        await Task.Yield();
        // Only the folder the prefix names is walked (the temporary files' sweep must not read the whole library).
        var folder = prefix.LastIndexOf('/') is var slash and > 0 ? Path.Combine(_root, prefix[..slash]) : _root;
        if (!Directory.Exists(folder))
            yield break;
        foreach (var file in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories))
        {
            ct.ThrowIfCancellationRequested();
            var relative = Path.GetRelativePath(_root, file).Replace('\\', '/');
            if (relative.StartsWith('.') || relative.Contains("/.") || !relative.StartsWith(prefix, StringComparison.Ordinal))
                continue;
            yield return relative;
        }
    }

    public string? LocalPath(string path) => Resolve(path);

    private string Resolve(string path)
    {
        if (!MediaPath.TryNormalize(path, out var normalized))
            throw new ArgumentException($"'{path}' is not a media path.", nameof(path));
        var full = Path.GetFullPath(Path.Combine(_root, normalized));
        if (!full.StartsWith(_root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            throw new ArgumentException($"'{path}' is outside the media store.", nameof(path));
        return full;
    }
}
