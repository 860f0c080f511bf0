using Archive.Data.Content;
using Archive.Data.Entities;
using Archive.Engine.Content;
using Archive.Engine.Cultures;
using Archive.Engine.Schema;
using Archive.Engine.Segments;
using Archive.Engine.USync;
using Microsoft.EntityFrameworkCore;

namespace Archive.Data.USync;

public sealed partial class USyncImporter
{
    /// What the import needs to know of a node already stored (or just written): where it is, and its root.
    internal sealed record NodeRef(long Id, string Path, int Level, bool IsMedia, string? Hash, Guid RootKey);

    private async Task<Dictionary<Guid, NodeRef>> LoadNodeIndexAsync(CancellationToken ct)
    {
        var rows = await db.Nodes.AsNoTracking().Select(n => new { n.Key, n.Id, n.Path, n.Level, n.IsMedia, n.USyncHash }).ToListAsync(ct);
        var keys = rows.ToDictionary(r => r.Id, r => r.Key);
        return rows.ToDictionary(n => n.Key, n => new NodeRef(n.Id, n.Path, n.Level, n.IsMedia, n.USyncHash, keys[InstitutionClaims.RootIdOf(n.Path)]));
    }

    /// Rows of new nodes, written in bulk once per batch; changed nodes go through change tracking.
    private sealed class NewRows
    {
        public List<NodeEntity> Nodes { get; } = [];
        public List<NodeCultureEntity> Cultures { get; } = [];
        public List<NodeVersionEntity> Versions { get; } = [];
        public List<UniqueValueEntity> Uniques { get; } = [];
        public List<ScheduleEntity> Schedules { get; } = [];
        public List<ChangeLogEntity> Changes { get; } = [];
        public List<AuditEntity> Audit { get; } = [];

        public async Task WriteAsync(ArchiveDbContext db, CancellationToken ct)
        {
            await BulkInserter.InsertAsync(db, Nodes, ct);
            await BulkInserter.InsertAsync(db, Cultures, ct);
            await BulkInserter.InsertAsync(db, Versions, ct);
            await BulkInserter.InsertAsync(db, Uniques, ct);
            await BulkInserter.InsertAsync(db, Schedules, ct);
            if (Changes.Count > 0)
                await Cluster.ChangeLogOrder.LockAsync(db, ct);
            await BulkInserter.InsertAsync(db, Changes, ct);
            await BulkInserter.InsertAsync(db, Audit, ct);
        }
    }

    private async Task ImportNodesAsync(USyncPackage package, SchemaSnapshot schema, Dictionary<Guid, NodeRef> index, USyncImportOptions importOptions,
        ImportReport report, string actor, IProgress<ImportProgress>? progress, CancellationToken ct)
    {
        // Media before content (content picks media), parents before children, and siblings together: the segments taken
        // under one parent are remembered only while its children are imported.
        var ordered = package.Nodes
            .OrderBy(n => n.IsMedia ? 0 : 1).ThenBy(n => n.Level).ThenBy(n => n.ParentKey).ThenBy(n => n.SortOrder)
            .ToList();
        // Only parents are looked up again: the import indexes the new nodes that have children in the package alone.
        var import = new NodeImport(index, new SiblingSegments(db), new UniqueValues(db),
            package.Nodes.Select(n => n.ParentKey).Where(k => k != Guid.Empty).ToHashSet());
        // Ids are given here, inside the import's transaction, so a node's path is known before it is written.
        var nextId = (await db.Nodes.MaxAsync(n => (long?)n.Id, ct) ?? 0) + 1;
        var done = 0;
        foreach (var levelGroup in ordered.GroupBy(n => (n.IsMedia, n.Level)))
        {
            foreach (var batch in levelGroup.Chunk(importOptions.BatchSize))
            {
                var rows = new NewRows();
                foreach (var entry in batch)
                    if (await ImportNodeAsync(entry, schema, import, importOptions, report, actor, rows, nextId, ct))
                        nextId++;
                await rows.WriteAsync(db, ct);
                await db.SaveChangesAsync(ct);
                db.ChangeTracker.Clear();
                done += batch.Length;
                progress?.Report(new ImportProgress("content and media", done, ordered.Count));
            }
        }
        if (db.Database.IsPostgres())
            await db.Database.ExecuteSqlRawAsync("SELECT setval(pg_get_serial_sequence('\"Nodes\"', 'Id'), (SELECT COALESCE(MAX(\"Id\"), 1) FROM \"Nodes\"))", ct);
    }

    /// Imports one node; true when it was new (and took the id offered).
    private async Task<bool> ImportNodeAsync(USyncNodeEntry entry, SchemaSnapshot schema, NodeImport import,
        USyncImportOptions importOptions, ImportReport report, string actor, NewRows rows, long id, CancellationToken ct)
    {
        var (index, segments, uniques, _) = import;
        var label = entry.IsMedia ? "media" : "content";
        var hash = entry.SourceHash;
        var exists = index.TryGetValue(entry.Key, out var known);
        if (exists && known!.Hash == hash)
        {
            report.Count(report.Unchanged, label);
            return false;
        }
        var item = entry.Load();
        var type = schema.FindType(item.ContentTypeAlias, item.IsMedia ? ContentTypeKind.Media : ContentTypeKind.Document)!;

        var parent = item.ParentKey == Guid.Empty ? null : index[item.ParentKey];
        var data = ToContentData(item, type, schema);
        var now = clock.GetUtcNow().UtcDateTime;
        if (item.IsMedia && importOptions.MediaFolder is not null && MediaPathOf(item) is { } path &&
            await media.ImportAsync(importOptions.MediaFolder, path, ct) is { } file)
        {
            data.SetValue("umbracoBytes", ContentData.Invariant, file.Bytes.ToString());
            data.SetValue("umbracoExtension", ContentData.Invariant, file.Extension);
            if (file.Width is { } w) data.SetValue("umbracoWidth", ContentData.Invariant, w.ToString());
            if (file.Height is { } h) data.SetValue("umbracoHeight", ContentData.Invariant, h.ToString());
            foreach (var (alias, value) in file.Labels)
                if (schema.PropertiesOf(type).Any(p => p.Alias == alias))
                    data.SetValue(alias, ContentData.Invariant, value);
        }
        var published = PublishedCultures(item, type, schema.Cultures);

        if (exists)
        {
            await UpdateNodeAsync(known!.Id, item, data, published, hash, entry.File, parent, import, rows, actor, now, ct);
            report.Count(report.Updated, label);
            return false;
        }

        var node = new NodeEntity
        {
            Id = id,
            Key = item.Key,
            IsMedia = item.IsMedia,
            ContentTypeAlias = type.Alias,
            ParentId = parent?.Id,
            Path = parent is null ? $"{id}" : $"{parent.Path},{id}",
            Level = (parent?.Level ?? 0) + 1,
            SortOrder = item.SortOrder,
            Trashed = item.Trashed,
            TrashedAt = item.Trashed ? now : null,
            CreateDate = item.CreateDate,
            UpdateDate = now,
            CreatedBy = actor,
            UpdatedBy = actor,
            Revision = 1,
            TemplateKey = item.TemplateKey,
            TemplateAlias = item.TemplateAlias,
            USyncFile = entry.File,
            USyncHash = hash,
        };
        rows.Nodes.Add(node);
        var scope = parent?.RootKey ?? item.Key;
        // No hash: a key comes once in a package, so only children look this node up (a million hashes would be 150 MB),
        // and a node without children in the package is not looked up at all (a million artefacts' paths would be as much).
        if (import.Parents.Contains(item.Key))
            index[item.Key] = new NodeRef(id, node.Path, node.Level, node.IsMedia, null, scope);
        foreach (var (culture, name) in data.Names)
        {
            var segment = await segments.ClaimAsync(parent?.Id, item.IsMedia, culture, name, item.Key, ct);
            data.Segments[culture] = segment;
            var isPublished = published.Contains(culture);
            rows.Cultures.Add(new NodeCultureEntity
            {
                NodeId = id, Culture = culture, Name = name, UrlSegment = segment, Published = isPublished,
                PublishedName = isPublished ? name : null, PublishedUrlSegment = isPublished ? segment : null, PublishDate = isPublished ? now : null,
            });
        }
        rows.Versions.Add(new NodeVersionEntity
        {
            NodeId = id, Number = 1, CreatedAt = now, CreatedBy = actor, Data = data.ToJson(), IsDraft = true,
            IsPublished = published.Count > 0, IsPublishedSnapshot = published.Count > 0, Note = $"Imported from {entry.File}",
        });
        foreach (var alias in options.UniqueWithinRoot)
        {
            var value = data.GetValue(alias)?.Trim().ToUpperInvariant();
            if (string.IsNullOrEmpty(value))
                continue;
            if (!await uniques.ClaimAsync(scope, alias, value, rows.Uniques, ct))
                throw new USyncImportException([$"{entry.File}: '{alias}' value '{data.GetValue(alias)}' is used by another item in the same institution."]);
            rows.Uniques.Add(new UniqueValueEntity { ScopeKey = scope, Alias = alias, Value = value, NodeId = id });
        }
        foreach (var schedule in item.Schedule)
            rows.Schedules.Add(new ScheduleEntity { NodeId = id, Culture = schema.Cultures.Resolve(schedule.Culture) ?? "", Action = schedule.Action, Date = schedule.Date });
        rows.Changes.Add(new ChangeLogEntity { Timestamp = now, EntityType = item.IsMedia ? ChangeTypes.Media : ChangeTypes.Document, Key = item.Key, Change = published.Count > 0 ? ChangeTypes.Published : ChangeTypes.Saved, Cultures = string.Join(",", published) });
        rows.Audit.Add(new AuditEntity { Timestamp = now, Actor = actor, Action = "Import", EntityType = item.IsMedia ? ChangeTypes.Media : ChangeTypes.Document, EntityKey = item.Key, Comment = entry.File });
        report.Count(report.Created, label);
        return true;
    }

    private async Task UpdateNodeAsync(long id, USyncNode item, ContentData data, HashSet<string> published, string hash, string file, NodeRef? parent,
        NodeImport import, NewRows rows, string actor, DateTime now, CancellationToken ct)
    {
        var (index, segments, uniques, _) = import;
        var node = await db.Nodes.FirstAsync(n => n.Id == id, ct);
        node.ContentTypeAlias = item.ContentTypeAlias;
        node.SortOrder = item.SortOrder;
        node.Trashed = item.Trashed;
        node.TemplateKey = item.TemplateKey;
        node.TemplateAlias = item.TemplateAlias;
        node.USyncFile = file;
        node.USyncHash = hash;
        node.UpdateDate = now;
        node.UpdatedBy = actor;
        node.Revision++;
        // A changed parent in the folder is applied as a move, of the whole subtree; what later levels of this import
        // look up (new children of the moved items) learns the new paths.
        var scope = parent?.RootKey ?? node.Key;
        if (node.ParentId != parent?.Id)
        {
            var subtree = (await SubtreeMove.MoveAsync(db, node, parent?.Id, parent?.Path, parent?.Level ?? 0, ct)).Append(node).ToList();
            foreach (var moved in subtree)
                if (index.TryGetValue(moved.Key, out var known))
                    index[moved.Key] = known with { Path = moved.Path, Level = moved.Level, RootKey = scope };
            await CarryClaimsAsync(file, subtree, scope, uniques, rows, ct);
        }
        await ReclaimAsync(file, id, data, scope, uniques, rows, ct);
        var cultures = await db.NodeCultures.Where(c => c.NodeId == id).ToListAsync(ct);
        foreach (var (culture, name) in data.Names)
        {
            var state = cultures.FirstOrDefault(c => c.Culture.Equals(culture, StringComparison.OrdinalIgnoreCase));
            var segment = state is not null && state.Name == name ? state.UrlSegment : await segments.ClaimAsync(node.ParentId, item.IsMedia, culture, name, item.Key, ct);
            data.Segments[culture] = segment;
            if (state is null)
                db.NodeCultures.Add(state = new NodeCultureEntity { NodeId = id, Culture = culture, Name = name, UrlSegment = segment });
            state.Name = name;
            state.UrlSegment = segment;
            state.Published = published.Contains(culture);
            state.PublishedName = state.Published ? name : null;
            state.PublishedUrlSegment = state.Published ? segment : null;
            state.PublishDate = state.Published ? now : state.PublishDate;
            state.Edited = false;
        }
        foreach (var version in await db.NodeVersions.Where(v => v.NodeId == id && (v.IsDraft || v.IsPublished)).ToListAsync(ct))
            (version.IsDraft, version.IsPublished) = (false, false);
        var number = await db.NodeVersions.Where(v => v.NodeId == id).MaxAsync(v => v.Number, ct) + 1;
        db.NodeVersions.Add(new NodeVersionEntity
        {
            NodeId = id, Number = number, CreatedAt = now, CreatedBy = actor, Data = data.ToJson(), IsDraft = true,
            IsPublished = published.Count > 0, IsPublishedSnapshot = published.Count > 0, Note = $"Imported from {file}",
        });
        db.ChangeLog.Add(new ChangeLogEntity { Timestamp = now, EntityType = item.IsMedia ? ChangeTypes.Media : ChangeTypes.Document, Key = item.Key, Change = published.Count > 0 ? ChangeTypes.Published : ChangeTypes.Saved, Cultures = string.Join(",", published) });
        db.Audit.Add(new AuditEntity { Timestamp = now, Actor = actor, Action = "Import", EntityType = item.IsMedia ? ChangeTypes.Media : ChangeTypes.Document, EntityKey = item.Key, Comment = file });
    }

    /// A subtree the folder moved to another institution takes its accession numbers there; one it already uses stops
    /// the import.
    private async Task CarryClaimsAsync(string file, List<NodeEntity> subtree, Guid scope, UniqueValues uniques, NewRows rows, CancellationToken ct)
    {
        var claims = await InstitutionClaims.ElsewhereAsync(db, subtree.Select(n => n.Id), options.UniqueWithinRoot, scope, ct);
        foreach (var claim in claims)
        {
            if (!await uniques.ClaimAsync(scope, claim.Alias, claim.Value, rows.Uniques, ct))
                throw new USyncImportException([$"{file}: it moves item {subtree.First(n => n.Id == claim.NodeId).Key} to another institution, where '{claim.Alias}' value '{claim.Value}' is used by another item."]);
            uniques.Release(claim.ScopeKey, claim.Alias, claim.Value);
        }
        await InstitutionClaims.RescopeNowAsync(db, claims, scope, ct);
    }

    /// A changed item's unique values: a new value is claimed (refused when another item of the institution has it) and
    /// the one it replaces freed. Deletes run at once, so a new item of the same batch may take a freed value.
    private async Task ReclaimAsync(string file, long id, ContentData data, Guid scope, UniqueValues uniques, NewRows rows, CancellationToken ct)
    {
        var aliases = options.UniqueWithinRoot;
        var held = await db.UniqueValues.AsNoTracking().Where(u => u.NodeId == id && aliases.Contains(u.Alias)).ToListAsync(ct);
        foreach (var alias in aliases)
        {
            var original = data.GetValue(alias)?.Trim();
            var value = original?.ToUpperInvariant();
            var mine = held.Where(h => h.Alias == alias).ToList();
            if (mine is [var same] && same.Value == value && same.ScopeKey == scope)
                continue;
            if (!string.IsNullOrEmpty(value) && !await uniques.ClaimAsync(scope, alias, value, rows.Uniques, ct))
                throw new USyncImportException([$"{file}: '{alias}' value '{original}' is used by another item in the same institution."]);
            foreach (var old in mine)
                uniques.Release(old.ScopeKey, old.Alias, old.Value);
            if (mine.Count > 0)
                await db.UniqueValues.Where(u => u.NodeId == id && u.Alias == alias).ExecuteDeleteAsync(ct);
            if (!string.IsNullOrEmpty(value))
                rows.Uniques.Add(new UniqueValueEntity { ScopeKey = scope, Alias = alias, Value = value, NodeId = id });
        }
    }

    private static ContentData ToContentData(USyncNode item, ContentType type, SchemaSnapshot schema)
    {
        var data = new ContentData();
        if (type.VariesByCulture && item.CultureNames.Count > 0)
            foreach (var (culture, name) in item.CultureNames)
                data.Names[schema.Cultures.Resolve(culture)!] = name;
        else
            data.Names[ContentData.Invariant] = item.Name;
        foreach (var (alias, values) in item.Values)
        {
            if (item.IsMedia && NodeValues.MediaLabels.Contains(alias))
                continue;
            foreach (var (culture, value) in values)
                if (value.Length > 0)
                    data.SetValue(alias, culture.Length == 0 ? ContentData.Invariant : schema.Cultures.Resolve(culture)!, value);
        }
        return data;
    }

    private static HashSet<string> PublishedCultures(USyncNode item, ContentType type, CultureSet cultures)
    {
        // Media have no publishing state in Umbraco: what exists is served.
        if (item.IsMedia)
            return [ContentData.Invariant];
        if (type.VariesByCulture && item.CultureNames.Count > 0)
            return item.PublishedCultures.Where(p => p.Value).Select(p => cultures.Resolve(p.Key)!).ToHashSet(StringComparer.OrdinalIgnoreCase);
        return item.PublishedDefault ? [ContentData.Invariant] : [];
    }

    /// What one import of nodes remembers as it goes: the node index (of existing nodes, and of new nodes with children
    /// in the package), sibling segments, unique values, and the keys the package names as parents.
    private sealed record NodeImport(Dictionary<Guid, NodeRef> Index, SiblingSegments Segments, UniqueValues Uniques, HashSet<Guid> Parents);

    /// Values that must be unique within a root, loaded once per root and alias. A million accession numbers are
    /// remembered by a 64-bit hash; a hash already seen is checked exactly (in the database, and among the rows of the
    /// batch not yet written), so a clash of hashes never refuses a number that is free.
    private sealed class UniqueValues(ArchiveDbContext db)
    {
        private readonly Dictionary<(Guid, string), HashSet<ulong>> _taken = [];

        public async Task<bool> ClaimAsync(Guid scope, string alias, string value, IReadOnlyList<UniqueValueEntity> pending, CancellationToken ct)
        {
            if (!_taken.TryGetValue((scope, alias), out var taken))
            {
                taken = [];
                await foreach (var held in db.UniqueValues.AsNoTracking().Where(u => u.ScopeKey == scope && u.Alias == alias).Select(u => u.Value).AsAsyncEnumerable().WithCancellation(ct))
                    taken.Add(Hash(held));
                _taken[(scope, alias)] = taken;
            }
            if (taken.Add(Hash(value)))
                return true;
            return !pending.Any(p => p.ScopeKey == scope && p.Alias == alias && p.Value == value)
                && !await db.UniqueValues.AnyAsync(u => u.ScopeKey == scope && u.Alias == alias && u.Value == value, ct);
        }

        public void Release(Guid scope, string alias, string value)
        {
            if (_taken.TryGetValue((scope, alias), out var taken))
                taken.Remove(Hash(value));
        }
    }

    /// URL segments already taken among siblings, loaded once per parent and culture while that parent's children are
    /// imported (the import takes siblings together). A parent of a million artefacts has three million segments: they
    /// are remembered by a 64-bit hash, not as strings (a clash of hashes would only number a segment that needed none).
    private sealed class SiblingSegments(ArchiveDbContext db)
    {
        private readonly Dictionary<string, HashSet<ulong>> _taken = [];
        private (long?, bool)? _parent;

        public async Task<string> ClaimAsync(long? parentId, bool isMedia, string culture, string name, Guid key, CancellationToken ct)
        {
            if (_parent != (parentId, isMedia))
            {
                _taken.Clear();
                _parent = (parentId, isMedia);
            }
            if (!_taken.TryGetValue(culture, out var taken))
            {
                var existing = await SiblingSegmentQuery.LoadAsync(db, parentId, isMedia, includeTrashed: true, ct);
                _taken[culture] = taken = existing[culture].Select(Hash).ToHashSet();
            }
            var segment = UrlSegment.Unique(UrlSegment.From(name) is { Length: > 0 } s ? s : key.ToString("N")[..8], candidate => taken.Contains(Hash(candidate)));
            taken.Add(Hash(segment));
            return segment;
        }
    }

    private static ulong Hash(string text) => System.IO.Hashing.XxHash3.HashToUInt64(System.Runtime.InteropServices.MemoryMarshal.AsBytes(text.AsSpan()));

    private async Task ReportMissingAsync(USyncPackage package, USyncImportOptions importOptions, ImportReport report, CancellationToken ct)
    {
        const int listed = 50;
        if (importOptions.Schema)
        {
            var keys = package.DataTypes.Select(d => d.Item.Key).Concat(package.ContentTypes.Select(c => c.Item.Key)).ToHashSet();
            var missing = await db.SchemaItems.AsNoTracking().Where(s => s.Kind != SchemaKinds.Opaque).Select(s => new { s.Key, s.Kind, s.Alias }).ToListAsync(ct);
            foreach (var item in missing.Where(m => !keys.Contains(m.Key)).Take(listed))
                report.NotInFolder.Add($"{item.Kind} '{item.Alias}' ({item.Key})");
        }
        if (importOptions.Content)
        {
            var keys = package.Nodes.Select(n => n.Key).ToHashSet();
            // Streamed: the archive may hold a million items imported from files, and only the first few missing are listed.
            var found = 0;
            await foreach (var item in db.Nodes.AsNoTracking().Where(n => n.USyncFile != null).Select(n => new { n.Key, n.IsMedia, n.USyncFile }).AsAsyncEnumerable().WithCancellation(ct))
            {
                if (keys.Contains(item.Key))
                    continue;
                report.NotInFolder.Add($"{(item.IsMedia ? "media" : "content")} {item.Key} (was {item.USyncFile})");
                if (++found == listed)
                    break;
            }
        }
    }
}
