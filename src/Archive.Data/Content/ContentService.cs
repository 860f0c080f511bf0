using Archive.Data.Entities;
using Archive.Data.Schema;
using Archive.Engine.Content;
using Archive.Engine.Editors;
using Archive.Engine.Schema;
using Archive.Engine.Segments;
using Microsoft.EntityFrameworkCore;

namespace Archive.Data.Content;

/// Writes to content and media: every operation checks the engine's rules first, then changes the
/// node, its versions, the audit trail and the change log in one transaction.
public sealed partial class ContentService(ArchiveDbContext db, SchemaStore schemas, PropertyEditors editors, ContentOptions options, TimeProvider clock)
{
    public ArchiveDbContext Db => db;

    public async Task<OperationResult> CreateAsync(Guid? parentKey, string contentTypeAlias, ContentEdit edit, string actor,
        Guid? key = null, bool isMedia = false, CancellationToken ct = default)
    {
        var schema = await schemas.GetAsync(db, ct);
        var type = schema.FindType(contentTypeAlias, isMedia ? ContentTypeKind.Media : ContentTypeKind.Document);
        if (type is null)
            return OperationResult.Fail(OperationStatus.ValidationFailed, "$.documentType", $"'{contentTypeAlias}' is not a {(isMedia ? "media" : "document")} type.");
        NodeEntity? parent = null;
        if (parentKey is { } pk)
        {
            parent = await db.Nodes.FirstOrDefaultAsync(n => n.Key == pk && n.IsMedia == isMedia, ct);
            if (parent is null)
                return OperationResult.Fail(OperationStatus.ValidationFailed, "$.parent", $"No parent with key {pk}.");
            if (parent.Trashed)
                return OperationResult.Fail(OperationStatus.NotAllowed, "$.parent", "The parent is in the recycle bin.");
        }
        var parentType = parent is null ? null : schema.FindType(parent.ContentTypeAlias, isMedia ? ContentTypeKind.Media : ContentTypeKind.Document);
        if (ContentRules.CanPlace(type, parentType, schema) is { } placement)
            return OperationResult.Fail(OperationStatus.NotAllowed, [placement]);
        if (key is { } k && await db.Nodes.AnyAsync(n => n.Key == k, ct))
            return OperationResult.Fail(OperationStatus.ValidationFailed, "$.id", $"An item with key {k} exists already.");

        var data = new ContentData();
        var problems = ContentRules.ApplyEdit(data, type, edit, schema, editors);
        if (problems.Count > 0)
            return OperationResult.Fail(OperationStatus.ValidationFailed, problems);

        var now = clock.GetUtcNow().UtcDateTime;
        var siblings = db.Nodes.Where(n => n.ParentId == (parent == null ? null : parent.Id) && n.IsMedia == isMedia);
        var node = new NodeEntity
        {
            Key = key ?? Guid.NewGuid(),
            IsMedia = isMedia,
            ContentTypeAlias = type.Alias,
            ParentId = parent?.Id,
            Level = (parent?.Level ?? 0) + 1,
            SortOrder = (await siblings.MaxAsync(n => (int?)n.SortOrder, ct) ?? -1) + 1,
            CreateDate = now,
            UpdateDate = now,
            CreatedBy = actor,
            UpdatedBy = actor,
            Revision = 1,
        };
        // Inside a caller's transaction (a batch of rows imported together) the caller commits.
        await using var tx = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        db.Nodes.Add(node);
        await db.SaveChangesAsync(ct);
        node.Path = parent is null ? $"{node.Id}" : $"{parent.Path},{node.Id}";

        await AssignSegmentsAsync(node, data, ct);
        var uniqueness = await ClaimUniqueValuesAsync(node, data, ct);
        if (uniqueness.Count > 0)
        {
            db.ChangeTracker.Clear();
            return OperationResult.Fail(OperationStatus.DuplicateValue, uniqueness);
        }
        db.NodeVersions.Add(new NodeVersionEntity { Node = node, Number = 1, CreatedAt = now, CreatedBy = actor, Data = data.ToJson(), IsDraft = true });
        Log(node, ChangeTypes.Saved, null);
        Audit(actor, "Create", node, null, null);
        var result = await CommitAsync(node, ct);
        if (result.Succeeded && tx is not null)
            await tx.CommitAsync(ct);
        return result;
    }

    public async Task<OperationResult> SaveAsync(Guid key, ContentEdit edit, string actor, int? expectedRevision = null, CancellationToken ct = default)
    {
        var (node, failure) = await FindForChangeAsync(key, expectedRevision, ct);
        if (node is null)
            return failure!;
        if (node.Trashed)
            return OperationResult.Fail(OperationStatus.NotAllowed, "$.id", "The item is in the recycle bin; restore it before editing.");
        var schema = await schemas.GetAsync(db, ct);
        var type = TypeOf(node, schema);
        if (type is null)
            return OperationResult.Fail(OperationStatus.ValidationFailed, "$.documentType", $"The item's type '{node.ContentTypeAlias}' no longer exists.");

        var draftVersion = await DraftAsync(node, ct);
        var data = ContentData.FromJson(draftVersion.Data);
        var problems = ContentRules.ApplyEdit(data, type, edit, schema, editors);
        if (problems.Count > 0)
            return OperationResult.Fail(OperationStatus.ValidationFailed, problems);

        await AssignSegmentsAsync(node, data, ct);
        var uniqueness = await ClaimUniqueValuesAsync(node, data, ct);
        if (uniqueness.Count > 0)
        {
            db.ChangeTracker.Clear();
            return OperationResult.Fail(OperationStatus.DuplicateValue, uniqueness);
        }
        await AddDraftAsync(node, draftVersion, data, actor, null, ct);
        Log(node, ChangeTypes.Saved, null);
        Audit(actor, "Save", node, string.Join(",", edit.Names.Keys.Concat(edit.Values.Select(v => v.Culture ?? "")).Where(c => c.Length > 0).Distinct()), null);
        return await CommitAsync(node, ct);
    }

    public async Task<OperationResult> PublishAsync(Guid key, IReadOnlyCollection<string>? cultures, string actor, int? expectedRevision = null, CancellationToken ct = default)
    {
        var (node, failure) = await FindForChangeAsync(key, expectedRevision, ct);
        if (node is null)
            return failure!;
        if (node.Trashed)
            return OperationResult.Fail(OperationStatus.NotAllowed, "$.id", "An item in the recycle bin cannot be published.");
        var schema = await schemas.GetAsync(db, ct);
        var type = TypeOf(node, schema)!;
        var draftVersion = await DraftAsync(node, ct);
        var draft = ContentData.FromJson(draftVersion.Data);
        var nodeCultures = await db.NodeCultures.Where(c => c.NodeId == node.Id).ToListAsync(ct);

        List<string> targets;
        if (!type.VariesByCulture)
            targets = [ContentData.Invariant];
        else if (cultures is null || cultures.Count == 0 || cultures.Contains("*"))
            targets = draft.Names.Keys.Where(c => c.Length > 0).ToList();
        else if (ResolveCultures(cultures, schema) is { } resolved)
            targets = resolved;
        else
            return UnknownCulture(cultures, schema);
        var problems = ContentRules.CanPublish(draft, type, targets, schema, editors);
        if (type.VariesByCulture)
        {
            foreach (var mandatory in schema.Cultures.Languages.Where(l => l.IsMandatory))
            {
                var already = nodeCultures.Any(c => c.Culture.Equals(mandatory.IsoCode, StringComparison.OrdinalIgnoreCase) && c.Published);
                if (!already && !targets.Contains(mandatory.IsoCode, StringComparer.OrdinalIgnoreCase))
                    problems.Add(new ContentProblem("$.cultures", mandatory.IsoCode, $"'{mandatory.IsoCode}' is a mandatory language; publish it too."));
            }
        }
        if (problems.Count > 0)
            return OperationResult.Fail(OperationStatus.ValidationFailed, problems);
        if (await BookingFailureAsync(node, draft, ct) is { } refused)
            return refused;
        if (node.ParentId is { } parentId)
        {
            var parentCultures = await db.NodeCultures.Where(c => c.NodeId == parentId && c.Published).Select(c => c.Culture).ToListAsync(ct);
            var missing = targets.Where(t => !parentCultures.Contains(t, StringComparer.OrdinalIgnoreCase) && !parentCultures.Contains(ContentData.Invariant)).ToList();
            if (parentCultures.Count == 0 || (parentCultures.Any(c => c.Length > 0) && missing.Count > 0))
                return OperationResult.Fail(OperationStatus.ParentNotPublished, "$.parent", "The parent is not published" + (missing.Count > 0 && parentCultures.Count > 0 ? $" in {string.Join(", ", missing)}." : "."));
        }

        var previous = await db.NodeVersions.FirstOrDefaultAsync(v => v.NodeId == node.Id && v.IsPublished, ct);
        var snapshot = PublishedSnapshot.Merge(previous is null ? null : ContentData.FromJson(previous.Data), draft, targets, type, schema);
        var now = clock.GetUtcNow().UtcDateTime;
        if (previous is not null)
            previous.IsPublished = false;
        db.NodeVersions.Add(new NodeVersionEntity
        {
            NodeId = node.Id,
            Number = await NextVersionNumberAsync(node, ct),
            CreatedAt = now,
            CreatedBy = actor,
            Data = snapshot.ToJson(),
            IsPublished = true,
            IsPublishedSnapshot = true,
        });
        foreach (var culture in targets)
        {
            var state = nodeCultures.FirstOrDefault(c => c.Culture.Equals(culture, StringComparison.OrdinalIgnoreCase));
            if (state is null)
                continue;
            state.Published = true;
            state.PublishedName = state.Name;
            state.PublishedUrlSegment = state.UrlSegment;
            state.PublishDate = now;
            state.Edited = false;
        }
        Touch(node, actor);
        Log(node, ChangeTypes.Published, targets);
        Audit(actor, "Publish", node, string.Join(",", targets), null);
        return await CommitAsync(node, ct);
    }

    public async Task<OperationResult> UnpublishAsync(Guid key, IReadOnlyCollection<string>? cultures, string actor, int? expectedRevision = null, CancellationToken ct = default)
    {
        var (node, failure) = await FindForChangeAsync(key, expectedRevision, ct);
        if (node is null)
            return failure!;
        var schema = await schemas.GetAsync(db, ct);
        var nodeCultures = await db.NodeCultures.Where(c => c.NodeId == node.Id).ToListAsync(ct);
        List<string> targets;
        if (cultures is null || cultures.Count == 0 || cultures.Contains("*"))
            targets = nodeCultures.Select(c => c.Culture).ToList();
        else if (ResolveCultures(cultures, schema) is { } resolved)
            targets = resolved;
        else
            return UnknownCulture(cultures, schema);
        // Unpublishing a mandatory language takes the whole item offline, as in Umbraco.
        if (targets.Any(t => schema.Cultures.Languages.Any(l => l.IsMandatory && l.IsoCode.Equals(t, StringComparison.OrdinalIgnoreCase))))
            targets = nodeCultures.Select(c => c.Culture).ToList();
        foreach (var state in nodeCultures.Where(c => targets.Contains(c.Culture, StringComparer.OrdinalIgnoreCase)))
        {
            state.Published = false;
            state.Edited = true;
        }
        if (nodeCultures.All(c => !c.Published))
            foreach (var version in await db.NodeVersions.Where(v => v.NodeId == node.Id && v.IsPublished).ToListAsync(ct))
                version.IsPublished = false;
        Touch(node, actor);
        Log(node, ChangeTypes.Unpublished, targets);
        Audit(actor, "Unpublish", node, string.Join(",", targets), null);
        return await CommitAsync(node, ct);
    }

    private async Task<(NodeEntity? Node, OperationResult? Failure)> FindForChangeAsync(Guid key, int? expectedRevision, CancellationToken ct)
    {
        var node = await db.Nodes.FirstOrDefaultAsync(n => n.Key == key, ct);
        if (node is null)
            return (null, OperationResult.NotFound(key));
        if (expectedRevision is { } expected && expected != node.Revision)
            return (null, Conflict(node));
        return (node, null);
    }

    /// The configured cultures for the requested ones, or null when one of them is not a culture of ours.
    private static List<string>? ResolveCultures(IEnumerable<string> requested, SchemaSnapshot schema)
    {
        var resolved = requested.Select(schema.Cultures.Resolve).ToList();
        return resolved.Any(r => r is null) ? null : resolved.Select(r => r!).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
    }

    private static OperationResult UnknownCulture(IEnumerable<string> requested, SchemaSnapshot schema)
    {
        var unknown = requested.First(r => schema.Cultures.Resolve(r) is null);
        return OperationResult.Fail(OperationStatus.CultureNotAllowed, "$.cultures", $"'{unknown}' is not one of the archive's cultures.", unknown);
    }

    private static ContentType? TypeOf(NodeEntity node, SchemaSnapshot schema) =>
        schema.FindType(node.ContentTypeAlias, node.IsMedia ? ContentTypeKind.Media : ContentTypeKind.Document);

    private async Task<NodeVersionEntity> DraftAsync(NodeEntity node, CancellationToken ct) =>
        await db.NodeVersions.FirstOrDefaultAsync(v => v.NodeId == node.Id && v.IsDraft, ct)
        ?? throw new InvalidOperationException($"Node {node.Key} has no draft version.");

    private async Task<int> NextVersionNumberAsync(NodeEntity node, CancellationToken ct)
    {
        var stored = await db.NodeVersions.Where(v => v.NodeId == node.Id).MaxAsync(v => (int?)v.Number, ct) ?? 0;
        var pending = db.ChangeTracker.Entries<NodeVersionEntity>().Where(e => e.State == EntityState.Added && e.Entity.NodeId == node.Id).Select(e => e.Entity.Number).DefaultIfEmpty(0).Max();
        return Math.Max(stored, pending) + 1;
    }

    private async Task AddDraftAsync(NodeEntity node, NodeVersionEntity previousDraft, ContentData data, string actor, string? note, CancellationToken ct)
    {
        previousDraft.IsDraft = false;
        db.NodeVersions.Add(new NodeVersionEntity
        {
            NodeId = node.Id,
            Number = await NextVersionNumberAsync(node, ct),
            CreatedAt = clock.GetUtcNow().UtcDateTime,
            CreatedBy = actor,
            Data = data.ToJson(),
            IsDraft = true,
            Note = note,
        });
        await foreach (var state in db.NodeCultures.Where(c => c.NodeId == node.Id && c.Published).AsAsyncEnumerable().WithCancellation(ct))
            state.Edited = true;
        Touch(node, actor);
    }

    private void Touch(NodeEntity node, string actor)
    {
        node.Revision++;
        node.UpdateDate = clock.GetUtcNow().UtcDateTime;
        node.UpdatedBy = actor;
    }

    /// One URL segment per culture name, unique among the node's siblings in that culture.
    private async Task AssignSegmentsAsync(NodeEntity node, ContentData data, CancellationToken ct)
    {
        var states = await db.NodeCultures.Where(c => c.NodeId == node.Id).ToListAsync(ct);
        foreach (var (culture, name) in data.Names)
        {
            var state = states.FirstOrDefault(c => c.Culture.Equals(culture, StringComparison.OrdinalIgnoreCase));
            // An unchanged name keeps its segment (moves re-check theirs): most saves touch values only.
            if (state is not null && state.Name == name)
            {
                data.Segments[culture] = state.UrlSegment;
                continue;
            }
            var wanted = UrlSegment.From(name) is { Length: > 0 } s ? s : node.Key.ToString("N")[..8];
            var segment = UrlSegment.Unique(wanted, await SiblingSegmentQuery.ClashesAsync(db, node.ParentId, node.IsMedia, node.Id, culture, wanted, ct));
            data.Segments[culture] = segment;
            if (state is null)
                db.NodeCultures.Add(new NodeCultureEntity { Node = node, NodeId = node.Id, Culture = culture, Name = name, UrlSegment = segment, Edited = true });
            else
            {
                state.Name = name;
                state.UrlSegment = segment;
            }
        }
    }

    private async Task<List<ContentProblem>> ClaimUniqueValuesAsync(NodeEntity node, ContentData data, CancellationToken ct)
    {
        var problems = new List<ContentProblem>();
        if (options.UniqueWithinRoot.Count == 0)
            return problems;
        // Only the values this rule keeps unique; others (a media file's hash) belong to other owners.
        var aliases = options.UniqueWithinRoot.ToList();
        var existing = await db.UniqueValues.Where(u => u.NodeId == node.Id && aliases.Contains(u.Alias)).ToListAsync(ct);
        var wanted = options.UniqueWithinRoot
            .Select(alias => (Alias: alias, Value: data.GetValue(alias)?.Trim()))
            .Where(v => !string.IsNullOrEmpty(v.Value)).ToList();
        if (existing.Count == 0 && wanted.Count == 0)
            return problems;
        var scope = await InstitutionClaims.ScopeOfAsync(db, node, ct);
        // Unchanged values were checked when they were claimed (under this institution: a move carries claims along).
        if (existing.Count == wanted.Count && wanted.All(w => existing.Any(e => e.Alias == w.Alias && e.Value == w.Value!.ToUpperInvariant() && e.ScopeKey == scope)))
            return problems;
        db.UniqueValues.RemoveRange(existing);
        foreach (var (alias, value) in wanted)
        {
            var normalized = value!.ToUpperInvariant();
            if (await TakenAsync(scope, alias, value, node.Id, ct) is { } taken)
                problems.Add(taken);
            else if (existing.FirstOrDefault(e => e.Alias == alias && e.Value == normalized) is { } same)
                db.Entry(same).State = EntityState.Unchanged;
            else
                db.UniqueValues.Add(new UniqueValueEntity { ScopeKey = scope, Alias = alias, Value = normalized, Node = node, NodeId = node.Id });
        }
        return problems;
    }

    private void Log(NodeEntity node, string change, IEnumerable<string>? cultures) => db.ChangeLog.Add(new ChangeLogEntity
    {
        Timestamp = clock.GetUtcNow().UtcDateTime,
        EntityType = node.IsMedia ? ChangeTypes.Media : ChangeTypes.Document,
        Key = node.Key,
        Change = change,
        Cultures = cultures is null ? null : string.Join(",", cultures),
    });

    private void Audit(string actor, string action, NodeEntity node, string? cultures, string? comment) => db.Audit.Add(new AuditEntity
    {
        Timestamp = clock.GetUtcNow().UtcDateTime,
        Actor = actor,
        Action = action,
        EntityType = node.IsMedia ? ChangeTypes.Media : ChangeTypes.Document,
        EntityKey = node.Key,
        Cultures = string.IsNullOrEmpty(cultures) ? null : cultures,
        Comment = comment,
    });

    private static OperationResult Conflict(NodeEntity node) =>
        new(OperationStatus.ConcurrencyConflict, [new ContentProblem("$.revision", null, $"The item was changed by someone else (current revision {node.Revision}); reload it and apply your change again.")], node.Key, node.Revision);

    private async Task<OperationResult> CommitAsync(NodeEntity node, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return OperationResult.Ok(node.Key, node.Revision);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            var current = await db.Nodes.AsNoTracking().FirstOrDefaultAsync(n => n.Key == node.Key, ct);
            return current is null ? OperationResult.NotFound(node.Key) : Conflict(current);
        }
        catch (DbUpdateException ex) when (ex.Entries.Any(e => e.Entity is UniqueValueEntity))
        {
            db.ChangeTracker.Clear();
            return OperationResult.Fail(OperationStatus.DuplicateValue, "$.values", "A value that must be unique in its institution was taken by a concurrent save.");
        }
    }
}
