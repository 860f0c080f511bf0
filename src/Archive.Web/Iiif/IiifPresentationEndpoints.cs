using System.Text;
using System.Text.Json.Nodes;
using Archive.Delivery.Cache;
using Archive.Engine.Content;
using Archive.Engine.Publishing;
using Archive.Web.Media;

namespace Archive.Web.Iiif;

/// IIIF Presentation API 3.0: a manifest per published artefact (its images as canvases with IIIF
/// image services; labels, metadata and the credit line as language maps in every culture; rights)
/// and a collection per published collection, listing its artefacts' manifests.
public static class IiifPresentationEndpoints
{
    public const string PresentationContext = "http://iiif.io/api/presentation/3/context.json";

    /// The catalogue fields a manifest shows, with their labels in the archive's first languages.
    private static readonly (string Alias, Dictionary<string, string> Label)[] MetadataFields =
    [
        (ArchiveAliases.AccessionNumber, new() { ["en"] = "Accession number", ["kk"] = "Түгендеу нөмірі", ["ru"] = "Инвентарный номер" }),
        ("objectType", new() { ["en"] = "Object type", ["kk"] = "Заттың түрі", ["ru"] = "Тип предмета" }),
        ("dating", new() { ["en"] = "Date", ["kk"] = "Мерзімі", ["ru"] = "Датировка" }),
        ("maker", new() { ["en"] = "Maker", ["kk"] = "Жасаған", ["ru"] = "Автор" }),
        ("placeOfOrigin", new() { ["en"] = "Place of origin", ["kk"] = "Шыққан жері", ["ru"] = "Место создания" }),
        ("materials", new() { ["en"] = "Materials", ["kk"] = "Материалдары", ["ru"] = "Материалы" }),
        ("techniques", new() { ["en"] = "Techniques", ["kk"] = "Техникасы", ["ru"] = "Техника" }),
        ("dimensions", new() { ["en"] = "Dimensions", ["kk"] = "Өлшемдері", ["ru"] = "Размеры" }),
        ("peoples", new() { ["en"] = "People", ["kk"] = "Халық", ["ru"] = "Народ" }),
    ];

    private static readonly Dictionary<string, string> CreditLabel = new() { ["en"] = "Credit line", ["kk"] = "Дереккөз", ["ru"] = "Источник поступления" };
    private static readonly Dictionary<string, string> CollectionLabel = new() { ["en"] = "Collection", ["kk"] = "Коллекция", ["ru"] = "Коллекция" };

    public static void MapIiifPresentation(this IEndpointRouteBuilder app)
    {
        var iiif = app.MapGroup(IiifImageEndpoints.Root).RequireCors("iiif").ExcludeFromDescription();
        iiif.MapGet("manifest/{key:guid}", Manifest);
        iiif.MapGet("collection/{key:guid}", Collection);
    }

    private static IResult Json(HttpContext context, JsonObject body)
    {
        context.Response.Headers.CacheControl = "public, max-age=300";
        return Results.Text(body.ToJsonString(), IiifImageEndpoints.JsonLdType(context, PresentationContext), Encoding.UTF8);
    }

    private static IResult Manifest(HttpContext context, Guid key, PublishedCache cache)
    {
        if (cache.Find(key) is not { IsMedia: false, ContentTypeAlias: ArchiveAliases.Artefact } artefact)
            return MediaProblems.NotFound("There is no published artefact with this key.");
        var baseUrl = IiifImageEndpoints.BaseUrl(context);
        var id = $"{baseUrl}{IiifImageEndpoints.Root}/manifest/{key}";
        var data = Data(artefact);
        var cultures = Cultures(cache);
        var manifest = new JsonObject
        {
            ["@context"] = PresentationContext,
            ["id"] = id,
            ["type"] = "Manifest",
            ["label"] = Names(artefact, cultures),
        };
        var metadata = new JsonArray();
        foreach (var (alias, label) in MetadataFields)
            if (Value(cache, data, alias, cultures) is { } value)
                metadata.Add(new JsonObject { ["label"] = LanguageMap(label), ["value"] = value });
        if (cache.Find(artefact.ParentKey) is { ContentTypeAlias: ArchiveAliases.Collection } collection)
            metadata.Add(new JsonObject { ["label"] = LanguageMap(CollectionLabel), ["value"] = Names(collection, cultures) });
        if (metadata.Count > 0)
            manifest["metadata"] = metadata;
        if (PerCulture(data, ArchiveAliases.CreditLine, cultures) is { } credit)
            manifest["requiredStatement"] = new JsonObject { ["label"] = LanguageMap(CreditLabel), ["value"] = credit };
        if (RightsValue.Of(data) is { } rights)
            manifest["rights"] = rights;

        var canvases = new JsonArray();
        var index = 0;
        foreach (var mediaKey in PickedMedia(data.GetValue(ArchiveAliases.Images)))
        {
            if (PublishedMedia.Of(cache.Find(mediaKey)) is not { IsImage: true, Width: { } width, Height: { } height } media)
                continue;
            index++;
            var canvasId = $"{id}/canvas/{index}";
            var service = IiifImageEndpoints.ServiceId(context, mediaKey);
            var canvas = new JsonObject
            {
                ["id"] = canvasId,
                ["type"] = "Canvas",
                ["label"] = Names(media.Node, cultures),
                ["width"] = width,
                ["height"] = height,
                ["items"] = new JsonArray(new JsonObject
                {
                    ["id"] = $"{canvasId}/page",
                    ["type"] = "AnnotationPage",
                    ["items"] = new JsonArray(new JsonObject
                    {
                        ["id"] = $"{canvasId}/page/image",
                        ["type"] = "Annotation",
                        ["motivation"] = "painting",
                        ["target"] = canvasId,
                        ["body"] = ImageBody(service, "full/max/0/default.jpg", width, height),
                    }),
                }),
            };
            if (PerCulture(Data(media.Node), ArchiveAliases.AltText, cultures) is { } alt)
                canvas["summary"] = alt;
            canvases.Add(canvas);
            if (index == 1)
                manifest["thumbnail"] = new JsonArray(ImageBody(service, "full/!400,400/0/default.jpg", null, null));
        }
        manifest["items"] = canvases;
        if (cache.Find(artefact.ParentKey) is { ContentTypeAlias: ArchiveAliases.Collection } parent)
            manifest["partOf"] = new JsonArray(new JsonObject { ["id"] = $"{baseUrl}{IiifImageEndpoints.Root}/collection/{parent.Key}", ["type"] = "Collection" });
        return Json(context, manifest);
    }

    private static IResult Collection(HttpContext context, Guid key, PublishedCache cache)
    {
        if (cache.Find(key) is not { IsMedia: false, ContentTypeAlias: ArchiveAliases.Collection } collection)
            return MediaProblems.NotFound("There is no published collection with this key.");
        var baseUrl = IiifImageEndpoints.BaseUrl(context);
        var cultures = Cultures(cache);
        var items = new JsonArray();
        foreach (var child in cache.ChildrenOf(key).OrderBy(c => c.SortOrder))
        {
            var type = child.ContentTypeAlias switch { ArchiveAliases.Artefact => "Manifest", ArchiveAliases.Collection => "Collection", _ => null };
            if (type is null)
                continue;
            items.Add(new JsonObject
            {
                ["id"] = $"{baseUrl}{IiifImageEndpoints.Root}/{(type == "Manifest" ? "manifest" : "collection")}/{child.Key}",
                ["type"] = type,
                ["label"] = Names(child, cultures),
            });
        }
        var body = new JsonObject
        {
            ["@context"] = PresentationContext,
            ["id"] = $"{baseUrl}{IiifImageEndpoints.Root}/collection/{key}",
            ["type"] = "Collection",
            ["label"] = Names(collection, cultures),
            ["items"] = items,
        };
        return Json(context, body);
    }

    private static JsonObject ImageBody(string service, string request, int? width, int? height)
    {
        var body = new JsonObject { ["id"] = $"{service}/{request}", ["type"] = "Image", ["format"] = "image/jpeg" };
        if (width is not null)
            (body["width"], body["height"]) = (width, height);
        body["service"] = new JsonArray(new JsonObject { ["id"] = service, ["type"] = "ImageService3", ["profile"] = "level2" });
        return body;
    }

    private static ContentData Data(PublishedNode node) => ContentData.FromJson(Encoding.UTF8.GetString(node.Data));

    private static IReadOnlyList<string> Cultures(PublishedCache cache) => cache.Schema.Cultures.Languages.Select(l => l.IsoCode).ToList();

    private static JsonObject LanguageMap(IEnumerable<KeyValuePair<string, string>> values)
    {
        var map = new JsonObject();
        foreach (var (language, text) in values)
            if (!string.IsNullOrWhiteSpace(text))
                map[language] = new JsonArray(text);
        return map;
    }

    /// The item's name in every culture it is published in ("none" for an invariant item).
    private static JsonObject Names(PublishedNode node, IReadOnlyList<string> cultures) =>
        node.IsVariant
            ? LanguageMap(node.Cultures.Select(c => KeyValuePair.Create(c.Key, c.Value.Name)))
            : LanguageMap([KeyValuePair.Create("none", node.Cultures.Values.FirstOrDefault()?.Name ?? "")]);

    private static JsonObject? PerCulture(ContentData data, string alias, IReadOnlyList<string> cultures)
    {
        var values = cultures.Select(c => KeyValuePair.Create(c, data.GetValue(alias, c) ?? "")).Where(v => v.Value.Length > 0).ToList();
        if (values.Count == 0 && data.GetValue(alias) is { Length: > 0 } invariant)
            values.Add(KeyValuePair.Create("none", invariant));
        return values.Count == 0 ? null : LanguageMap(values);
    }

    private static JsonObject? Value(PublishedCache cache, ContentData data, string alias, IReadOnlyList<string> cultures)
    {
        var raw = data.GetValue(alias);
        if (raw is not null && raw.Contains("umb://document/", StringComparison.Ordinal))
        {
            // Picked terms, people or places: their names in each culture.
            var nodes = raw.Split(',').Select(u => Guid.TryParse(u.Trim().Split('/').Last(), out var k) ? cache.Find(k) : null).OfType<PublishedNode>().ToList();
            if (nodes.Count == 0)
                return null;
            var map = new JsonObject();
            foreach (var culture in cultures)
            {
                var names = nodes.Select(n => n.CultureOf(culture)?.Name).OfType<string>().ToList();
                if (names.Count > 0)
                    map[culture] = new JsonArray(string.Join("; ", names));
            }
            return map.Count > 0 ? map : null;
        }
        if (alias == "dating" && raw is not null)
        {
            try
            {
                return JsonNode.Parse(raw)?["text"]?.GetValue<string>() is { Length: > 0 } text ? LanguageMap([KeyValuePair.Create("none", text)]) : null;
            }
            catch (System.Text.Json.JsonException)
            {
                return null;
            }
        }
        return PerCulture(data, alias, cultures);
    }

    private static IEnumerable<Guid> PickedMedia(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
            yield break;
        JsonArray? items;
        try
        {
            items = JsonNode.Parse(value) as JsonArray;
        }
        catch (System.Text.Json.JsonException)
        {
            yield break;
        }
        foreach (var item in items ?? [])
            if (Guid.TryParse(item?["mediaKey"]?.GetValue<string>(), out var key))
                yield return key;
    }
}
