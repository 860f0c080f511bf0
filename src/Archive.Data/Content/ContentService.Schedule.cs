using Archive.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace Archive.Data.Content;

public static class ScheduleActions
{
    public const string Publish = "Release";
    public const string Unpublish = "Expire";
}

public sealed partial class ContentService
{
    public const string SchedulerActor = "scheduler";

    /// Schedules a publish ("Release") or unpublish ("Expire") of one culture ("" or null: the whole item).
    public async Task<OperationResult> ScheduleAsync(Guid key, string? culture, string action, DateTime whenUtc, string actor, CancellationToken ct = default)
    {
        var node = await db.Nodes.FirstOrDefaultAsync(n => n.Key == key, ct);
        if (node is null)
            return OperationResult.NotFound(key);
        if (action is not (ScheduleActions.Publish or ScheduleActions.Unpublish))
            return OperationResult.Fail(OperationStatus.ValidationFailed, "$.action", $"The action must be '{ScheduleActions.Publish}' or '{ScheduleActions.Unpublish}'.");
        if (whenUtc <= clock.GetUtcNow().UtcDateTime)
            return OperationResult.Fail(OperationStatus.ValidationFailed, "$.date", "A schedule must be in the future.");
        var resolved = "";
        if (!string.IsNullOrEmpty(culture))
        {
            var schema = await schemas.GetAsync(db, ct);
            resolved = schema.Cultures.Resolve(culture) ?? "";
            if (resolved.Length == 0)
                return OperationResult.Fail(OperationStatus.CultureNotAllowed, "$.culture", $"'{culture}' is not one of the archive's cultures.", culture);
        }
        var existing = await db.Schedules.Where(s => s.NodeId == node.Id && s.Culture == resolved && s.Action == action).ToListAsync(ct);
        db.Schedules.RemoveRange(existing);
        db.Schedules.Add(new ScheduleEntity { NodeId = node.Id, Culture = resolved, Action = action, Date = whenUtc });
        Touch(node, actor);
        Audit(actor, "Schedule", node, resolved, $"{action} at {whenUtc:O}");
        return await CommitAsync(node, ct);
    }

    /// Carries out every schedule that is due; returns the results, failures included.
    public async Task<IReadOnlyList<OperationResult>> RunDueSchedulesAsync(CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var due = await db.Schedules.Where(s => s.Date <= now).OrderBy(s => s.Date)
            .Join(db.Nodes, s => s.NodeId, n => n.Id, (s, n) => new { s.Id, n.Key, s.Culture, s.Action }).ToListAsync(ct);
        var results = new List<OperationResult>();
        foreach (var item in due)
        {
            // Claimed and carried out in one transaction: of two processes that found it due, the second finds it gone.
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            if (await db.Schedules.Where(s => s.Id == item.Id).ExecuteDeleteAsync(ct) == 0)
                continue;
            string[]? cultures = item.Culture.Length == 0 ? null : [item.Culture];
            var result = item.Action == ScheduleActions.Publish
                ? await PublishAsync(item.Key, cultures, SchedulerActor, ct: ct)
                : await UnpublishAsync(item.Key, cultures, SchedulerActor, ct: ct);
            db.ChangeTracker.Clear();
            await tx.CommitAsync(ct);
            results.Add(result);
        }
        return results;
    }
}
