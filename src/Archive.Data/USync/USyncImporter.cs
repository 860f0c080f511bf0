using System.Text.Json;
using System.Text.Json.Nodes;
using Archive.Data.Content;
using Archive.Data.Entities;
using Archive.Data.Schema;
using Archive.Engine.Content;
using Archive.Engine.Cultures;
using Archive.Engine.Editors;
using Archive.Engine.Schema;
using Archive.Engine.Segments;
using Archive.Engine.USync;
using Microsoft.EntityFrameworkCore;

namespace Archive.Data.USync;

/// Imports a uSync folder: everything is checked first (a malformed file or a dangling reference
/// refuses the whole import), then written in one transaction. Unchanged items are skipped, so an
/// import can be repeated; items the folder no longer has are reported, never deleted.
public sealed partial class USyncImporter(
    ArchiveDbContext db, SchemaStore schemas, PropertyEditors editors, IMediaImportTarget media, ContentOptions options, TimeProvider clock)
{
    public async Task<ImportReport> ImportAsync(USyncPackage package, USyncImportOptions importOptions, string actor,
        IProgress<ImportProgress>? progress = null, CancellationToken ct = default)
    {
        var report = new ImportReport();
        var existing = await SchemaStore.LoadAsync(db, ct);
        var schema = Combine(existing, package, importOptions.Schema);
        var nodeIndex = await LoadNodeIndexAsync(ct);

        var problems = new List<string>();
        if (importOptions.Schema)
            ValidateSchema(package, schema, problems);
        if (importOptions.Content)
        {
            ValidateNodes(package, schema, nodeIndex, importOptions, problems, report);
            ValidateLedgers(package, nodeIndex, problems);
        }
        if (problems.Count > 0)
            throw new USyncImportException(problems);

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (importOptions.Schema)
            await ImportSchemaAsync(package, report, actor, ct);
        if (importOptions.Content)
        {
            await ImportNodesAsync(package, schema, nodeIndex, importOptions, report, actor, progress, ct);
            await ImportLedgersAsync(package, report, ct);
        }
        await tx.CommitAsync(ct);
        schemas.Invalidate();

        foreach (var removal in package.Removals)
            report.Removals.Add($"{removal.File}: uSync marks '{removal.Alias}' ({removal.Key}) as {removal.Change}d; it was kept.");
        await ReportMissingAsync(package, importOptions, report, ct);
        return report;
    }

    private static SchemaSnapshot Combine(SchemaSnapshot existing, USyncPackage package, bool includePackage)
    {
        if (!includePackage)
            return existing;
        var languages = existing.Cultures.Languages.ToDictionary(l => l.IsoCode, StringComparer.OrdinalIgnoreCase);
        foreach (var l in package.Languages)
            languages[l.Item.IsoCode] = l.Item;
        var dataTypes = existing.DataTypes.ToDictionary(d => d.Key);
        foreach (var d in package.DataTypes)
            dataTypes[d.Item.Key] = d.Item;
        var types = existing.ContentTypes.ToDictionary(t => t.Key);
        foreach (var t in package.ContentTypes)
            types[t.Item.Key] = t.Item;
        return new SchemaSnapshot(new CultureSet(languages.Values), dataTypes.Values, types.Values);
    }

    private static void ValidateSchema(USyncPackage package, SchemaSnapshot schema, List<string> problems)
    {
        foreach (var language in package.Languages)
            if (language.Item.FallbackIsoCode is { Length: > 0 } fallback && !schema.Cultures.Contains(fallback))
                problems.Add($"{language.File}: the fallback language '{fallback}' is not defined by any Languages file.");
        foreach (var entry in package.DataTypes)
        {
            if (entry.Item.Config()["blocks"] is not JsonArray blocks)
                continue;
            foreach (var block in blocks.OfType<JsonObject>())
                foreach (var keyName in new[] { "contentElementTypeKey", "settingsElementTypeKey" })
                    if (Guid.TryParse(block[keyName]?.ToString(), out var key) && schema.FindType(key) is null)
                        problems.Add($"{entry.File}: block {keyName} {key} refers to a content type that no file defines.");
        }
        foreach (var entry in package.ContentTypes)
        {
            var type = entry.Item;
            foreach (var composition in type.Compositions)
                if (schema.FindType(composition.Key) is null)
                    problems.Add($"{entry.File}: the composition '{composition.Alias}' ({composition.Key}) is not defined by any ContentTypes file.");
            foreach (var child in type.AllowedChildren)
                if (schema.FindType(child.Key) is null)
                    problems.Add($"{entry.File}: the allowed child type '{child.Alias}' ({child.Key}) is not defined by any file.");
            foreach (var property in type.Properties)
                if (property.DataTypeKey is { } dataType && schema.FindDataType(dataType) is null)
                    problems.Add($"{entry.File}: property '{property.Alias}' uses data type {dataType}, which no DataTypes file defines.");
        }
        foreach (var domain in package.Domains)
            if (!schema.Cultures.Contains(domain.Item.Culture))
                problems.Add($"{domain.File}: the domain's language '{domain.Item.Culture}' is not defined by any Languages file.");
    }

    private void ValidateNodes(USyncPackage package, SchemaSnapshot schema, Dictionary<Guid, NodeRef> nodeIndex, USyncImportOptions importOptions,
        List<string> problems, ImportReport report)
    {
        // Duplicates found in one pass; only their files are gathered (grouping a million entries costs a million groups).
        var keys = new HashSet<Guid>(package.Nodes.Count);
        var duplicated = package.Nodes.Where(n => !keys.Add(n.Key)).Select(n => n.Key).ToHashSet();
        foreach (var duplicate in package.Nodes.Where(n => duplicated.Contains(n.Key)).GroupBy(n => n.Key))
            problems.Add($"{string.Join(", ", duplicate.Select(d => d.File))}: the same key {duplicate.Key} is used by more than one file.");
        foreach (var entry in package.Nodes)
        {
            var node = entry.Load();
            var kind = node.IsMedia ? ContentTypeKind.Media : ContentTypeKind.Document;
            var type = schema.FindType(node.ContentTypeAlias, kind);
            if (type is null)
            {
                problems.Add($"{entry.File}: the {(node.IsMedia ? "media" : "content")} type '{node.ContentTypeAlias}' is not defined by any file.");
                continue;
            }
            if (node.ParentKey != Guid.Empty && !keys.Contains(node.ParentKey) && !nodeIndex.ContainsKey(node.ParentKey))
                problems.Add($"{entry.File}: the parent '{node.ParentName}' ({node.ParentKey}) is not in the folder or the archive.");
            foreach (var culture in node.CultureNames.Keys.Concat(node.Values.Values.SelectMany(v => v.Select(c => c.Key))).Where(c => c.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase))
                if (!schema.Cultures.Contains(culture))
                    problems.Add($"{entry.File}: the culture '{culture}' is not defined by any Languages file.");
            foreach (var (alias, values) in node.Values)
            {
                var property = schema.FindProperty(type, alias);
                if (property is null)
                    continue;
                var context = new EditorContext(property.DataTypeKey is { } dt && schema.FindDataType(dt) is { } d ? d.Config() : [], schema, editors);
                foreach (var (culture, value) in values)
                    foreach (var warning in editors.For(property.EditorAlias).Inspect(value, context))
                        report.Warnings.Add($"{entry.File}: '{alias}'{(culture.Length > 0 ? $" [{culture}]" : "")} {warning}.");
            }
            if (node.IsMedia && MediaPathOf(node) is { } path)
            {
                if (importOptions.MediaFolder is null)
                    report.Warnings.Add($"{entry.File}: no media folder is configured, so '{path}' was not copied.");
                else if (!media.SourceExists(importOptions.MediaFolder, path))
                    problems.Add($"{entry.File}: the media file '/media/{path}' is not in {importOptions.MediaFolder}.");
            }
        }
    }

    internal static string? MediaPathOf(USyncNode node)
    {
        var raw = node.Values.GetValueOrDefault("umbracoFile")?.FirstOrDefault().Value;
        if (string.IsNullOrWhiteSpace(raw))
            return null;
        var src = raw.TrimStart().StartsWith('{')
            ? (JsonNode.Parse(raw)?["src"]?.ToString())
            : raw.Trim();
        if (string.IsNullOrWhiteSpace(src) || !src.StartsWith("/media/", StringComparison.OrdinalIgnoreCase))
            return null;
        var path = src["/media/".Length..];
        var query = path.IndexOf('?');
        return query >= 0 ? path[..query] : path;
    }
}
