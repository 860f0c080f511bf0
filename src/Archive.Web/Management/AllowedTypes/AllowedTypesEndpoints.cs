using Archive.Data;
using Archive.Data.Schema;
using Archive.Engine.Schema;
using Archive.Media.Uploads;
using Microsoft.EntityFrameworkCore;

namespace Archive.Web.Management.AllowedTypes;

/// Which types may be created where, as Umbraco's create dialogs and upload zones ask: at the root, beneath an
/// item of a type (the schema's allowed children), and for an uploaded file's extension (the type the media
/// library will give the file, which it decides from the bytes).
public static class AllowedTypesEndpoints
{
    public sealed record AllowedContentTypeModel(Guid Id, string Name, string? Description, string? Icon);

    public sealed record MediaTypeItemResponseModel(Guid Id, IReadOnlyList<FlagModel> Flags, string Name, string? Icon);

    public static void MapAllowedTypes(this RouteGroupBuilder api)
    {
        foreach (var (kind, noun, tag) in new[] { (ContentTypeKind.Document, "document-type", "Document Type"), (ContentTypeKind.Media, "media-type", "Media Type") })
        {
            var name = kind == ContentTypeKind.Document ? "DocumentType" : "MediaType";
            api.MapGet($"{noun}/allowed-at-root", async (ArchiveDbContext db, SchemaStore s, CancellationToken ct, int skip = 0, int take = 100) =>
                Paging.Check(skip, take) ?? Page((await s.GetAsync(db, ct)).ContentTypes.Where(t => t.Kind == kind && t.AllowAtRoot && !t.IsElement), skip, take))
                .WithName($"Get{name}AllowedAtRoot").WithTags(tag);
            api.MapGet($"{noun}/{{id:guid}}/allowed-children", async (Guid id, ArchiveDbContext db, SchemaStore s, CancellationToken ct, int skip = 0, int take = 100) =>
            {
                if (Paging.Check(skip, take) is { } refused)
                    return refused;
                var schema = await s.GetAsync(db, ct);
                if (schema.FindType(id) is not { } parent || parent.Kind != kind)
                    return ManagementRequests.Problem(404, "Not found", $"No {noun} with id {id}.");
                return Page(schema.ContentTypes.Where(t => t.Kind == kind && schema.IsAllowedChild(parent, t)), skip, take);
            }).WithName($"Get{name}ByIdAllowedChildren").WithTags(tag);
        }
        api.MapGet("item/media-type/allowed", async (ArchiveDbContext db, SchemaStore s, CancellationToken ct, string? fileExtension = null, int skip = 0, int take = 100) =>
        {
            if (Paging.Check(skip, take) is { } refused)
                return refused;
            // One answer, not a choice: the library files a .jpg as an Image whatever the curator picks.
            var schema = await s.GetAsync(db, ct);
            var types = FileSignature.OfExtension(fileExtension) is { } kind && schema.FindType(kind.MediaType, ContentTypeKind.Media) is { } type ? [type] : new List<ContentType>();
            return Results.Ok(new PagedResponse<MediaTypeItemResponseModel>(types.Count,
                types.Skip(skip).Take(take).Select(t => new MediaTypeItemResponseModel(t.Key, [], t.Name, t.Icon)).ToList()));
        }).WithName("GetItemMediaTypeAllowed").WithTags("Media Type");
    }

    private static IResult Page(IEnumerable<ContentType> types, int skip, int take)
    {
        var all = types.OrderBy(t => t.Name, StringComparer.CurrentCulture).ToList();
        return Results.Ok(new PagedResponse<AllowedContentTypeModel>(all.Count,
            all.Skip(skip).Take(take).Select(t => new AllowedContentTypeModel(t.Key, t.Name, t.Description, t.Icon)).ToList()));
    }
}
