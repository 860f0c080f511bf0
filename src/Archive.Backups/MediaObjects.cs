using System.Security.Cryptography;
using Archive.Media.Storage;

namespace Archive.Backups;

/// The media store's files in a backup, content-addressed under objects/ (a file held twice is stored once). What the
/// archive can make again from them is left out: derivatives (_cache/), tile pyramids (_tiles/) and temporary files.
public static class MediaObjects
{
    public const string Folder = "objects";

    private static readonly string[] Regenerable = [Archive.Media.Imaging.Derivatives.CacheFolder + "/", Archive.Media.Iiif.TilePyramids.Folder + "/", "_temporary/"];

    public static bool IsKept(string path) => !Regenerable.Any(prefix => path.StartsWith(prefix, StringComparison.Ordinal));

    public static string ObjectPath(string backup, string sha256) => Path.Combine(backup, Folder, sha256[..2], sha256);

    /// Copies every kept file of the store into the backup; returns them with their hashes.
    public static async Task<List<BackupFile>> CopyOutAsync(IMediaStore store, string backup, IProgress<int>? progress, CancellationToken ct)
    {
        var files = new List<BackupFile>();
        await foreach (var path in store.ListAsync("", ct))
        {
            if (!IsKept(path))
                continue;
            await using var source = await store.OpenReadAsync(path, ct);
            if (source is null)
                continue;
            var part = Path.Combine(backup, Folder, $"{Guid.NewGuid():N}.part");
            Directory.CreateDirectory(Path.GetDirectoryName(part)!);
            string hash;
            long bytes;
            await using (var target = new FileStream(part, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true))
            {
                (hash, bytes) = await CopyHashingAsync(source, target, ct);
            }
            var final = ObjectPath(backup, hash);
            Directory.CreateDirectory(Path.GetDirectoryName(final)!);
            if (File.Exists(final))
                File.Delete(part);
            else
                File.Move(part, final);
            files.Add(new BackupFile(path, hash, bytes));
            progress?.Report(files.Count);
        }
        return files;
    }

    /// Writes every file of a backup back into the store.
    public static async Task CopyInAsync(IMediaStore store, string backup, IReadOnlyList<BackupFile> files, IProgress<int>? progress, CancellationToken ct)
    {
        var done = 0;
        foreach (var file in files)
        {
            await using var source = File.OpenRead(ObjectPath(backup, file.Sha256));
            await store.WriteAsync(file.Path, source, MediaPath.ContentTypeOf(file.Path), ct);
            progress?.Report(++done);
        }
    }

    /// The problems of the backup's objects: missing, or not the bytes the manifest names.
    public static async Task<List<string>> CheckAsync(string backup, IReadOnlyList<BackupFile> files, IProgress<int>? progress, CancellationToken ct)
    {
        var problems = new List<string>();
        var checkedObjects = new Dictionary<string, bool>(StringComparer.Ordinal);
        var done = 0;
        foreach (var file in files)
        {
            if (!checkedObjects.TryGetValue(file.Sha256, out var good))
            {
                var path = ObjectPath(backup, file.Sha256);
                good = File.Exists(path) && await HashAsync(path, ct) == (file.Sha256, file.Bytes);
                checkedObjects[file.Sha256] = good;
            }
            if (!good)
                problems.Add($"media {file.Path}: its object {file.Sha256[..12]}… is missing or damaged");
            progress?.Report(++done);
        }
        return problems;
    }

    public static async Task<(string Sha256, long Bytes)> HashAsync(string path, CancellationToken ct)
    {
        await using var stream = File.OpenRead(path);
        return await CopyHashingAsync(stream, Stream.Null, ct);
    }

    private static async Task<(string, long)> CopyHashingAsync(Stream source, Stream target, CancellationToken ct)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[81920];
        long total = 0;
        int read;
        while ((read = await source.ReadAsync(buffer, ct)) > 0)
        {
            sha.AppendData(buffer, 0, read);
            await target.WriteAsync(buffer.AsMemory(0, read), ct);
            total += read;
        }
        return (Convert.ToHexString(sha.GetHashAndReset()).ToLowerInvariant(), total);
    }
}
