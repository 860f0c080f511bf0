using System.Security.Claims;
using Archive.Data;
using Archive.Data.Content;
using Archive.Data.Entities;
using Archive.Identity;
using Microsoft.EntityFrameworkCore;

namespace Archive.Web.Management;

/// The audit trail in Umbraco's audit-log shapes: one item's (document or media) and the caller's
/// own (`GET /audit-log`). Administrators and curators may also ask for another account's entries
/// (`userId`) or everyone's (`allUsers=true`), and anyone may narrow by `logType` and `entityType`.
public static class AuditLogEndpoints
{
    public static void MapAuditLog(this RouteGroupBuilder api)
    {
        api.MapGet("audit-log", Query).WithName("GetAuditLog").WithTags("Audit Log");
        api.MapGet("media/{id:guid}/audit-log", Media).WithName("GetMediaByIdAuditLog").WithTags("Media");
    }

    private static readonly string[] EntityTypes = [ChangeTypes.Document, ChangeTypes.Media, ChangeTypes.Schema, ChangeTypes.User];

    /// Umbraco's audit log types for the archive's audit actions.
    public static string LogType(string action) => action switch
    {
        "Create" => "New",
        "Save" => "Save",
        "Publish" => "Publish",
        "Unpublish" => "Unpublish",
        "Move" or "Trash" or "Restore" => "Move",
        "Delete" => "Delete",
        "Sort" => "Sort",
        "Rollback" => "RollBack",
        ContentService.ReviewSubmit => "SendToPublish",
        // Approving and returning show as Umbraco's custom entries, whose text is the entry's parameters.
        _ => "Custom",
    };

    private static readonly string[] LogTypes = ["New", "Save", "Publish", "Unpublish", "Move", "Delete", "Sort", "RollBack", "SendToPublish", "Custom"];

    /// The account id an audit actor ("Name (id)") names.
    public static Guid UserIdOf(string actor)
    {
        var open = actor.LastIndexOf('(');
        return open >= 0 && Guid.TryParse(actor[(open + 1)..].TrimEnd(')'), out var id) ? id : Guid.Empty;
    }

    private static async Task<IResult> Query(ClaimsPrincipal principal, ArchiveDbContext db, CancellationToken ct, string? orderDirection = null, DateTimeOffset? sinceDate = null,
        int skip = 0, int take = 100, Guid? userId = null, bool allUsers = false, string? logType = null, string? entityType = null)
    {
        var caller = Caller.From(principal);
        var seesOthers = caller.Role is Roles.Administrator or Roles.Curator;
        if ((allUsers || userId is { } other && other != caller.Id) && !seesOthers)
            return ManagementRequests.Forbidden("Only administrators and curators read other accounts' audit entries.");
        if (logType is not null && !LogTypes.Contains(logType, StringComparer.OrdinalIgnoreCase))
            return ManagementRequests.Invalid("logType", $"logType must be one of {string.Join(", ", LogTypes)}.");
        if (entityType is not null && !EntityTypes.Contains(entityType, StringComparer.OrdinalIgnoreCase))
            return ManagementRequests.Invalid("entityType", $"entityType must be one of {string.Join(", ", EntityTypes)}.");

        var query = db.Audit.AsNoTracking();
        if (!allUsers)
        {
            var actorSuffix = $"({userId ?? caller.Id})";
            query = query.Where(a => a.Actor.EndsWith(actorSuffix));
        }
        if (entityType is not null)
        {
            var type = EntityTypes.First(t => t.Equals(entityType, StringComparison.OrdinalIgnoreCase));
            query = query.Where(a => a.EntityType == type);
        }
        if (logType is not null)
        {
            // The actions that show as this log type.
            var actions = await db.Audit.AsNoTracking().Select(a => a.Action).Distinct().ToListAsync(ct);
            var matching = actions.Where(a => LogType(a).Equals(logType, StringComparison.OrdinalIgnoreCase)).ToList();
            query = query.Where(a => matching.Contains(a.Action));
        }
        return await PageAsync(query, orderDirection, sinceDate, skip, take, ct, withEntity: true);
    }

    private static async Task<IResult> Media(Guid id, ArchiveDbContext db, CancellationToken ct, string? orderDirection = null, DateTimeOffset? sinceDate = null, int skip = 0, int take = 100)
    {
        if (!await db.Nodes.AnyAsync(n => n.Key == id && n.IsMedia, ct))
            return ManagementRequests.Problem(404, "Not found", $"No media with id {id}.");
        return await PageAsync(db.Audit.AsNoTracking().Where(a => a.EntityKey == id), orderDirection, sinceDate, skip, take, ct);
    }

    /// One page of audit entries, newest first unless asked otherwise.
    public static async Task<IResult> PageAsync(IQueryable<AuditEntity> query, string? orderDirection, DateTimeOffset? sinceDate, int skip, int take, CancellationToken ct,
        bool withEntity = false)
    {
        if (Paging.Check(skip, take) is { } refused)
            return refused;
        var ascending = string.Equals(orderDirection, "Ascending", StringComparison.OrdinalIgnoreCase);
        if (orderDirection is not null && !ascending && !string.Equals(orderDirection, "Descending", StringComparison.OrdinalIgnoreCase))
            return ManagementRequests.Invalid("orderDirection", "orderDirection must be Ascending or Descending.");
        if (sinceDate is { } since)
            query = query.Where(a => a.Timestamp >= since.UtcDateTime);
        var total = await query.CountAsync(ct);
        query = ascending ? query.OrderBy(a => a.Id) : query.OrderByDescending(a => a.Id);
        var items = await query.Skip(skip).Take(take).ToListAsync(ct);
        return Results.Ok(new PagedResponse<AuditLogResponseModel>(total, items.Select(a => new AuditLogResponseModel(
            new ReferenceByIdModel(UserIdOf(a.Actor)), DateTime.SpecifyKind(a.Timestamp, DateTimeKind.Utc), LogType(a.Action), a.Comment, ParametersOf(a),
            withEntity && a.EntityKey is { } key ? new AuditLogEntityModel(key, a.EntityType) : null)).ToList()));
    }

    /// Umbraco's history shows a custom entry as its parameters: a review step says what happened and why.
    private static string? ParametersOf(AuditEntity entry) => entry.Action switch
    {
        ContentService.ReviewApprove => string.IsNullOrEmpty(entry.Comment) ? "Approved after review" : $"Approved after review: {entry.Comment}",
        ContentService.ReviewReturn => $"Returned for changes: {entry.Comment}",
        "Import" => $"Imported from {entry.Comment}",
        _ when LogType(entry.Action) == "Custom" => string.IsNullOrEmpty(entry.Comment) ? entry.Action : $"{entry.Action}: {entry.Comment}",
        _ => entry.Cultures,
    };

    /// An account change in the audit trail.
    public static async Task RecordAccountChangeAsync(ArchiveDbContext db, TimeProvider clock, Caller caller, string action, Guid userId, string? comment, CancellationToken ct)
    {
        db.Audit.Add(new AuditEntity
        {
            Timestamp = clock.GetUtcNow().UtcDateTime, Actor = caller.Actor, Action = action, EntityType = ChangeTypes.User, EntityKey = userId, Comment = comment,
        });
        await db.SaveChangesAsync(ct);
    }
}

/// Umbraco's AuditLogResponseModel; `entity` (what the entry is about) is Archive's, in the caller's own log.
public sealed record AuditLogResponseModel(ReferenceByIdModel User, DateTimeOffset Timestamp, string LogType, string? Comment, string? Parameters, AuditLogEntityModel? Entity);

public sealed record AuditLogEntityModel(Guid Id, string Type);
