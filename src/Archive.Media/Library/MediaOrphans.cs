using System.Text.RegularExpressions;
using Archive.Data;
using Archive.Media.Metadata;
using Archive.Media.Storage;
using Microsoft.EntityFrameworkCore;

namespace Archive.Media.Library;

/// Files an upload stored whose item was never written (its process died between the two): found by their absence from
/// every version of every item, history included, and deleted once old enough that no upload can still be on its way.
/// Only files in the folders uploads make (eight hexadecimal letters) are considered, with their private originals:
/// files put in the store by hand, the demo catalogue's folders and the archive's own folders are never touched.
public sealed partial class MediaOrphans(ArchiveDbContext db, IMediaStore store, TimeProvider clock)
{
    public static readonly TimeSpan MinimumAge = TimeSpan.FromDays(1);

    public async Task<int> SweepAsync(CancellationToken ct)
    {
        var named = new HashSet<string>(StringComparer.Ordinal);
        await foreach (var data in db.NodeVersions.AsNoTracking().Select(v => v.Data).AsAsyncEnumerable().WithCancellation(ct))
            named.UnionWith(NamedPaths(data));
        var cutoff = clock.GetUtcNow() - MinimumAge;
        var removed = 0;
        await foreach (var path in store.ListAsync("", ct))
        {
            var original = path.StartsWith(PublicCopy.PrivateFolder + "/", StringComparison.Ordinal) ? path[(PublicCopy.PrivateFolder.Length + 1)..] : path;
            if (!UploadFolder().IsMatch(original) || named.Contains(original))
                continue;
            if (await store.GetInfoAsync(path, ct) is { } blob && blob.LastModified < cutoff && await store.DeleteAsync(path, ct))
                removed++;
        }
        return removed;
    }

    /// The store paths an item's stored data names ("/media/ab12cd34/file.jpg" → "ab12cd34/file.jpg").
    public static IEnumerable<string> NamedPaths(string data) => MediaUrl().Matches(data).Select(m => m.Groups[1].Value);

    // Stops at what ends a URL in stored JSON, an escaped quote (a cropper's value is JSON inside a string) included.
    [GeneratedRegex("/media/([^\"'\\\\\\s?#)<]+)")]
    private static partial Regex MediaUrl();

    [GeneratedRegex("^[0-9a-f]{8}/[^/]+$")]
    private static partial Regex UploadFolder();
}
