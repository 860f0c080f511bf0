using Archive.Engine.Editors;
using Archive.Engine.Publishing;

namespace Archive.Search.Indexing;

/// Keeps the search index as the public projection has it (and preview's drafts beside it): rebuilt in
/// batches with checkpoints when missing, damaged or after a schema change, then changed item by item.
public sealed class SearchIndexProjection(SearchIndex index, PropertyEditors editors, SearchIndexProjection.Settings settings) : IProjection
{
    /// Items indexed between the checkpoints of a rebuild.
    public sealed record Settings(int CheckpointEvery);

    public string Name => "search index";

    // An index of an older shape answers until it is rebuilt: it has no position, so the follower rebuilds it.
    public long? Position => index.Exists && index.IsCurrentFormat ? index.Position : null;

    public bool IsReady => index.Exists;

    public Task RebuildAsync(IStoredItemSource source, CancellationToken ct) => RebuildAsync(source, null, ct);

    /// Rebuilds from the source, streaming in batches; resumes an unfinished rebuild a killed process
    /// left (unless told to start over). Returns the items indexed and whether it resumed.
    public async Task<(int Items, bool Resumed)> RebuildAsync(IStoredItemSource source, IProgress<(int Done, int Total)>? progress, CancellationToken ct, bool resume = true)
    {
        using var build = index.StartBuild(await source.PositionAsync(ct), resume);
        var after = long.TryParse(build.ResumeAfter, out var cursor) ? cursor : 0;
        var total = await source.CountAsync(after, ct);
        var schema = await source.SchemaAsync(ct);
        var exhibitions = await source.ExhibitionsByObjectAsync(ct);
        var sinceCheckpoint = 0;
        progress?.Report((0, total));
        await foreach (var (items, lastId) in source.AllAsync(after, Math.Min(500, settings.CheckpointEvery), ct))
        {
            foreach (var item in items)
                build.Add(IndexedNodeProjection.From(item, schema, editors, exhibitions));
            progress?.Report((build.Count, total));
            if ((sinceCheckpoint += items.Count) >= settings.CheckpointEvery)
            {
                build.Checkpoint(lastId.ToString());
                sinceCheckpoint = 0;
            }
        }
        build.Complete();
        return (build.Count, build.ResumeAfter is not null);
    }

    /// An exhibition's objects carry it as a facet: those it showed are read again with it.
    public IEnumerable<Guid> AlsoAffected(IReadOnlyCollection<Guid> changed) =>
        changed.SelectMany(key => index.KeysWithFacet(FacetNames.Exhibition, key.ToString()));

    public Task ApplyAsync(ProjectedChanges changes, CancellationToken ct)
    {
        index.Apply(changes.Items.Select(i => IndexedNodeProjection.From(i, changes.Schema, editors, changes.ExhibitionsByObject)), changes.Removed, changes.Position);
        return Task.CompletedTask;
    }

    /// Follows a generation the command line rebuilt.
    public void Refresh() => index.FollowPointer();
}
