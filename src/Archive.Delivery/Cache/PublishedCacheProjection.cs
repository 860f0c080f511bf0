using Archive.Engine.Publishing;

namespace Archive.Delivery.Cache;

/// Keeps the published cache as the public projection has it: loaded whole at start (and after a schema
/// change), then changed item by item as the change log goes on.
public sealed class PublishedCacheProjection(PublishedCache cache, IRouteStore routes) : IProjection
{
    private long? _position;

    public string Name => "published cache";

    public long? Position => _position;

    public async Task RebuildAsync(IStoredItemSource source, CancellationToken ct)
    {
        var position = await source.PositionAsync(ct);
        var schema = await source.SchemaAsync(ct);
        var nodes = new List<PublishedNode>();
        DataCodec? codec = null;
        await foreach (var (items, _) in source.AllAsync(0, 2000, ct))
        {
            var visible = items.Where(i => i.Public is not null).Select(i => i.Public!).ToList();
            // The first page teaches the codec what this catalogue's items share.
            codec ??= DataCodec.Train(visible.Select(i => System.Text.Encoding.UTF8.GetBytes(i.Data.ToJson())).ToList());
            nodes.AddRange(visible.Select(i => PublishedNode.From(i, codec)));
        }
        cache.Load(nodes, schema, codec ?? DataCodec.Plain);
        cache.SetDomains(await routes.DomainsAsync(ct));
        cache.AddRedirects(await routes.RedirectsAsync(ct));
        _position = position;
    }

    public IEnumerable<Guid> AlsoAffected(IReadOnlyCollection<Guid> changed) => [];

    public async Task ApplyAsync(ProjectedChanges changes, CancellationToken ct)
    {
        var upserts = changes.Items.Where(i => i.Public is not null).Select(i => PublishedNode.From(i.Public!, cache.Codec)).ToList();
        // An item with no public projection leaves the cache, whatever it was before.
        var removed = changes.Removed.Concat(changes.Items.Where(i => i.Public is null).Select(i => i.Stored.Key)).ToList();
        var redirects = cache.Apply(upserts, removed);
        await routes.RememberAsync(redirects, ct);
        _position = changes.Position;
    }
}
