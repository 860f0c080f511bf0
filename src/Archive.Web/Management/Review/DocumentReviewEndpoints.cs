using System.Security.Claims;
using Archive.Data;
using Archive.Data.Content;
using Archive.Data.Schema;
using Archive.Engine.Schema;
using Archive.Identity;
using Microsoft.EntityFrameworkCore;

namespace Archive.Web.Management.Review;

public sealed record ReviewRequestModel(IReadOnlyList<string>? Cultures, string? Comment);

/// Archive's review workflow: the item's state, each step (who, when, which cultures, the comment), and what
/// the caller may do next, so the back office offers exactly the buttons the server will accept.
public sealed record DocumentReviewResponseModel(string State, IReadOnlyList<DocumentReviewStepModel> History, bool CanSubmit, bool CanReview);

public sealed record DocumentReviewStepModel(string Action, ReferenceByIdModel User, string Actor, DateTimeOffset Timestamp, IReadOnlyList<string> Cultures, string? Comment);

/// One record in a review queue, with the step that put it there.
public sealed record ReviewQueueItemResponseModel(Guid Id, DocumentTypeReferenceResponseModel DocumentType, IReadOnlyList<DocumentVariantItemResponseModel> Variants,
    DocumentReviewStepModel Step);

/// The review workflow, Archive's own routes beside Umbraco's: a record's review (`document/{id}/review`), its
/// steps (submit, approve, return), and the queues (`document/review?state=Submitted|Returned`) within the
/// caller's reach — the curators' "Awaiting review" dashboard, the contributors' returned work.
public static class DocumentReviewEndpoints
{
    public static void MapDocumentReview(this RouteGroupBuilder api)
    {
        api.MapGet("document/review", Queue).WithName("GetDocumentReview").WithTags("Document Review");
        var review = api.MapGroup("document/{id:guid}/review").WithTags("Document Review");
        review.MapGet("", Status).WithName("GetDocumentByIdReview");
        review.MapPost("submit", Submit).WithName("PostDocumentByIdReviewSubmit").RequireAuthorization(ManagementPolicies.Writer);
        review.MapPost("approve", Approve).WithName("PostDocumentByIdReviewApprove").RequireAuthorization(ManagementPolicies.Reviewer);
        review.MapPost("return", Return).WithName("PostDocumentByIdReviewReturn").RequireAuthorization(ManagementPolicies.Reviewer);
    }

    private static string ActionName(string action) =>
        action switch { ContentService.ReviewSubmit => "Submitted", ContentService.ReviewApprove => "Approved", _ => "Returned" };

    private static DocumentReviewStepModel StepModel(ReviewStep s) => new(ActionName(s.Action), new ReferenceByIdModel(AuditLogEndpoints.UserIdOf(s.Actor)),
        Caller.NameIn(s.Actor), DateTime.SpecifyKind(s.Timestamp, DateTimeKind.Utc), s.Cultures?.Split(',') ?? [], s.Comment);

    private static async Task<IResult> Status(Guid id, ClaimsPrincipal principal, ArchiveDbContext db, ContentService content, CancellationToken ct)
    {
        var caller = Caller.From(principal);
        var (item, refusal) = await DocumentWorkflowEndpoints.ReachAsync(db, id, caller, ct);
        if (refusal is not null)
            return refusal;
        var status = (await content.ReviewStatusAsync(id, ct))!;
        var live = !item!.Node.Trashed;
        var waiting = status.State == ReviewState.Submitted;
        return Results.Ok(new DocumentReviewResponseModel(status.State.ToString(), status.History.Select(StepModel).ToList(),
            CanSubmit: live && !waiting && Roles.CanWrite(caller.Role), CanReview: live && waiting && Roles.CanReview(caller.Role)));
    }

    private static async Task<IResult> Queue(ClaimsPrincipal principal, ArchiveDbContext db, ContentService content, SchemaStore schemas, CancellationToken ct,
        string? state = null, int skip = 0, int take = 100)
    {
        if (Paging.Check(skip, take) is { } refused)
            return refused;
        var wanted = ReviewState.Submitted;
        if (state is not null && (!Enum.TryParse(state, ignoreCase: true, out wanted) || wanted is ReviewState.None))
            return ManagementRequests.Invalid("state", "state must be Submitted, Returned or Approved.");
        var caller = Caller.From(principal);
        var entries = await content.ReviewQueueAsync(wanted, ct);
        var keys = entries.Select(e => e.Key).ToList();
        var nodes = await db.Nodes.AsNoTracking().Where(n => keys.Contains(n.Key)).ToDictionaryAsync(n => n.Key, ct);
        entries = await caller.WithinReachAsync(db, entries, e => nodes[e.Key].Path, ct);
        var page = entries.Skip(skip).Take(take).ToList();
        var ids = page.Select(e => nodes[e.Key].Id).ToList();
        var cultures = (await db.NodeCultures.AsNoTracking().Where(c => ids.Contains(c.NodeId)).ToListAsync(ct)).ToLookup(c => c.NodeId);
        var schema = await schemas.GetAsync(db, ct);
        return Results.Ok(new PagedResponse<ReviewQueueItemResponseModel>(entries.Count, page.Select(e =>
        {
            var node = nodes[e.Key];
            var type = schema.FindType(node.ContentTypeAlias, ContentTypeKind.Document);
            return new ReviewQueueItemResponseModel(e.Key, new DocumentTypeReferenceResponseModel(type?.Key ?? Guid.Empty, type?.Icon ?? "", null),
                cultures[node.Id].OrderBy(c => c.Culture).Select(c => new DocumentVariantItemResponseModel(c.Name, c.Culture.Length == 0 ? null : c.Culture, VariantState.Of(c))).ToList(),
                StepModel(e.Step));
        }).ToList()));
    }

    private static async Task<IResult> Step(Guid id, HttpContext context, ClaimsPrincipal principal, ArchiveDbContext db,
        Func<Caller, ReviewRequestModel, Task<OperationResult>> step, CancellationToken ct)
    {
        var (body, caller, _, refusal) = await DocumentWorkflowEndpoints.PrepareAsync<ReviewRequestModel>(context, principal, db, id, ct);
        return refusal ?? DocumentWorkflowEndpoints.Done(await step(caller, body!), context);
    }

    private static Task<IResult> Submit(Guid id, HttpContext context, ClaimsPrincipal principal, ArchiveDbContext db, ContentService content, CancellationToken ct) =>
        Step(id, context, principal, db, (caller, body) => content.SubmitForReviewAsync(id, body.Cultures is { Count: > 0 } c ? c : null, body.Comment, caller.Actor, ct), ct);

    private static Task<IResult> Approve(Guid id, HttpContext context, ClaimsPrincipal principal, ArchiveDbContext db, ContentService content, CancellationToken ct) =>
        Step(id, context, principal, db, (caller, body) => content.ApproveAsync(id, body.Comment, caller.Actor, ct), ct);

    private static Task<IResult> Return(Guid id, HttpContext context, ClaimsPrincipal principal, ArchiveDbContext db, ContentService content, CancellationToken ct) =>
        Step(id, context, principal, db, (caller, body) => content.ReturnAsync(id, body.Comment ?? "", caller.Actor, ct), ct);
}
