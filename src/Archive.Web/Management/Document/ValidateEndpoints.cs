using System.Security.Claims;
using Archive.Data;
using Archive.Data.Content;
using Archive.Data.Schema;
using Archive.Engine.Schema;
using Microsoft.EntityFrameworkCore;

namespace Archive.Web.Management.Document;

/// Umbraco's validate operations: the back office asks before it saves or publishes, and shows what is wrong
/// on each field in its culture; nothing is stored. POST /document/validate for a new document, and
/// PUT /document/{id}/validate (v1, and v1.1 with the cultures about to be published) for an existing one.
public static class ValidateEndpoints
{
    public sealed record ValidateUpdateDocumentRequestModel(IReadOnlyList<DocumentValueModel>? Values, IReadOnlyList<DocumentVariantRequestModel>? Variants,
        ReferenceByIdModel? Template, IReadOnlyList<string>? Cultures);

    public static void MapDocumentValidation(this RouteGroupBuilder api, IEndpointRouteBuilder app)
    {
        api.MapPost("document/validate", ValidateCreate).WithName("PostDocumentValidate").WithTags("Document").RequireAuthorization(ManagementPolicies.Writer);
        api.MapPut("document/{id:guid}/validate", ValidateUpdate).WithName("PutDocumentByIdValidate").WithTags("Document").RequireAuthorization(ManagementPolicies.Writer);
        // Umbraco 17 moved the update validation to v1.1; its back office calls it there.
        app.MapPut("/umbraco/management/api/v1.1/document/{id:guid}/validate", ValidateUpdate).RequireAuthorization(ManagementPolicies.Signed, ManagementPolicies.Writer)
            .WithName("PutDocumentByIdValidate1.1").WithTags("Document").WithGroupName(ManagementOpenApi.DocumentName).DescribeContracts();
    }

    private static async Task<IResult> ValidateCreate(HttpContext context, ClaimsPrincipal principal, ArchiveDbContext db, ContentService content, SchemaStore schemas, CancellationToken ct)
    {
        var (body, problem) = await ManagementRequests.ReadAsync<CreateDocumentRequestModel>(context);
        if (problem is not null)
            return problem;
        var (type, _, refused) = await DocumentEndpoints.PlaceNewAsync(body!, Caller.From(principal), db, await schemas.GetAsync(db, ct), ct);
        if (refused is not null)
            return refused;
        // Umbraco's answer for a new document includes the mandatory values of the cultures it is named in (its
        // back office saves a draft regardless, and publishes only when none is missing).
        var result = await content.ValidateAsync(null, body!.Parent?.Id, type.Alias, DocumentEndpoints.EditOf(body.Variants, body.Values), [], ct: ct);
        return result.Succeeded ? Results.Ok() : ValidationPaths.Problem(result, body.Values);
    }

    private static async Task<IResult> ValidateUpdate(Guid id, HttpContext context, ClaimsPrincipal principal, ArchiveDbContext db, ContentService content, CancellationToken ct)
    {
        var (body, problem) = await ManagementRequests.ReadAsync<ValidateUpdateDocumentRequestModel>(context);
        if (problem is not null)
            return problem;
        var caller = Caller.From(principal);
        if (DocumentEndpoints.Refuse(await DocumentEndpoints.LoadReachAsync(db, id, caller, ct), id, caller) is { } refused)
            return refused;
        // The cultures about to be published must be complete (mandatory values); saving alone needs less.
        var result = await content.ValidateAsync(id, null, null, DocumentEndpoints.EditOf(body!.Variants, body.Values), body.Cultures, ct: ct);
        return result.Succeeded ? Results.Ok() : ValidationPaths.Problem(result, body.Values);
    }
}
