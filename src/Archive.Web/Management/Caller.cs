using System.Security.Claims;
using Archive.Data;
using Archive.Identity;
using Microsoft.EntityFrameworkCore;

namespace Archive.Web.Management;

/// Who is calling the Management API, from the claims they signed in with: their role and grants,
/// and what that lets them reach.
public sealed record Caller(Guid Id, string Name, string Role, IReadOnlySet<Guid> Grants)
{
    public static Caller From(ClaimsPrincipal principal) => new(
        Guid.TryParse(principal.FindFirstValue("sub") ?? principal.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : Guid.Empty,
        principal.FindFirstValue(ClaimTypes.Name) ?? principal.Identity?.Name ?? "unknown",
        principal.FindFirstValue(ManagementSecurity.RoleClaim) ?? Roles.Viewer,
        principal.FindAll(ManagementSecurity.GrantClaim).Select(c => Guid.TryParse(c.Value, out var g) ? g : Guid.Empty).ToHashSet());

    /// How the caller is named in the audit trail.
    public string Actor => $"{Name} ({Id})";

    public bool IsScoped => Roles.IsScoped(Role);

    /// The name part of an audit-trail actor ("Aigerim (guid)" → "Aigerim"; "system" stays).
    public static string NameIn(string actor)
    {
        var open = actor.LastIndexOf(" (", StringComparison.Ordinal);
        return open > 0 && actor.EndsWith(')') ? actor[..open] : actor;
    }

    /// Whether an item (given its own and its ancestors' keys) is within the caller's reach.
    public bool Reaches(IEnumerable<Guid> keysOnPath) => !IsScoped || keysOnPath.Any(Grants.Contains);

    /// Private fields: administrators and curators everywhere, editors and contributors in their grants, viewers never.
    public bool SeesPrivate(IEnumerable<Guid> keysOnPath) => Roles.SeesPrivateFields(Role) && Reaches(keysOnPath);

    /// Of the given items, those within the caller's reach (a granted node on the item's path); all of them for
    /// unscoped roles.
    public async Task<List<T>> WithinReachAsync<T>(ArchiveDbContext db, IEnumerable<T> items, Func<T, string> pathOf, CancellationToken ct)
    {
        if (!IsScoped)
            return items.ToList();
        var granted = (await db.Nodes.AsNoTracking().Where(n => Grants.Contains(n.Key)).Select(n => n.Id).ToListAsync(ct)).Select(id => id.ToString()).ToHashSet();
        return items.Where(i => pathOf(i).Split(',').Any(granted.Contains)).ToList();
    }

    /// The keys of an item and its ancestors, from the node path ("1,5,42").
    public static async Task<IReadOnlyList<Guid>> PathKeysAsync(ArchiveDbContext db, string path, CancellationToken ct)
    {
        var ids = path.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(long.Parse).ToList();
        return await db.Nodes.AsNoTracking().Where(n => ids.Contains(n.Id)).Select(n => n.Key).ToListAsync(ct);
    }
}
