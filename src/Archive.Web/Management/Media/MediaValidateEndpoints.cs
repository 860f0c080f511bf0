using System.Security.Claims;
using Archive.Data;
using Archive.Data.Content;
using Archive.Data.Schema;
using Archive.Engine.Content;
using Archive.Engine.Schema;
using Archive.Web.Management.Document;
using Microsoft.EntityFrameworkCore;

namespace Archive.Web.Management.Media;

/// Umbraco's media validate operations: the media workspace asks before it saves, and shows what is wrong on
/// each field in its culture; nothing is stored. POST /media/validate for a new item, PUT /media/{id}/validate
/// for an existing one, with the same rules as the save itself (the file stays the file).
public static class MediaValidateEndpoints
{
    public static void MapMediaValidation(this RouteGroupBuilder api)
    {
        api.MapPost("media/validate", ValidateCreate).WithName("PostMediaValidate").WithTags("Media").RequireAuthorization(ManagementPolicies.Writer);
        api.MapPut("media/{id:guid}/validate", ValidateUpdate).WithName("PutMediaByIdValidate").WithTags("Media").RequireAuthorization(ManagementPolicies.Writer);
    }

    private static async Task<IResult> ValidateCreate(HttpContext context, ClaimsPrincipal principal, ArchiveDbContext db, ContentService content, SchemaStore schemas, CancellationToken ct)
    {
        var (body, problem) = await ManagementRequests.ReadAsync<CreateMediaRequestModel>(context);
        if (problem is not null)
            return problem;
        var schema = await schemas.GetAsync(db, ct);
        var (type, refused) = await MediaManagementEndpoints.PlaceNewAsync(body!, Caller.From(principal), db, schema, ct);
        if (refused is not null)
            return refused;
        // The file itself is checked when it is uploaded; here only what the curator typed.
        var values = (body!.Values ?? []).Where(v => !string.Equals(v.Alias, ContentRules.MediaFileAlias, StringComparison.OrdinalIgnoreCase)).ToList();
        var result = await content.ValidateAsync(null, body.Parent?.Id, type.Alias, MediaManagementEndpoints.Edit(body, values, type, schema), null, isMedia: true, ct: ct);
        return result.Succeeded ? Results.Ok() : ValidationPaths.Problem(result, body.Values);
    }

    private static async Task<IResult> ValidateUpdate(Guid id, HttpContext context, ClaimsPrincipal principal, ArchiveDbContext db, ContentService content, CancellationToken ct)
    {
        var (body, problem) = await ManagementRequests.ReadAsync<UpdateMediaRequestModel>(context);
        if (problem is not null)
            return problem;
        if (!await db.Nodes.AnyAsync(n => n.Key == id && n.IsMedia, ct))
            return MediaManagementEndpoints.NotFound(id);
        if (!await MediaManagementEndpoints.ReachesAsync(db, Caller.From(principal), id, ct))
            return MediaManagementEndpoints.OutsideGrants();
        var result = await content.ValidateAsync(id, null, null, DocumentEndpoints.EditOf(body!.Variants, body.Values), null, isMedia: true, ct: ct);
        return result.Succeeded ? Results.Ok() : ValidationPaths.Problem(result, body.Values);
    }
}
