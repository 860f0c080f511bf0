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
    internal sealed record NodeRef(long Id, string Path, int Level, bool IsMedia, string? Hash);

    private async Task<Dictionary<Guid, NodeRef>> LoadNodeIndexAsync(CancellationToken ct) =>
        await db.Nodes.AsNoTracking().Select(n => new { n.Key, n.Id, n.Path, n.Level, n.IsMedia, n.USyncHash })
            .ToDictionaryAsync(n => n.Key, n => new NodeRef(n.Id, n.Path, n.Level, n.IsMedia, n.USyncHash), ct);

    private async Task ImportNodesAsync(USyncPackage package, SchemaSnapshot schema, Dictionary<Guid, NodeRef> index, USyncImportOptions importOptions,
        ImportReport report, string actor, IProgress<ImportProgress>? progress, CancellationToken ct)
    {
        // Media before content (content picks media), parents before children.
        var ordered = package.Nodes
            .OrderBy(n => n.Item.IsMedia ? 0 : 1).ThenBy(n => n.Item.Level).ThenBy(n => n.Item.SortOrder)
            .ToList();
        var segments = new SiblingSegments(db);
        var uniques = new HashSet<(Guid, string, string)>();
        var done = 0;
        var autoDetect = db.ChangeTracker.AutoDetectChangesEnabled;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            foreach (var levelGroup in ordered.GroupBy(n => (n.Item.IsMedia, n.Item.Level)))
            {
                foreach (var batch in levelGroup.Chunk(importOptions.BatchSize))
                {
                    var created = new List<(NodeEntity Node, string ParentPath)>();
                    foreach (var entry in batch)
                    {
                        var added = await ImportNodeAsync(entry, schema, index, segments, uniques, importOptions, report, actor, ct);
                        if (added is not null)
                            created.Add(added.Value);
                    }
                    db.ChangeTracker.DetectChanges();
                    await db.SaveChangesAsync(ct);
                    // Paths hold ids, which the database has only just assigned.
                    foreach (var (node, parentPath) in created)
                    {
                        node.Path = parentPath.Length == 0 ? $"{node.Id}" : $"{parentPath},{node.Id}";
                        index[node.Key] = new NodeRef(node.Id, node.Path, node.Level, node.IsMedia, node.USyncHash);
                    }
                    db.ChangeTracker.DetectChanges();
                    await db.SaveChangesAsync(ct);
                    db.ChangeTracker.Clear();
                    done += batch.Length;
                    progress?.Report(new ImportProgress("content and media", done, ordered.Count));
                }
            }
        }
        finally
        {
            db.ChangeTracker.AutoDetectChangesEnabled = autoDetect;
        }
    }

    private async Task<(NodeEntity, string)?> ImportNodeAsync(USyncEntry<USyncNode> entry, SchemaSnapshot schema, Dictionary<Guid, NodeRef> index,
        SiblingSegments segments, HashSet<(Guid, string, string)> uniques, USyncImportOptions importOptions, ImportReport report, string actor, CancellationToken ct)
    {
        var item = entry.Item;
        var label = item.IsMedia ? "media" : "content";
        var hash = Hash(entry.SourceXml);
        var type = schema.FindType(item.ContentTypeAlias, item.IsMedia ? ContentTypeKind.Media : ContentTypeKind.Document)!;
        var exists = index.TryGetValue(item.Key, out var known);
        if (exists && known!.Hash == hash)
        {
            report.Count(report.Unchanged, label);
            return null;
        }

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
        }
        var published = PublishedCultures(item, type, schema.Cultures);

        if (exists)
        {
            await UpdateNodeAsync(known!.Id, item, data, published, hash, entry.File, parent, schema, segments, actor, now, ct);
            report.Count(report.Updated, label);
            return null;
        }

        var node = new NodeEntity
        {
            Key = item.Key,
            IsMedia = item.IsMedia,
            ContentTypeAlias = type.Alias,
            ParentId = parent?.Id,
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
        db.Nodes.Add(node);
        foreach (var (culture, name) in data.Names)
        {
            var segment = await segments.ClaimAsync(parent?.Id, item.IsMedia, culture, name, item.Key, ct);
            data.Segments[culture] = segment;
            var isPublished = published.Contains(culture);
            db.NodeCultures.Add(new NodeCultureEntity
            {
                Node = node, Culture = culture, Name = name, UrlSegment = segment, Published = isPublished,
                PublishedName = isPublished ? name : null, PublishedUrlSegment = isPublished ? segment : null, PublishDate = isPublished ? now : null,
            });
        }
        db.NodeVersions.Add(new NodeVersionEntity
        {
            Node = node, Number = 1, CreatedAt = now, CreatedBy = actor, Data = data.ToJson(), IsDraft = true,
            IsPublished = published.Count > 0, IsPublishedSnapshot = published.Count > 0, Note = $"Imported from {entry.File}",
        });
        var scope = parent is null ? item.Key : RootKeyOf(parent, index);
        foreach (var alias in options.UniqueWithinRoot)
        {
            var value = data.GetValue(alias)?.Trim().ToUpperInvariant();
            if (string.IsNullOrEmpty(value))
                continue;
            if (!uniques.Add((scope, alias, value)) || await db.UniqueValues.AnyAsync(u => u.ScopeKey == scope && u.Alias == alias && u.Value == value, ct))
                throw new USyncImportException([$"{entry.File}: '{alias}' value '{data.GetValue(alias)}' is used by another item in the same institution."]);
            db.UniqueValues.Add(new UniqueValueEntity { ScopeKey = scope, Alias = alias, Value = value, Node = node });
        }
        foreach (var schedule in item.Schedule)
            db.Schedules.Add(new ScheduleEntity { Node = node, Culture = schema.Cultures.Resolve(schedule.Culture) ?? "", Action = schedule.Action, Date = schedule.Date });
        db.ChangeLog.Add(new ChangeLogEntity { Timestamp = now, EntityType = item.IsMedia ? ChangeTypes.Media : ChangeTypes.Document, Key = item.Key, Change = published.Count > 0 ? ChangeTypes.Published : ChangeTypes.Saved, Cultures = string.Join(",", published) });
        db.Audit.Add(new AuditEntity { Timestamp = now, Actor = actor, Action = "Import", EntityType = item.IsMedia ? ChangeTypes.Media : ChangeTypes.Document, EntityKey = item.Key, Comment = entry.File });
        report.Count(report.Created, label);
        return (node, parent?.Path ?? "");
    }

    private async Task UpdateNodeAsync(long id, USyncNode item, ContentData data, HashSet<string> published, string hash, string file, NodeRef? parent,
        SchemaSnapshot schema, SiblingSegments segments, string actor, DateTime now, CancellationToken ct)
    {
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
        if (node.ParentId != parent?.Id)
            MoveUnder(node, parent);
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

        void MoveUnder(NodeEntity n, NodeRef? p)
        {
            // A changed parent in the folder is applied as a move.
            n.ParentId = p?.Id;
            n.Level = (p?.Level ?? 0) + 1;
            n.Path = p is null ? $"{n.Id}" : $"{p.Path},{n.Id}";
        }
    }

    private static Guid RootKeyOf(NodeRef parent, Dictionary<Guid, NodeRef> index)
    {
        var rootId = long.Parse(parent.Path.Split(',')[0]);
        return index.First(p => p.Value.Id == rootId).Key;
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

    /// URL segments already taken among siblings, loaded once per parent and culture.
    private sealed class SiblingSegments(ArchiveDbContext db)
    {
        private readonly Dictionary<(long?, bool, string), HashSet<string>> _taken = [];

        public async Task<string> ClaimAsync(long? parentId, bool isMedia, string culture, string name, Guid key, CancellationToken ct)
        {
            if (!_taken.TryGetValue((parentId, isMedia, culture), out var taken))
            {
                var existing = await db.NodeCultures.AsNoTracking()
                    .Where(c => c.Culture == culture && db.Nodes.Any(n => n.Id == c.NodeId && n.ParentId == parentId && n.IsMedia == isMedia))
                    .Select(c => c.UrlSegment).ToListAsync(ct);
                _taken[(parentId, isMedia, culture)] = taken = existing.ToHashSet();
            }
            var segment = UrlSegment.Unique(UrlSegment.From(name) is { Length: > 0 } s ? s : key.ToString("N")[..8], taken);
            taken.Add(segment);
            return segment;
        }
    }

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
            var keys = package.Nodes.Select(n => n.Item.Key).ToHashSet();
            var missing = await db.Nodes.AsNoTracking().Where(n => n.USyncFile != null).Select(n => new { n.Key, n.IsMedia, n.USyncFile }).ToListAsync(ct);
            foreach (var item in missing.Where(m => !keys.Contains(m.Key)).Take(listed))
                report.NotInFolder.Add($"{(item.IsMedia ? "media" : "content")} {item.Key} (was {item.USyncFile})");
        }
    }
}
