using System.Text.Json;
using Archive.Data;
using Archive.Engine.Content;
using Microsoft.EntityFrameworkCore;

namespace Archive.Spreadsheets.Importing;

/// The items a picker column may name, by every label a curator might write: their names in every culture, their
/// alternative labels and former names ("Верный", "Alma-Ata"), compared without case. Read once per import.
public sealed class Vocabulary
{
    private readonly Dictionary<string, Dictionary<string, HashSet<Guid>>> _byType = new(StringComparer.Ordinal);
    private readonly Dictionary<Guid, string> _names = [];

    /// The label of an item for exports: its name in the culture asked for, else in any.
    public string NameOf(Guid key) => _names.GetValueOrDefault(key) ?? key.ToString();

    public static async Task<Vocabulary> LoadAsync(ArchiveDbContext db, IReadOnlyCollection<string> types, string defaultCulture, CancellationToken ct)
    {
        var vocabulary = new Vocabulary();
        var nodes = await db.Nodes.AsNoTracking().Where(n => !n.IsMedia && !n.Trashed && types.Contains(n.ContentTypeAlias))
            .Select(n => new { n.Id, n.Key, n.ContentTypeAlias }).ToListAsync(ct);
        var ids = nodes.Select(n => n.Id).ToList();
        var names = (await db.NodeCultures.AsNoTracking().Where(c => ids.Contains(c.NodeId)).Select(c => new { c.NodeId, c.Culture, c.Name }).ToListAsync(ct))
            .ToLookup(c => c.NodeId);
        var drafts = (await db.NodeVersions.AsNoTracking().Where(v => ids.Contains(v.NodeId) && v.IsDraft).Select(v => new { v.NodeId, v.Data }).ToListAsync(ct))
            .ToDictionary(v => v.NodeId, v => v.Data);
        foreach (var node in nodes)
        {
            var labels = vocabulary.Labels(node.ContentTypeAlias);
            var own = names[node.Id].ToList();
            vocabulary._names[node.Key] = own.FirstOrDefault(n => n.Culture.Equals(defaultCulture, StringComparison.OrdinalIgnoreCase))?.Name ?? own.FirstOrDefault()?.Name ?? node.Key.ToString();
            var all = own.Select(n => n.Name).ToList();
            if (drafts.TryGetValue(node.Id, out var json))
            {
                var data = ContentData.FromJson(json);
                all.AddRange(data.Names.Values);
                foreach (var alias in new[] { "alternativeLabels", "formerNames" })
                    foreach (var value in data.Values.GetValueOrDefault(alias)?.Values ?? Enumerable.Empty<string>())
                        all.AddRange(value.Split(['\n', ';', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                            .Select(v => v.Split('(')[0].Trim()));
            }
            foreach (var label in all.Where(l => l.Length > 0).Select(Normalize).Distinct())
            {
                if (!labels.TryGetValue(label, out var keys))
                    labels[label] = keys = [];
                keys.Add(node.Key);
            }
        }
        return vocabulary;
    }

    private Dictionary<string, HashSet<Guid>> Labels(string type)
    {
        if (!_byType.TryGetValue(type, out var labels))
            _byType[type] = labels = new Dictionary<string, HashSet<Guid>>(StringComparer.Ordinal);
        return labels;
    }

    /// The items of these types a label names (none, one, or several when it is ambiguous).
    public IReadOnlyCollection<Guid> Find(string label, IReadOnlyCollection<string> types)
    {
        var normalized = Normalize(label);
        var found = new HashSet<Guid>();
        foreach (var type in types)
            if (_byType.TryGetValue(type, out var labels) && labels.TryGetValue(normalized, out var keys))
                found.UnionWith(keys);
        return found;
    }

    private static string Normalize(string label) => string.Join(' ', label.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).ToUpperInvariant();

    /// The content types a picker's configuration lets it pick (its `filter`), else terms and people.
    public static IReadOnlyCollection<string> TypesOf(string? configJson)
    {
        try
        {
            using var config = JsonDocument.Parse(string.IsNullOrWhiteSpace(configJson) ? "{}" : configJson);
            if (config.RootElement.TryGetProperty("filter", out var filter) && filter.GetString() is { Length: > 0 } types)
                return types.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        }
        catch (JsonException)
        {
        }
        return ["term", "person"];
    }
}
