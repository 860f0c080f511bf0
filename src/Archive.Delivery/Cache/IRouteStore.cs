namespace Archive.Delivery.Cache;

/// Where the cache keeps what routing needs beyond items: domains bound to roots, and the old routes
/// of moved or renamed items (URL tracking), which must survive restarts.
public interface IRouteStore
{
    Task<IReadOnlyList<SiteDomain>> DomainsAsync(CancellationToken ct);

    Task<IReadOnlyList<Redirect>> RedirectsAsync(CancellationToken ct);

    /// Stores old routes. Every server following the log computes the same ones: one stored already stays.
    Task RememberAsync(IReadOnlyList<Redirect> redirects, CancellationToken ct);
}
