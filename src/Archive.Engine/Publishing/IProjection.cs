namespace Archive.Engine.Publishing;

/// Something built from the public projection and kept in step with the change log by the one
/// follower: the published cache, the search index, and whatever later channels need.
public interface IProjection
{
    string Name { get; }

    /// The last change applied; null until the projection has been built.
    long? Position { get; }

    /// Builds everything from the source (at start, when missing, or after a schema change).
    Task RebuildAsync(IStoredItemSource source, CancellationToken ct);

    /// Keys beyond the changed ones whose projection may change with them (their dependents).
    IEnumerable<Guid> AlsoAffected(IReadOnlyCollection<Guid> changed);

    /// Applies the items of changes read once for every projection.
    Task ApplyAsync(ProjectedChanges changes, CancellationToken ct);

    /// Keeps what was built on disk, when the projection does, so that the next start catches up from there instead of
    /// building it again: now and then after changes, and at once when final (the process is stopping). The follower calls
    /// it only when <see cref="PersistDue"/> says so: a projection that keeps itself answers both.
    Task PersistAsync(IStoredItemSource source, bool final, CancellationToken ct) => Task.CompletedTask;

    /// Whether <see cref="PersistAsync"/> has anything to do now. Asked after every round of the follower, so it answers
    /// from what the projection holds, without the database.
    bool PersistDue(bool final) => false;

    /// Picks up work another process finished on shared storage (a rebuilt index generation).
    void Refresh()
    {
    }
}
