using Archive.Engine.Content;
using Archive.Engine.Editors;
using Archive.Engine.Publishing;
using Archive.Engine.Schema;

namespace Archive.Search.Indexing;

/// One node as the index sees it: where it sits and, per culture, its searchable text.
/// Built from the engine's model, so the index never needs the database's types.
public sealed record IndexedNode(
    Guid Key,
    string ContentTypeAlias,
    bool IsMedia,
    IReadOnlyList<Guid> AncestorKeys,
    int Level,
    int SortOrder,
    DateTime CreateDate,
    DateTime UpdateDate,
    IReadOnlyList<IndexedCulture> Cultures)
{
    /// Sort orders of the ancestors and the item, root first (tree order).
    public IReadOnlyList<int> PathSortOrders { get; init; } = [];
}

/// A culture's document ("" for invariant items): published, or a draft that only preview may see.
public sealed record IndexedCulture(string Culture, bool Published, string Name, string Text, int? DatingEarliest, int? DatingLatest)
{
    /// Facet name → values (term keys, centuries, "true"/"false").
    public IReadOnlyDictionary<string, List<string>> Facets { get; init; } = new Dictionary<string, List<string>>();

    /// A published document whose culture also has a newer draft document (preview sees the draft).
    public bool HasDraft { get; init; }

    /// A published document's update is the published version's; a draft document's is the node's.
    public DateTime? UpdateDate { get; init; }

    /// Property alias → values filters and sorts compare (strings, doubles, UTC dates).
    public IReadOnlyDictionary<string, List<object>> Comparables { get; init; } = new Dictionary<string, List<object>>();
}

public static class IndexedNodeBuilder
{
    /// The searchable text of one culture of a version: its name and every non-private text value
    /// (the culture's own and the invariant ones). Private (sensitive) properties never reach the index.
    public static IndexedCulture Culture(ContentData data, string culture, bool published, ContentType? type, SchemaSnapshot schema, PropertyEditors editors,
        IReadOnlyList<Ancestor>? ancestors = null, IReadOnlyCollection<Guid>? exhibitions = null)
    {
        var name = data.NameFor(culture) ?? "";
        var parts = new List<string> { name };
        int? earliest = null, latest = null;
        var comparables = new Dictionary<string, List<object>>();
        var properties = type is null ? [] : schema.PropertiesOf(type);
        foreach (var property in properties)
        {
            if (property.IsSensitive)
                continue;
            var editor = editors.For(property.EditorAlias);
            foreach (var source in new[] { culture, ContentData.Invariant }.Distinct())
            {
                if (data.GetValue(property.Alias, source) is not { Length: > 0 } stored)
                    continue;
                if (editor is HistoricalDatingEditor && HistoricalDatingEditor.Read(stored) is { } dating)
                    (earliest, latest) = (dating.Earliest, dating.Latest);
                try
                {
                    if (editor.TextOf(stored) is { Length: > 0 } text)
                        parts.Add(text);
                    foreach (var value in editor.ComparableValuesOf(stored))
                        (comparables.TryGetValue(property.Alias, out var list) ? list : comparables[property.Alias] = []).Add(value);
                }
                catch (System.Text.Json.JsonException)
                {
                    // A value the editor cannot read is not searchable; it is still stored as it came.
                }
            }
        }
        return new IndexedCulture(culture, published, name, string.Join("\n", parts), earliest, latest)
        {
            Facets = FacetValues.Of(data, type is null ? [] : FacetNames.PickersOf(schema, type), ancestors ?? [], exhibitions ?? [], earliest, latest),
            Comparables = comparables,
        };
    }
}

/// The index's documents of one item: a published document per culture the public projection shows
/// (built from that projection alone), and for preview a draft document per unpublished or edited
/// culture (from the draft, sensitive values removed all the same). Private records have neither.
public static class IndexedNodeProjection
{
    public static IndexedNode From(ProjectedItem item, SchemaSnapshot schema, PropertyEditors editors, ILookup<Guid, Guid> exhibitionsByObject)
    {
        var stored = item.Stored;
        var type = schema.FindType(stored.ContentTypeAlias, stored.IsMedia ? ContentTypeKind.Media : ContentTypeKind.Document);
        var ancestors = stored.Ancestors.Select(a => new Ancestor(a.Key, a.ContentTypeAlias)).ToList();
        var exhibitions = exhibitionsByObject[stored.Key].ToList();
        // Preview documents are needed only for cultures unpublished or edited: most items have none.
        var preview = new Lazy<PublicItem?>(() => PublicProjection.Preview(stored, schema));
        // The index answers content queries: media are found through the cache, and are offered only to preview.
        var visible = stored.IsMedia ? null : item.Public;
        var documents = new List<IndexedCulture>();
        foreach (var state in stored.Cultures)
        {
            var published = visible is not null && visible.Cultures.ContainsKey(state.Culture);
            var hasDraft = (!published || state.Edited) && preview.Value is not null;
            if (published)
                documents.Add(IndexedNodeBuilder.Culture(visible!.Data, state.Culture, true, type, schema, editors, ancestors, exhibitions) with { HasDraft = hasDraft, UpdateDate = visible!.UpdateDate });
            if (hasDraft)
                documents.Add(IndexedNodeBuilder.Culture(preview.Value!.Data, state.Culture, false, type, schema, editors, ancestors, exhibitions));
        }
        return new IndexedNode(stored.Key, stored.ContentTypeAlias, stored.IsMedia, ancestors.Select(a => a.Key).ToList(), stored.Level, stored.SortOrder,
            stored.CreateDate, stored.UpdateDate, documents)
        {
            PathSortOrders = [.. stored.Ancestors.Select(a => a.SortOrder), stored.SortOrder],
        };
    }
}
