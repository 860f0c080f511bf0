using System.Text;
using Archive.Delivery.Cache;
using Archive.Engine.Content;
using Archive.Engine.Dating;
using Archive.Engine.Editors;
using Archive.Engine.Publishing;
using Archive.Engine.Schema;

namespace Archive.Harvesting.Records;

/// A published image of an object: its media item, file and recorded size.
public sealed record RecordImage(PublishedNode Media, string FilePath, int? Width, int? Height);

/// An artefact as other systems receive it, read once from the published cache (the public projection: no private
/// field, draft or private record can be in it) for LIDO, Dublin Core and Linked Art alike. Texts are per culture;
/// picked terms, people and places are the public items themselves, named in every culture they have.
public sealed class ObjectRecord
{
    public required PublishedNode Node { get; init; }
    /// The archive's cultures, the default first.
    public required IReadOnlyList<string> Cultures { get; init; }
    public string? AccessionNumber { get; init; }
    public required IReadOnlyDictionary<string, string> Titles { get; init; }
    public required IReadOnlyDictionary<string, string> Descriptions { get; init; }
    public required IReadOnlyDictionary<string, string> Inscriptions { get; init; }
    public required IReadOnlyDictionary<string, string> Dimensions { get; init; }
    public required IReadOnlyDictionary<string, string> Techniques { get; init; }
    public required IReadOnlyDictionary<string, string> CreditLines { get; init; }
    public required IReadOnlyList<PublishedNode> ObjectTypes { get; init; }
    public required IReadOnlyList<PublishedNode> Materials { get; init; }
    public required IReadOnlyList<PublishedNode> Makers { get; init; }
    public required IReadOnlyList<PublishedNode> Peoples { get; init; }
    public required IReadOnlyList<PublishedNode> Places { get; init; }
    public HistoricalDate? Dating { get; init; }
    public PublishedNode? Institution { get; init; }
    public PublishedNode? Collection { get; init; }
    public string? Rights { get; init; }
    public required IReadOnlyList<RecordImage> Images { get; init; }

    public Guid Key => Node.Key;

    /// The first culture in the archive's order that has a text.
    public static string? First(IReadOnlyDictionary<string, string> texts, IReadOnlyList<string> cultures) =>
        cultures.Select(c => texts.GetValueOrDefault(c)).FirstOrDefault(t => !string.IsNullOrEmpty(t))
        ?? texts.GetValueOrDefault(ContentData.Invariant);

    public static ObjectRecord? Read(PublishedCache cache, Guid key) =>
        cache.Find(key) is { IsMedia: false, ContentTypeAlias: ArchiveAliases.Artefact } node ? Read(cache, node) : null;

    public static ObjectRecord Read(PublishedCache cache, PublishedNode node)
    {
        var schema = cache.Schema;
        var cultures = CulturesOf(schema);
        var data = ContentData.FromJson(Encoding.UTF8.GetString(node.Data));
        var type = schema.FindType(node.ContentTypeAlias);
        IReadOnlyDictionary<string, string> Texts(string alias) => TextsOf(schema, type, data, alias, cultures);
        IReadOnlyList<PublishedNode> Picked(string alias) => PickedNodes(cache, schema, type, data, alias);
        var ancestors = node.AncestorKeys.Select(cache.Find).OfType<PublishedNode>().ToList();
        var datingProperty = type is null ? null : schema.FindProperty(type, "dating");
        return new ObjectRecord
        {
            Node = node,
            Cultures = cultures,
            AccessionNumber = Texts(ArchiveAliases.AccessionNumber).Values.FirstOrDefault(),
            Titles = node.Cultures.Where(c => cultures.Contains(c.Key, StringComparer.OrdinalIgnoreCase) && c.Value.Name.Length > 0)
                .ToDictionary(c => c.Key.ToLowerInvariant(), c => c.Value.Name, StringComparer.OrdinalIgnoreCase),
            Descriptions = Texts("description"),
            Inscriptions = Texts("inscriptions"),
            Dimensions = Texts("dimensions"),
            Techniques = Texts("techniques"),
            CreditLines = Texts(ArchiveAliases.CreditLine),
            ObjectTypes = Picked(ArchiveAliases.ObjectType),
            Materials = Picked(ArchiveAliases.Materials),
            Makers = Picked("maker"),
            Peoples = Picked(ArchiveAliases.Peoples),
            Places = Picked("placeOfOrigin"),
            Dating = datingProperty is { IsSensitive: false } ? HistoricalDatingEditor.Read(data.GetValue(datingProperty.Alias)) : null,
            Institution = ancestors.LastOrDefault(a => a.ContentTypeAlias == ArchiveAliases.Institution),
            Collection = ancestors.LastOrDefault(a => a.ContentTypeAlias == ArchiveAliases.Collection),
            Rights = RightsOf(schema, type, data),
            Images = ImagesOf(cache, data.GetValue(ArchiveAliases.Images)),
        };
    }

    /// The archive's cultures, the default first.
    public static IReadOnlyList<string> CulturesOf(SchemaSnapshot schema) => schema.Cultures.InOrder();

    /// A public property's text in each culture that has one (or under "" when the property is invariant).
    public static IReadOnlyDictionary<string, string> TextsOf(SchemaSnapshot schema, ContentType? type, ContentData data, string alias, IReadOnlyList<string> cultures)
    {
        var texts = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (type is null || schema.FindProperty(type, alias) is not { IsSensitive: false } property)
            return texts;
        var editor = PropertyEditors.Default.For(property.EditorAlias);
        string? Text(string culture) => data.GetValue(alias, culture) is { Length: > 0 } stored ? Clean(editor.TextOf(stored)) : null;
        foreach (var culture in cultures)
            if (Text(culture) is { Length: > 0 } text)
                texts[culture] = text;
        if (texts.Count == 0 && Text(ContentData.Invariant) is { Length: > 0 } invariant)
            texts[ContentData.Invariant] = invariant;
        return texts;
    }

    private static string? Clean(string? text) =>
        text is null ? null : string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private static IReadOnlyList<PublishedNode> PickedNodes(PublishedCache cache, SchemaSnapshot schema, ContentType? type, ContentData data, string alias)
    {
        if (type is null || schema.FindProperty(type, alias) is not { IsSensitive: false })
            return [];
        // A picked item the public cannot see is not in the cache, so it is never named.
        return (data.GetValue(alias) ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(u => Udi.TryParse(u, out var udi) ? cache.Find(udi.Value.Key) : null).OfType<PublishedNode>()
            .DistinctBy(n => n.Key).ToList();
    }

    private static string? RightsOf(SchemaSnapshot schema, ContentType? type, ContentData data) =>
        type is not null && schema.FindProperty(type, Archive.Delivery.Rendering.RightsValue.Alias) is { IsSensitive: false }
            ? Archive.Delivery.Rendering.RightsValue.Of(data) : null;

    private static IReadOnlyList<RecordImage> ImagesOf(PublishedCache cache, string? picked)
    {
        var images = new List<RecordImage>();
        foreach (var mediaKey in MediaKeys(picked))
        {
            if (cache.Find(mediaKey) is not { IsMedia: true, FilePath: { } path } media || !IsImage(path))
                continue;
            var data = ContentData.FromJson(Encoding.UTF8.GetString(media.Data));
            static int? Number(string? value) => int.TryParse(value, out var n) && n > 0 ? n : null;
            images.Add(new RecordImage(media, path, Number(data.GetValue("umbracoWidth")), Number(data.GetValue("umbracoHeight"))));
        }
        return images;
    }

    private static bool IsImage(string path) =>
        Path.GetExtension(path).ToLowerInvariant() is ".jpg" or ".jpeg" or ".png" or ".webp" or ".gif" or ".tif" or ".tiff" or ".bmp";

    private static IEnumerable<Guid> MediaKeys(string? value)
    {
        if (string.IsNullOrWhiteSpace(value) || !value.TrimStart().StartsWith('['))
            yield break;
        System.Text.Json.Nodes.JsonArray? items;
        try
        {
            items = System.Text.Json.Nodes.JsonNode.Parse(value) as System.Text.Json.Nodes.JsonArray;
        }
        catch (System.Text.Json.JsonException)
        {
            yield break;
        }
        foreach (var item in items ?? [])
            if (item?["mediaKey"]?.GetValue<string>() is { } text && Guid.TryParse(text, out var key))
                yield return key;
    }
}
