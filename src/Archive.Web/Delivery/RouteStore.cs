using Archive.Data;
using Archive.Delivery.Cache;
using Microsoft.EntityFrameworkCore;

namespace Archive.Web.Delivery;

/// The published cache's domains and URL tracking, in the database.
public sealed class RouteStore(IServiceScopeFactory scopes) : IRouteStore
{
    public async Task<IReadOnlyList<SiteDomain>> DomainsAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ArchiveDbContext>();
        return (await db.Domains.AsNoTracking().Where(d => !d.IsWildcard).ToListAsync(ct)).Select(d => new SiteDomain(d.Name, d.Culture, d.RootKey)).ToList();
    }

    public async Task<IReadOnlyList<Redirect>> RedirectsAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ArchiveDbContext>();
        return (await db.RedirectUrls.AsNoTracking().ToListAsync(ct)).Select(r => new Redirect(r.RootKey, r.Culture, r.Path, r.ContentKey)).ToList();
    }

    public async Task RememberAsync(IReadOnlyList<Redirect> redirects, CancellationToken ct)
    {
        if (redirects.Count == 0)
            return;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ArchiveDbContext>();
        foreach (var redirect in redirects)
        {
            var existing = await db.RedirectUrls.FirstOrDefaultAsync(r => r.RootKey == redirect.RootKey && r.Culture == redirect.Culture && r.Path == redirect.Path, ct);
            if (existing is not null)
            {
                existing.ContentKey = redirect.ContentKey;
                existing.CreateDate = DateTime.UtcNow;
            }
            else
                db.RedirectUrls.Add(new Archive.Data.Entities.RedirectUrlEntity
                {
                    RootKey = redirect.RootKey, Culture = redirect.Culture, Path = redirect.Path, ContentKey = redirect.ContentKey, CreateDate = DateTime.UtcNow,
                });
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException)
            {
                // Another server stored it first.
                db.ChangeTracker.Clear();
            }
        }
    }
}
