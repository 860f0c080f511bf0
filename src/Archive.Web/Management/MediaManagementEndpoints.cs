using System.Security.Claims;
using System.Text.Json;
using System.Text.Json.Nodes;
using Archive.Data;
using Archive.Data.Content;
using Archive.Data.Schema;
using Archive.Engine.Content;
using Archive.Engine.Schema;
using Archive.Identity;
using Archive.Media.Uploads;
using Archive.Web.Hosting;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace Archive.Web.Management;

public sealed record CreateMediaRequestModel(ReferenceByIdModel? Parent, ReferenceByIdModel MediaType, Guid? Id,
    IReadOnlyList<DocumentValueModel>? Values, IReadOnlyList<DocumentVariantRequestModel>? Variants);

/// Media uploads in Umbraco's two steps: POST /temporary-file (multipart: Id and File, streamed),
/// then POST /media whose umbracoFile value names the temporaryFileId. The media library decides
/// the type from the bytes, finds duplicates and refuses bombs.
public static class MediaManagementEndpoints
{
    public static void MapMediaManagement(this RouteGroupBuilder api)
    {
        var temporary = api.MapGroup("temporary-file").WithTags("Temporary File");
        temporary.MapPost("", Upload).WithName("PostTemporaryFile").RequireAuthorization(ManagementPolicies.Writer).DisableAntiforgery();
        temporary.MapGet("{id:guid}", GetTemporary).WithName("GetTemporaryFileById").RequireAuthorization(ManagementPolicies.Writer);
        temporary.MapDelete("{id:guid}", DeleteTemporary).WithName("DeleteTemporaryFileById").RequireAuthorization(ManagementPolicies.Writer);
        temporary.MapGet("configuration", Configuration).WithName("GetTemporaryFileConfiguration");
        api.MapPost("media", CreateMedia).WithName("PostMedia").WithTags("Media").RequireAuthorization(ManagementPolicies.Writer);
        api.MapGet("media/{id:guid}", GetMedia).WithName("GetMediaById").WithTags("Media");
        api.MapPut("media/{id:guid}", UpdateMedia).WithName("PutMediaById").WithTags("Media").RequireAuthorization(ManagementPolicies.Writer);
        api.MapPut("media/{id:guid}/move", MoveMedia).WithName("PutMediaByIdMove").WithTags("Media").RequireAuthorization(ManagementPolicies.Writer);
        api.MapPut("recycle-bin/media/{id:guid}/restore", RestoreMedia).WithName("PutRecycleBinMediaByIdRestore").WithTags("Media").RequireAuthorization(ManagementPolicies.Publisher);
        api.MapPut("media/{id:guid}/move-to-recycle-bin", TrashMedia).WithName("PutMediaByIdMoveToRecycleBin").WithTags("Media").RequireAuthorization(ManagementPolicies.Publisher);
    }

    /// What the back office checks before sending a file: the kinds the library accepts, as it decides them.
    private static IResult Configuration(IOptions<ArchiveOptions> options) => Results.Ok(new TemporaryFileConfigurationResponseModel(
        FileSignature.Extensions.Where(e => FileSignature.OfExtension(e)!.IsImage).ToList(), [], FileSignature.Extensions.ToList(),
        options.Value.Media.MaxUploadBytes / 1024));

    /// Streams the multipart body: the File part goes straight to disk, never whole into memory.
    private static async Task<IResult> Upload(HttpContext context, ClaimsPrincipal principal, TemporaryFiles files, IOptions<ArchiveOptions> options, CancellationToken ct)
    {
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
            limit.MaxRequestBodySize = options.Value.Media.MaxUploadBytes + 1_000_000;
        if (!MediaTypeHeaderValue.TryParse(context.Request.ContentType, out var type) || !type.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase)
            || HeaderUtilities.RemoveQuotes(type.Boundary).Value is not { Length: > 0 } boundary)
            return ManagementRequests.Problem(415, "Unsupported media type", "Send multipart/form-data with the fields Id and File.");
        var caller = Caller.From(principal);
        var reader = new MultipartReader(boundary, context.Request.Body);
        Guid? id = null;
        TemporaryFile? saved = null;
        try
        {
            while (await reader.ReadNextSectionAsync(ct) is { } section)
            {
                if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition))
                    continue;
                var name = HeaderUtilities.RemoveQuotes(disposition.Name).Value;
                if (string.Equals(name, "Id", StringComparison.OrdinalIgnoreCase))
                {
                    // A GUID is short: a longer field is refused without reading it whole.
                    var buffer = new char[80];
                    using var text = new StreamReader(section.Body);
                    var read = await text.ReadBlockAsync(buffer, ct);
                    if (read == buffer.Length || !Guid.TryParse(buffer.AsSpan(0, read).Trim(), out var parsed))
                        return ManagementRequests.Invalid("Id", "Id must be a GUID.");
                    id = parsed;
                }
                else if (string.Equals(name, "File", StringComparison.OrdinalIgnoreCase) && disposition.IsFileDisposition())
                {
                    if (id is null)
                        return ManagementRequests.Invalid("Id", "Send the Id field before the File.");
                    if (await files.ExistsAsync(id.Value, ct))
                        return ManagementRequests.Invalid("Id", "A temporary file with this Id exists already.");
                    var fileName = HeaderUtilities.RemoveQuotes(disposition.FileNameStar.HasValue ? disposition.FileNameStar : disposition.FileName).Value ?? "file";
                    saved = await files.SaveAsync(id.Value, fileName, section.Body, caller.Id, ct);
                }
            }
        }
        catch (InvalidDataException ex)
        {
            return TooLarge(options.Value.Media.MaxUploadBytes, ex.Message);
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == 413)
        {
            return TooLarge(options.Value.Media.MaxUploadBytes, ex.Message);
        }
        if (saved is null)
            return ManagementRequests.Invalid(id is null ? "Id" : "File", "Both Id and File are required.");
        return ManagementRequests.Created(context, "temporary-file", saved.Id.ToString());
    }

    /// The back office reads the limit from the title ("… N bytes") to tell the person what it is.
    private static IResult TooLarge(long limit, string detail) =>
        ManagementRequests.Problem(413, $"File too large: the limit is {limit} bytes", detail, new Dictionary<string, object?> { ["parameter"] = "File" });

    private static async Task<IResult> GetTemporary(Guid id, ClaimsPrincipal principal, TemporaryFiles files, CancellationToken ct) =>
        await files.FindAsync(id, Caller.From(principal).Id, ct) is { } file
            ? Results.Ok(new TemporaryFileResponseModel(file.Id, file.AvailableUntil, file.FileName))
            : ManagementRequests.Problem(404, "Not found", $"No temporary file with id {id}.");

    private static async Task<IResult> DeleteTemporary(Guid id, ClaimsPrincipal principal, TemporaryFiles files, CancellationToken ct)
    {
        if (await files.FindAsync(id, Caller.From(principal).Id, ct) is null)
            return ManagementRequests.Problem(404, "Not found", $"No temporary file with id {id}.");
        await files.DeleteAsync(id, ct);
        return Results.Ok();
    }

    /// Where a new media item would go, checked as creating and validating it both need: its type, and a folder
    /// that exists (editors and contributors add media inside the folders granted to them, never elsewhere).
    internal static async Task<(ContentType Type, IResult? Problem)> PlaceNewAsync(CreateMediaRequestModel body, Caller caller, ArchiveDbContext db,
        SchemaSnapshot schema, CancellationToken ct)
    {
        if (body.MediaType is null || schema.FindType(body.MediaType.Id) is not { Kind: ContentTypeKind.Media } type)
            return (null!, ManagementRequests.Invalid("$.mediaType.id", "A media type id is required."));
        if (body.Parent is { } parent && !await db.Nodes.AnyAsync(n => n.Key == parent.Id && n.IsMedia && !n.Trashed, ct))
            return (null!, ManagementRequests.Invalid("$.parent.id", $"No media folder with id {parent.Id}."));
        if (caller.IsScoped && (body.Parent is not { } folder || !await ReachesAsync(db, caller, folder.Id, ct)))
            return (null!, OutsideGrants());
        return (type, null);
    }

    private static async Task<IResult> CreateMedia(HttpContext context, ClaimsPrincipal principal, ArchiveDbContext db, SchemaStore schemas, ContentService content,
        MediaUploads uploads, TemporaryFiles files, IOptions<ArchiveOptions> options, CancellationToken ct)
    {
        var caller = Caller.From(principal);
        var (body, problem) = await ManagementRequests.ReadAsync<CreateMediaRequestModel>(context);
        if (problem is not null)
            return problem;
        var schema = await schemas.GetAsync(db, ct);
        var (type, refused) = await PlaceNewAsync(body!, caller, db, schema, ct);
        if (refused is not null)
            return refused;
        var values = body!.Values ?? [];
        var fileIndex = values.Select((v, i) => (v, i)).FirstOrDefault(x => x.v.Alias == "umbracoFile");
        Guid? temporaryId = fileIndex.v?.Value is { ValueKind: JsonValueKind.Object } file && file.TryGetProperty("temporaryFileId", out var tid) && tid.TryGetGuid(out var g) ? g : null;

        if (temporaryId is null)
        {
            // A folder (or a media item without a file) is made as any other item.
            var edit = Edit(body, values, type, schema);
            var made = await content.CreateAsync(body.Parent?.Id, type.Alias, edit, caller.Actor, body.Id, isMedia: true, ct: ct);
            return made.Succeeded ? Created(context, made.Key!.Value) : ManagementRequests.From(made);
        }
        if (await files.FindAsync(temporaryId.Value, caller.Id, ct) is not { } temporary)
            return ManagementRequests.Invalid($"$.values[{fileIndex.i}].value.temporaryFileId", "No temporary file of yours with this id (they last an hour).");

        UploadResult result;
        await using (var stream = File.OpenRead(temporary.Path))
            result = await uploads.UploadAsync(stream, temporary.FileName, body.Parent?.Id, caller.Actor, options.Value.Media.MaxUploadBytes, ct,
                Edit(body, values.Where(v => v.Alias != "umbracoFile").ToList(), type, schema));
        switch (result.Status)
        {
            case UploadStatus.Refused:
                await files.DeleteAsync(temporary.Id, ct);
                // The back office shows a problem's title alone: it says what was wrong with which file.
                return ManagementRequests.Problem(result.Problem is UploadProblem.TooLarge ? 413 : 422, $"{temporary.FileName} was refused: {result.Detail ?? result.Problem.ToString()}",
                    result.Detail ?? result.Problem.ToString(),
                    new Dictionary<string, object?> { ["parameter"] = $"$.values[{fileIndex.i}].value", ["reason"] = result.Problem.ToString() });
            case UploadStatus.Duplicate:
                await files.DeleteAsync(temporary.Id, ct);
                return ManagementRequests.Problem(409, "Already in the media library", result.Detail ?? "", new Dictionary<string, object?> { ["existing"] = result.Key });
            case UploadStatus.Unavailable:
                context.Response.Headers.RetryAfter = "30";
                return ManagementRequests.Problem(503, "Media storage unavailable", result.Detail ?? "");
            case UploadStatus.Failed:
                return ManagementRequests.Problem(400, "Upload failed", result.Detail ?? "");
        }
        await files.DeleteAsync(temporary.Id, ct);
        return Created(context, result.Key!.Value);
    }

    /// A media item's values as the API shows them; sensitive properties only to roles that see private fields.
    internal static List<DocumentValueResponseModel> ValuesOf(ContentData draft, ContentType? type, SchemaSnapshot schema, bool seesPrivate)
    {
        var properties = type is null ? [] : schema.PropertiesOf(type).Where(p => seesPrivate || !p.IsSensitive).ToDictionary(p => p.Alias);
        return draft.Values.Where(v => properties.ContainsKey(v.Key)).SelectMany(v => v.Value.Select(c => new DocumentValueResponseModel(
            c.Key.Length == 0 ? null : c.Key, null, v.Key, DocumentEndpoints.ToApi(c.Value, properties[v.Key].EditorAlias), properties[v.Key].EditorAlias))).ToList();
    }

    internal static IResult NotFound(Guid id) => ManagementRequests.Problem(404, "Not found", $"No media item with id {id}.");

    /// Umbraco's MediaResponseModel: the media type, values, variants, the file's URL.
    private static async Task<IResult> GetMedia(Guid id, HttpContext context, ClaimsPrincipal principal, ArchiveDbContext db, SchemaStore schemas, CancellationToken ct)
    {
        if (await DocumentEndpoints.LoadAsync(db, id, ct, media: true) is not { } item)
            return NotFound(id);
        var schema = await schemas.GetAsync(db, ct);
        var type = schema.FindType(item.Node.ContentTypeAlias, ContentTypeKind.Media);
        var values = ValuesOf(item.Draft, type, schema, Roles.SeesPrivateFields(Caller.From(principal).Role));
        context.Response.Headers.ETag = DocumentEndpoints.ETagOf(item.Node.Revision);
        var variants = item.Cultures.OrderBy(c => c.Culture).Select(c => new MediaVariantResponseModel(c.Culture.Length == 0 ? null : c.Culture, null, c.Name,
            DateTime.SpecifyKind(item.Node.CreateDate, DateTimeKind.Utc), DateTime.SpecifyKind(item.Node.UpdateDate, DateTimeKind.Utc))).ToList();
        return Results.Ok(new MediaResponseModel(values, variants, item.Node.Key, [], item.Node.Trashed,
            new MediaTypeReferenceResponseModel(type?.Key ?? Guid.Empty, type?.Icon ?? "icon-picture", null)));
    }

    private static async Task<IResult> UpdateMedia(Guid id, HttpContext context, ClaimsPrincipal principal, ArchiveDbContext db, ContentService content, CancellationToken ct)
    {
        var (valid, revision) = DocumentEndpoints.IfMatch(context);
        if (!valid)
            return ManagementRequests.Invalid("If-Match", "If-Match must be an ETag this API gave out.");
        var (body, problem) = await ManagementRequests.ReadAsync<UpdateMediaRequestModel>(context);
        if (problem is not null)
            return problem;
        if (!await db.Nodes.AnyAsync(n => n.Key == id && n.IsMedia, ct))
            return NotFound(id);
        if (!await ReachesAsync(db, Caller.From(principal), id, ct))
            return OutsideGrants();
        var result = await content.SaveAsync(id, DocumentEndpoints.EditOf(body!.Variants, body.Values), Caller.From(principal).Actor, revision, ct);
        if (!result.Succeeded)
            return ManagementRequests.From(result);
        context.Response.Headers.ETag = DocumentEndpoints.ETagOf(result.Revision ?? 0);
        return Results.Ok();
    }

    private static async Task<IResult> TrashMedia(Guid id, ClaimsPrincipal principal, ArchiveDbContext db, ContentService content, CancellationToken ct)
    {
        if (!await db.Nodes.AnyAsync(n => n.Key == id && n.IsMedia, ct))
            return NotFound(id);
        // An editor trashes the media of the folders granted to them, not others'.
        if (!await ReachesAsync(db, Caller.From(principal), id, ct))
            return OutsideGrants();
        var result = await content.TrashAsync(id, Caller.From(principal).Actor, ct);
        return result.Succeeded ? Results.Ok() : ManagementRequests.From(result);
    }

    /// Moving into a folder (or to the root with no target); restoring likewise, to the original place by default.
    private static async Task<IResult> Relocate(Guid id, HttpContext context, ArchiveDbContext db, Func<Guid?, Task<OperationResult>> operation, CancellationToken ct)
    {
        var caller = Caller.From(context.User);
        var (body, problem) = await ManagementRequests.ReadAsync<MoveMediaRequestModel>(context);
        if (problem is not null)
            return problem;
        if (!await db.Nodes.AnyAsync(n => n.Key == id && n.IsMedia, ct))
            return NotFound(id);
        if (body!.Target is { } target && !await db.Nodes.AnyAsync(n => n.Key == target.Id && n.IsMedia && !n.Trashed, ct))
            return ManagementRequests.Invalid("$.target.id", $"No media folder with id {target.Id}.");
        if (!await ReachesAsync(db, caller, id, ct) || (caller.IsScoped && (body.Target is not { } into || !await ReachesAsync(db, caller, into.Id, ct))))
            return OutsideGrants();
        var result = await operation(body.Target?.Id);
        return result.Succeeded ? Results.Ok() : ManagementRequests.From(result);
    }

    private static Task<IResult> MoveMedia(Guid id, HttpContext context, ClaimsPrincipal principal, ArchiveDbContext db, ContentService content, CancellationToken ct) =>
        Relocate(id, context, db, target => content.MoveAsync(id, target, Caller.From(principal).Actor, ct), ct);

    private static Task<IResult> RestoreMedia(Guid id, HttpContext context, ClaimsPrincipal principal, ArchiveDbContext db, ContentService content, CancellationToken ct) =>
        Relocate(id, context, db, target => content.RestoreAsync(id, target, Caller.From(principal).Actor, ct), ct);

    /// Whether a media item (or folder) lies within the caller's grants: everything for unscoped roles.
    internal static async Task<bool> ReachesAsync(ArchiveDbContext db, Caller caller, Guid key, CancellationToken ct)
    {
        if (!caller.IsScoped)
            return true;
        var path = await db.Nodes.AsNoTracking().Where(n => n.Key == key && n.IsMedia).Select(n => n.Path).SingleOrDefaultAsync(ct);
        return path is not null && caller.Reaches(await Caller.PathKeysAsync(db, path, ct));
    }

    internal static IResult OutsideGrants() =>
        ManagementRequests.Problem(403, "Outside your media folders", "Editors and contributors change media only within the media folders granted to them.");

    /// A file dropped in the back office arrives named without a culture (Umbraco's own media types do not vary);
    /// an item of a type that varies by culture takes that name in the default language.
    internal static ContentEdit Edit(CreateMediaRequestModel body, IReadOnlyList<DocumentValueModel> values, ContentType type, SchemaSnapshot schema)
    {
        var variants = body.Variants ?? [];
        if (type.VariesByCulture && variants.Count > 0 && variants.All(v => v.Culture is null) && schema.Cultures.Default is { } language)
            variants = variants.Select(v => v with { Culture = language.IsoCode }).ToList();
        return DocumentEndpoints.EditOf(variants, values);
    }

    private static IResult Created(HttpContext context, Guid key) => ManagementRequests.Created(context, "media", key.ToString());
}
