using Archive.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace Archive.Data.Content;

public enum ReviewState
{
    None,
    Submitted,
    Approved,
    Returned,
}

public sealed record ReviewStep(string Action, string Actor, DateTime Timestamp, string? Cultures, string? Comment);

public sealed record ReviewStatus(ReviewState State, IReadOnlyList<ReviewStep> History);

/// A record whose latest review step is the one asked for (waiting for review, or returned), with that step.
public sealed record ReviewQueueEntry(Guid Key, ReviewStep Step);

/// The review workflow: a contributor's draft is submitted, a curator approves it (it is published)
/// or returns it with a comment. Each step is an audit entry; the state is the latest step.
public sealed partial class ContentService
{
    public const string ReviewSubmit = "ReviewSubmit";
    public const string ReviewApprove = "ReviewApprove";
    public const string ReviewReturn = "ReviewReturn";
    private static readonly string[] ReviewActions = [ReviewSubmit, ReviewApprove, ReviewReturn];

    public async Task<ReviewStatus?> ReviewStatusAsync(Guid key, CancellationToken ct = default)
    {
        if (!await db.Nodes.AnyAsync(n => n.Key == key, ct))
            return null;
        var steps = await db.Audit.AsNoTracking().Where(a => a.EntityKey == key && ReviewActions.Contains(a.Action)).OrderBy(a => a.Id)
            .Select(a => new ReviewStep(a.Action, a.Actor, a.Timestamp, a.Cultures, a.Comment)).ToListAsync(ct);
        var state = steps.LastOrDefault()?.Action switch
        {
            ReviewSubmit => ReviewState.Submitted,
            ReviewApprove => ReviewState.Approved,
            ReviewReturn => ReviewState.Returned,
            _ => ReviewState.None,
        };
        return new ReviewStatus(state, steps);
    }

    /// The records (not in the recycle bin) whose latest review step is `state`, oldest step first: the
    /// curators' queue when Submitted, the contributors' list of work to redo when Returned.
    public async Task<IReadOnlyList<ReviewQueueEntry>> ReviewQueueAsync(ReviewState state, CancellationToken ct = default)
    {
        var action = state switch
        {
            ReviewState.Submitted => ReviewSubmit,
            ReviewState.Approved => ReviewApprove,
            ReviewState.Returned => ReviewReturn,
            _ => throw new ArgumentOutOfRangeException(nameof(state), "Records without review steps are not a queue."),
        };
        var latest = db.Audit.Where(a => a.EntityKey != null && ReviewActions.Contains(a.Action)).GroupBy(a => a.EntityKey).Select(g => g.Max(a => a.Id));
        var live = db.Nodes.Where(n => !n.IsMedia && !n.Trashed).Select(n => (Guid?)n.Key);
        return await db.Audit.AsNoTracking().Where(a => latest.Contains(a.Id) && a.Action == action && live.Contains(a.EntityKey)).OrderBy(a => a.Id)
            .Select(a => new ReviewQueueEntry(a.EntityKey!.Value, new ReviewStep(a.Action, a.Actor, a.Timestamp, a.Cultures, a.Comment))).ToListAsync(ct);
    }

    public async Task<OperationResult> SubmitForReviewAsync(Guid key, IReadOnlyCollection<string>? cultures, string? comment, string actor, CancellationToken ct = default)
    {
        var node = await db.Nodes.FirstOrDefaultAsync(n => n.Key == key && !n.IsMedia, ct);
        if (node is null)
            return OperationResult.NotFound(key);
        if (node.Trashed)
            return OperationResult.Fail(OperationStatus.NotAllowed, "$.id", "An item in the recycle bin cannot be submitted.");
        if ((await ReviewStatusAsync(key, ct))!.State == ReviewState.Submitted)
            return OperationResult.Fail(OperationStatus.NotAllowed, "$.id", "The item is waiting for review already.");
        Audit(actor, ReviewSubmit, node, cultures is null ? null : string.Join(",", cultures), comment);
        await db.SaveChangesAsync(ct);
        return OperationResult.Ok(key, node.Revision);
    }

    /// Approving publishes the cultures that were submitted (all when none were named).
    public async Task<OperationResult> ApproveAsync(Guid key, string? comment, string actor, CancellationToken ct = default)
    {
        var status = await ReviewStatusAsync(key, ct);
        if (status is null)
            return OperationResult.NotFound(key);
        if (status.State != ReviewState.Submitted)
            return OperationResult.Fail(OperationStatus.NotAllowed, "$.id", "Only an item submitted for review can be approved.");
        var cultures = status.History.Last().Cultures?.Split(',', StringSplitOptions.RemoveEmptyEntries);
        var published = await PublishAsync(key, cultures, actor, ct: ct);
        if (!published.Succeeded)
            return published;
        var node = await db.Nodes.FirstAsync(n => n.Key == key, ct);
        Audit(actor, ReviewApprove, node, cultures is null ? null : string.Join(",", cultures), comment);
        await db.SaveChangesAsync(ct);
        return OperationResult.Ok(key, node.Revision);
    }

    public async Task<OperationResult> ReturnAsync(Guid key, string comment, string actor, CancellationToken ct = default)
    {
        var status = await ReviewStatusAsync(key, ct);
        if (status is null)
            return OperationResult.NotFound(key);
        if (status.State != ReviewState.Submitted)
            return OperationResult.Fail(OperationStatus.NotAllowed, "$.id", "Only an item submitted for review can be returned.");
        if (string.IsNullOrWhiteSpace(comment))
            return OperationResult.Fail(OperationStatus.ValidationFailed, "$.comment", "Say what should change: a comment is required when returning an item.");
        var node = await db.Nodes.FirstAsync(n => n.Key == key, ct);
        Audit(actor, ReviewReturn, node, null, comment.Trim());
        await db.SaveChangesAsync(ct);
        return OperationResult.Ok(key, node.Revision);
    }
}
