using Archive.Engine.Content;
using Archive.Engine.Editors;
using Archive.Engine.Publishing;
using Archive.Engine.Schema;

namespace Archive.Search.Indexing;

/// The facets visitors narrow by: the archive's own (where an item sits, its centuries, its exhibitions,
/// whether it has an image) and one per public picker property in the schema — object type, materials,
/// peoples, maker, place of origin, and whatever pickers curators add. Picker facets hold the keys of the
/// picked items, so one material is one value in every language; labels are the picked items' names in
/// the request's culture. A picker made sensitive stops being a facet at the next change.
public static class FacetNames
{
    public const string Institution = "institution";
    public const string Collection = "collection";
    public const string ObjectType = "objectType";
    public const string Material = "material";
    public const string Century = "century";
    public const string People = "people";
    public const string Exhibition = "exhibition";
    public const string HasImage = "hasImage";

    /// The facets that do not come from a picker property.
    public static readonly string[] Own = [Institution, Collection, Century, Exhibition, HasImage];

    /// The facets of the archive's own schema, for an index built without one.
    public static readonly string[] All = [Institution, Collection, ObjectType, Material, Century, People, Exhibition, HasImage];

    /// Picker facets whose public names were settled before facets came from the schema (the alias otherwise).
    private static readonly Dictionary<string, string> SettledNames = new(StringComparer.Ordinal)
    {
        [ArchiveAliases.Materials] = Material,
        [ArchiveAliases.Peoples] = People,
    };

    public static string Field(string facet) => "f_" + facet;

    /// Facets whose values are keys of other items (labelled by those items' names).
    public static bool IsKeyed(string facet) => facet is not (Century or HasImage);

    /// The facet a picker property feeds.
    public static string OfProperty(string alias) => SettledNames.GetValueOrDefault(alias, alias);

    private static bool IsPicker(PropertyType property) => property.EditorAlias is "Umbraco.MultiNodeTreePicker" or "Umbraco.ContentPicker";

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<SchemaSnapshot, System.Collections.Concurrent.ConcurrentDictionary<Guid, (string Facet, string Alias)[]>> PickersBySchema = [];

    /// A type's public picker properties with the facet each feeds (a picker named like one of the own facets feeds none);
    /// worked out once per schema and type, as indexing asks for every culture of every item.
    public static IReadOnlyList<(string Facet, string Alias)> PickersOf(SchemaSnapshot schema, ContentType type) =>
        PickersBySchema.GetValue(schema, _ => new()).GetOrAdd(type.Key, _ =>
            schema.PropertiesOf(type).Where(p => !p.IsSensitive && IsPicker(p)).Select(p => (Facet: OfProperty(p.Alias), p.Alias)).Where(f => !Own.Contains(f.Facet)).ToArray());

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<SchemaSnapshot, IReadOnlyList<string>> BySchema = [];

    /// Every facet the schema offers: the own ones, then the picker facets of its document types.
    public static IReadOnlyList<string> Of(SchemaSnapshot schema) => BySchema.GetValue(schema, s =>
        [.. Own, .. s.ContentTypes.Where(t => t is { Kind: ContentTypeKind.Document, IsElement: false }).SelectMany(t => PickersOf(s, t))
            .Select(f => f.Facet).Distinct().Order(StringComparer.Ordinal)]);
}

/// An ancestor of an item, with its type, so institution and collection facets can be found.
public sealed record Ancestor(Guid Key, string ContentTypeAlias);

public static class FacetValues
{
    public static Dictionary<string, List<string>> Of(ContentData data, IEnumerable<(string Facet, string Alias)> pickers, IReadOnlyList<Ancestor> ancestors,
        IReadOnlyCollection<Guid> exhibitions, int? datingEarliest, int? datingLatest)
    {
        var facets = new Dictionary<string, List<string>>();
        if (ancestors.FirstOrDefault(a => a.ContentTypeAlias == ArchiveAliases.Institution) is { } institution)
            facets[FacetNames.Institution] = [institution.Key.ToString()];
        if (ancestors.LastOrDefault(a => a.ContentTypeAlias == ArchiveAliases.Collection) is { } collection)
            facets[FacetNames.Collection] = [collection.Key.ToString()];
        foreach (var (facet, alias) in pickers)
        {
            var keys = (data.GetValue(alias) ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(u => Udi.TryParse(u, out var udi) ? udi.Value.Key.ToString() : null).OfType<string>().Distinct().ToList();
            if (keys.Count > 0)
                facets[facet] = keys;
        }
        if (datingEarliest is { } earliest && datingLatest is { } latest)
            facets[FacetNames.Century] = new Engine.Dating.HistoricalDate("", earliest, latest).Centuries().Select(c => c.ToString()).ToList();
        if (exhibitions.Count > 0)
            facets[FacetNames.Exhibition] = exhibitions.Select(e => e.ToString()).ToList();
        facets[FacetNames.HasImage] = [PropertyEditors.IsEmpty(data.GetValue(ArchiveAliases.Images)) ? "false" : "true"];
        return facets;
    }
}
