using Archive.Engine.Content;
using Archive.Engine.Schema;
using Microsoft.EntityFrameworkCore;

namespace Archive.Data.Content;

public sealed partial class ContentService
{
    /// What saving an edit (and, when cultures are given, publishing them) would refuse, with the same rules
    /// and paths, changing nothing: for an existing item (key), or for a new one of a type under a parent.
    public async Task<OperationResult> ValidateAsync(Guid? key, Guid? parentKey, string? contentTypeAlias, ContentEdit edit, IReadOnlyCollection<string>? publishCultures,
        bool isMedia = false, CancellationToken ct = default)
    {
        var schema = await schemas.GetAsync(db, ct);
        var kind = isMedia ? ContentTypeKind.Media : ContentTypeKind.Document;
        NodeEntityView? node = key is { } k
            ? await db.Nodes.AsNoTracking().Where(n => n.Key == k && n.IsMedia == isMedia).Select(n => new NodeEntityView(n.Id, n.Key, n.Path, n.ContentTypeAlias)).FirstOrDefaultAsync(ct)
            : null;
        if (key is not null && node is null)
            return OperationResult.Fail(OperationStatus.NotFound, "$.id", $"No item with key {key}.");
        var type = schema.FindType(node?.ContentTypeAlias ?? contentTypeAlias ?? "", kind);
        if (type is null)
            return OperationResult.Fail(OperationStatus.ValidationFailed, "$.documentType", $"'{contentTypeAlias}' is not a {(isMedia ? "media" : "document")} type.");
        var data = node is null ? new ContentData()
            : ContentData.FromJson(await db.NodeVersions.AsNoTracking().Where(v => v.NodeId == node.Id && v.IsDraft).Select(v => v.Data).FirstAsync(ct));
        var problems = ContentRules.ApplyEdit(data, type, edit, schema, editors);
        if (publishCultures is not null)
        {
            var targets = !type.VariesByCulture ? [ContentData.Invariant]
                : publishCultures.Count == 0 ? data.Names.Keys.Where(c => c.Length > 0).ToList()
                : publishCultures.ToList();
            problems.AddRange(ContentRules.CanPublish(data, type, targets, schema, editors));
        }
        // The edit's own values count even when other values of it were refused (the rules then left data as it was).
        foreach (var value in edit.Values.Where(v => options.UniqueWithinRoot.Contains(v.Alias) && v.Value is System.Text.Json.Nodes.JsonValue))
            data.SetValue(value.Alias, ContentData.Invariant, value.Value!.ToString());
        problems.AddRange(await UniquenessProblemsAsync(node, parentKey, data, ct));
        return problems.Count > 0 ? OperationResult.Fail(OperationStatus.ValidationFailed, problems) : new OperationResult(OperationStatus.Success, [], key);
    }

    private sealed record NodeEntityView(long Id, Guid Key, string Path, string ContentTypeAlias);

    /// Values another item under the same root already holds (read only: nothing is claimed).
    private async Task<List<ContentProblem>> UniquenessProblemsAsync(NodeEntityView? node, Guid? parentKey, ContentData data, CancellationToken ct)
    {
        var problems = new List<ContentProblem>();
        string? path = node?.Path ?? (parentKey is { } p ? await db.Nodes.AsNoTracking().Where(n => n.Key == p).Select(n => n.Path).FirstOrDefaultAsync(ct) : null);
        if (path is null)
            return problems; // a new root: nothing beneath it yet
        var rootId = InstitutionClaims.RootIdOf(path);
        var scope = await db.Nodes.AsNoTracking().Where(n => n.Id == rootId).Select(n => n.Key).FirstAsync(ct);
        foreach (var alias in options.UniqueWithinRoot)
        {
            if (data.GetValue(alias)?.Trim() is not { Length: > 0 } value)
                continue;
            if (await TakenAsync(scope, alias, value, node?.Id ?? -1, ct) is { } taken)
                problems.Add(taken);
        }
        return problems;
    }

    /// The problem of a value another item under the same root holds, naming that item as curators know it
    /// (its name in the default language, and its key); null when the value is free.
    private async Task<ContentProblem?> TakenAsync(Guid scope, string alias, string value, long nodeId, CancellationToken ct)
    {
        var normalized = value.ToUpperInvariant();
        var holder = await db.UniqueValues.AsNoTracking().Where(u => u.ScopeKey == scope && u.Alias == alias && u.Value == normalized && u.NodeId != nodeId)
            .Select(u => (long?)u.NodeId).FirstOrDefaultAsync(ct);
        return holder is null ? null
            : new ContentProblem($"$.values[{alias}]", null, $"'{value}' is already used by {await DescribeAsync(holder.Value, ct)} in this institution.");
    }

    /// An item as curators know it: its name in the default language (or any), and its key.
    private async Task<string> DescribeAsync(long nodeId, CancellationToken ct)
    {
        var key = await db.Nodes.AsNoTracking().Where(n => n.Id == nodeId).Select(n => n.Key).FirstAsync(ct);
        var schema = await schemas.GetAsync(db, ct);
        var names = await db.NodeCultures.AsNoTracking().Where(c => c.NodeId == nodeId).ToListAsync(ct);
        var name = (names.FirstOrDefault(c => c.Culture == schema.Cultures.Default?.IsoCode) ?? names.FirstOrDefault())?.Name;
        return name is null ? key.ToString() : $"«{name}» ({key})";
    }
}
