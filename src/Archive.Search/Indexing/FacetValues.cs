using Archive.Engine.Content;
using Archive.Engine.Editors;
using Archive.Engine.Publishing;

namespace Archive.Search.Indexing;

/// The facets visitors narrow by. Vocabulary facets hold term keys, so one material is one value in
/// every language; labels are looked up in the request's culture when counts are returned.
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

    public static readonly string[] All = [Institution, Collection, ObjectType, Material, Century, People, Exhibition, HasImage];

    public static string Field(string facet) => "f_" + facet;

    /// Facets whose values are keys of other items (labelled by those items' names).
    public static bool IsKeyed(string facet) => facet is not (Century or HasImage);
}

/// An ancestor of an item, with its type, so institution and collection facets can be found.
public sealed record Ancestor(Guid Key, string ContentTypeAlias);

public static class FacetValues
{
    private static readonly (string Facet, string Alias)[] Pickers =
        [(FacetNames.ObjectType, ArchiveAliases.ObjectType), (FacetNames.Material, ArchiveAliases.Materials), (FacetNames.People, ArchiveAliases.Peoples)];

    public static Dictionary<string, List<string>> Of(ContentData data, IReadOnlyList<Ancestor> ancestors, IReadOnlyCollection<Guid> exhibitions, int? datingEarliest, int? datingLatest)
    {
        var facets = new Dictionary<string, List<string>>();
        if (ancestors.FirstOrDefault(a => a.ContentTypeAlias == ArchiveAliases.Institution) is { } institution)
            facets[FacetNames.Institution] = [institution.Key.ToString()];
        if (ancestors.LastOrDefault(a => a.ContentTypeAlias == ArchiveAliases.Collection) is { } collection)
            facets[FacetNames.Collection] = [collection.Key.ToString()];
        foreach (var (facet, alias) in Pickers)
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
