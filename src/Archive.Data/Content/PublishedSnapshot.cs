using Archive.Engine.Content;
using Archive.Engine.Schema;

namespace Archive.Data.Content;

/// What the public sees after publishing some cultures: the previous published state with the
/// draft's names and values for those cultures, and the draft's invariant values.
public static class PublishedSnapshot
{
    public static ContentData Merge(ContentData? previous, ContentData draft, IReadOnlyCollection<string> cultures, ContentType type, SchemaSnapshot schema)
    {
        var result = previous?.Clone() ?? new ContentData();
        foreach (var culture in cultures)
        {
            if (draft.Names.TryGetValue(culture, out var name)) result.Names[culture] = name;
            if (draft.Segments.TryGetValue(culture, out var segment)) result.Segments[culture] = segment;
        }
        var variant = schema.PropertiesOf(type).Where(p => p.Variations.VariesByCulture()).Select(p => p.Alias).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var aliases = draft.Values.Keys.Concat(result.Values.Keys).Distinct(StringComparer.Ordinal).ToList();
        foreach (var alias in aliases)
        {
            if (variant.Contains(alias))
                foreach (var culture in cultures)
                    result.SetValue(alias, culture, draft.GetValue(alias, culture));
            else
                result.SetValue(alias, ContentData.Invariant, draft.GetValue(alias));
        }
        return result;
    }
}
