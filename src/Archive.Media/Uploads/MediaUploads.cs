using System.Text.Json.Nodes;
using Archive.Data;
using Archive.Data.Content;
using Archive.Data.Entities;
using Archive.Data.Schema;
using Archive.Engine.Content;
using Archive.Engine.Schema;
using Archive.Media.Metadata;
using Archive.Media.Storage;
using Microsoft.EntityFrameworkCore;
using SixLabors.ImageSharp;

namespace Archive.Media.Uploads;

public enum UploadStatus
{
    Created,
    Duplicate,
    Refused,
    Failed,
    /// The media store could not be reached; nothing was recorded and the same upload can be retried.
    Unavailable,
}

public sealed record UploadResult(UploadStatus Status, Guid? Key = null, string? Url = null, UploadProblem Problem = UploadProblem.None, string? Detail = null);

/// Uploads a file into the media library: inspected first (nothing is stored for a refused file), then
/// written to the media store under a new folder, then made a Media item of the type its bytes call
/// for, with Umbraco's umbracoFile/Width/Height/Bytes/Extension values. The same bytes uploaded twice
/// are found by their SHA-256 (kept unique by the database) and not stored again.
public sealed class MediaUploads(ArchiveDbContext db, ContentService content, SchemaStore schemas, IMediaStore store)
{
    /// Where content hashes are kept (unique values, one scope for the whole media library).
    public const string HashAlias = "umbracoHash";

    /// Names and values given with the upload (alt text, caption, credit line…) are saved with the new
    /// item in the same step, so it never appears without them.
    public async Task<UploadResult> UploadAsync(Stream stream, string fileName, Guid? parentKey, string actor, long maxBytes, CancellationToken ct = default, ContentEdit? details = null)
    {
        await using var upload = await new UploadInspector(maxBytes).InspectAsync(stream, ct);
        if (upload.Problem != UploadProblem.None)
            return new UploadResult(UploadStatus.Refused, Problem: upload.Problem, Detail: upload.Detail);
        if (await ExistingAsync(upload.Sha256, ct) is { } existing)
            return new UploadResult(UploadStatus.Duplicate, existing, Detail: "The same file is in the media library already.");

        var kind = upload.Kind!;
        var schema = await schemas.GetAsync(db, ct);
        if (schema.FindType(kind.MediaType, ContentTypeKind.Media) is not { } type)
            return new UploadResult(UploadStatus.Failed, Detail: $"The media type '{kind.MediaType}' is not in the schema.");

        // The name a curator gave the file, with the extension its bytes have.
        var name = Path.GetFileNameWithoutExtension(Path.GetFileName(fileName.Replace('\\', '/')));
        var path = MediaPath.ForUpload((name.Length > 0 ? name : "file") + "." + kind.Extension);
        PublicCopy copy;
        try
        {
            copy = await PublicCopy.PrepareAsync(upload.Spool, kind.Extension, kind.IsImage, ct);
        }
        catch (Exception ex) when (ex is InvalidDataException or EndOfStreamException or ImageFormatException)
        {
            return new UploadResult(UploadStatus.Refused, Problem: UploadProblem.CorruptImage, Detail: $"The {kind.Extension} image's metadata cannot be cleaned of its location: {ex.Message}");
        }
        await using var _ = copy;
        try
        {
            await copy.StoreAsync(store, path, kind.ContentType, ct);
        }
        catch (MediaStoreUnavailableException ex)
        {
            return new UploadResult(UploadStatus.Unavailable, Detail: $"{ex.Message} Nothing was stored; try the upload again later.");
        }

        var edit = Edit(type, schema, name.Length > 0 ? name : kind.Extension, "/media/" + path, upload, copy.Facts);
        if (details is not null)
            edit = new ContentEdit
            {
                Names = details.Names.Count > 0 ? details.Names : edit.Names,
                Values = [.. edit.Values, .. details.Values.Where(v => edit.Values.All(e => e.Alias != v.Alias))],
                StoresFile = true,
            };
        // The item and its file's hash are one write (inside a caller's transaction, part of the caller's): a process
        // that dies half-way leaves no item without its hash. The file stored before it is swept if the item never comes.
        await using var tx = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        var created = await content.CreateAsync(parentKey, type.Alias, edit, actor, isMedia: true, ct: ct);
        if (!created.Succeeded)
        {
            await DeleteFilesAsync(path, ct);
            return new UploadResult(UploadStatus.Failed, Detail: created.ToString());
        }
        var node = await db.Nodes.SingleAsync(n => n.Key == created.Key, ct);
        db.UniqueValues.Add(new UniqueValueEntity { ScopeKey = Guid.Empty, Alias = HashAlias, Value = upload.Sha256, NodeId = node.Id });
        try
        {
            await db.SaveChangesAsync(ct);
            if (tx is not null)
                await tx.CommitAsync(ct);
        }
        catch (DbUpdateException)
        {
            // The same bytes arrived at the same moment: the other upload keeps them.
            db.ChangeTracker.Clear();
            if (tx is not null)
                await tx.RollbackAsync(CancellationToken.None);
            else
            {
                await content.TrashAsync(created.Key!.Value, actor, ct);
                await content.DeleteAsync(created.Key!.Value, actor, ct);
            }
            await DeleteFilesAsync(path, ct);
            return new UploadResult(UploadStatus.Duplicate, await ExistingAsync(upload.Sha256, ct), Detail: "The same file is in the media library already.");
        }
        return new UploadResult(UploadStatus.Created, created.Key, "/media/" + path);
    }

    private async Task DeleteFilesAsync(string path, CancellationToken ct)
    {
        await store.DeleteAsync(path, ct);
        await store.DeleteAsync($"{PublicCopy.PrivateFolder}/{path}", ct);
    }

    private async Task<Guid?> ExistingAsync(string hash, CancellationToken ct) =>
        await db.UniqueValues.AsNoTracking().Where(u => u.ScopeKey == Guid.Empty && u.Alias == HashAlias && u.Value == hash)
            .Join(db.Nodes.Where(n => !n.Trashed), u => u.NodeId, n => n.Id, (_, n) => (Guid?)n.Key).FirstOrDefaultAsync(ct);

    private static ContentEdit Edit(ContentType type, SchemaSnapshot schema, string name, string url, InspectedUpload upload, ImageFacts facts)
    {
        var properties = schema.PropertiesOf(type).ToDictionary(p => p.Alias);
        var values = new List<ValueEdit>();
        void Set(string alias, JsonNode? value)
        {
            if (properties.ContainsKey(alias) && value is not null)
                values.Add(new ValueEdit(alias, null, value));
        }
        Set("umbracoFile", properties.TryGetValue("umbracoFile", out var file) && file.EditorAlias == "Umbraco.ImageCropper"
            ? new JsonObject { ["src"] = url, ["crops"] = new JsonArray() }
            : JsonValue.Create(url));
        Set("umbracoBytes", JsonValue.Create(upload.Bytes.ToString()));
        Set("umbracoExtension", JsonValue.Create(upload.Kind!.Extension));
        if (upload.Width is { } width && upload.Height is { } height)
        {
            Set("umbracoWidth", JsonValue.Create(width.ToString()));
            Set("umbracoHeight", JsonValue.Create(height.ToString()));
        }
        foreach (var (alias, value) in facts.AsLabels())
            Set(alias, JsonValue.Create(value));
        // Variant media types get the name in the default language; curators add the others.
        var culture = type.VariesByCulture ? schema.Cultures.Default?.IsoCode ?? "" : ContentData.Invariant;
        return new ContentEdit { Names = new Dictionary<string, string> { [culture] = name }, Values = values, StoresFile = true };
    }
}
