using Archive.Data;
using Archive.Data.Content;
using Archive.Media.Iiif;
using Archive.Media.Imaging;
using Archive.Media.Metadata;
using Archive.Media.Storage;
using Microsoft.EntityFrameworkCore;

namespace Archive.Media.Library;

public sealed record ReferencingItem(Guid Key, string Name, bool IsMedia);

public sealed record DeletionResult(bool Deleted, bool NotFound = false, IReadOnlyList<ReferencingItem>? ReferencedBy = null, string? Detail = null);

/// Deletes a media item for good, safely: refused while any content (draft or published, not in the
/// recycle bin) still points at it by key or by file URL, as Umbraco does with
/// DisableDeleteWhenReferenced; when it goes, its file, private original, derivatives and tiles go too.
public sealed class MediaDeletion(ArchiveDbContext db, ContentService content, IMediaStore store, SourceHashes hashes, TilePyramids pyramids)
{
    public async Task<IReadOnlyList<ReferencingItem>> ReferencesAsync(Guid key, string? fileUrl, CancellationToken ct = default)
    {
        // The forms a reference takes in stored values: the key in a media picker, Umbraco's UDI, the file's URL in rich text.
        var patterns = new List<string> { key.ToString("D"), $"umb://media/{key:N}" };
        if (fileUrl is not null)
            patterns.Add(fileUrl);
        var referencing = new List<ReferencingItem>();
        foreach (var pattern in patterns)
        {
            var found = await db.VersionsMentioning(pattern).AsNoTracking().Where(v => (v.IsDraft || v.IsPublished) && !v.Node!.Trashed && v.Node.Key != key)
                .Select(v => new { v.Node!.Key, v.Node.IsMedia, v.Data }).Take(50).ToListAsync(ct);
            foreach (var item in found.Where(f => referencing.All(r => r.Key != f.Key)))
                referencing.Add(new ReferencingItem(item.Key, Archive.Engine.Content.ContentData.FromJson(item.Data).Names.Values.FirstOrDefault() ?? "", item.IsMedia));
        }
        return referencing;
    }

    public async Task<DeletionResult> DeleteAsync(Guid key, string actor, CancellationToken ct = default)
    {
        var node = await db.Nodes.AsNoTracking().FirstOrDefaultAsync(n => n.Key == key && n.IsMedia, ct);
        if (node is null)
            return new DeletionResult(false, NotFound: true);
        var draft = await db.NodeVersions.AsNoTracking().Where(v => v.NodeId == node.Id && v.IsDraft).Select(v => v.Data).FirstOrDefaultAsync(ct);
        var file = FileOf(draft);
        var references = await ReferencesAsync(key, file is null ? null : "/media/" + file, ct);
        if (references.Count > 0)
            return new DeletionResult(false, ReferencedBy: references, Detail: $"Still used by {references.Count} item(s); remove those references first.");

        if (!node.Trashed && await content.TrashAsync(key, actor, ct) is { Succeeded: false } trashed)
            return new DeletionResult(false, Detail: trashed.ToString());
        await db.UniqueValues.Where(u => u.NodeId == node.Id).ExecuteDeleteAsync(ct);
        if (await content.DeleteAsync(key, actor, ct) is { Succeeded: false } deleted)
            return new DeletionResult(false, Detail: deleted.ToString());
        if (file is not null && await store.GetInfoAsync(file, ct) is { } blob)
        {
            var hash = await hashes.GetAsync(blob, ct);
            await pyramids.DeleteAsync(hash, ct);
            var derivatives = new List<string>();
            await foreach (var path in store.ListAsync($"{Derivatives.CacheFolder}/{hash[..2]}/{hash[..24]}-", ct))
                derivatives.Add(path);
            foreach (var path in derivatives)
                await store.DeleteAsync(path, ct);
            await store.DeleteAsync($"{PublicCopy.PrivateFolder}/{file}", ct);
            await store.DeleteAsync(file, ct);
        }
        return new DeletionResult(true);
    }

    private static string? FileOf(string? data) =>
        data is null ? null : MediaPath.FromFileValue(Archive.Engine.Content.ContentData.FromJson(data).GetValue("umbracoFile"));
}
