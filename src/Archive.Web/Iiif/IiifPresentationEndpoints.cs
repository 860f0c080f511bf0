using System.Text;
using System.Text.Json.Nodes;
using Archive.Delivery.Cache;
using Archive.Engine.Content;
using Archive.Engine.Editors;
using Archive.Engine.Publishing;
using Archive.Engine.Schema;
using Archive.Web.Media;

namespace Archive.Web.Iiif;

/// IIIF Presentation API 3.0: a manifest per published artefact (its images as canvases with IIIF
/// image services; labels, metadata and the credit line as language maps in every culture; rights)
/// and a collection per published collection, listing its artefacts' manifests.
public static class IiifPresentationEndpoints
{
    public const string PresentationContext = "http://iiif.io/api/presentation/3/context.json";

    public static void MapIiifPresentation(this IEndpointRouteBuilder app)
    {
        var iiif = app.MapGroup(IiifImageEndpoints.Root).RequireCors("iiif").ExcludeFromDescription();
        iiif.MapGet("manifest/{key:guid}", Manifest);
        iiif.MapGet("collection/{key:guid}", Collection);
    }

    private static IResult Json(HttpContext context, JsonObject body)
    {
        context.Response.Headers.CacheControl = "public, max-age=300";
        return Results.Text(body.ToJsonString(), IiifImageResponses.JsonLdType(context, PresentationContext), Encoding.UTF8);
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
        var schema = cache.Schema;
        var type = schema.FindType(artefact.ContentTypeAlias);
        if (Summary(schema, type, data, cultures) is { } summary)
            manifest["summary"] = summary;
        var metadata = ManifestFields.Of(cache, artefact, data, cultures);
        if (cache.Find(artefact.ParentKey) is { ContentTypeAlias: ArchiveAliases.Collection } collection && schema.FindType(collection.ContentTypeAlias) is { } collectionType)
            metadata.Add(new JsonObject { ["label"] = TypeLabel(schema, collectionType), ["value"] = Names(collection, cultures) });
        if (metadata.Count > 0)
            manifest["metadata"] = metadata;
        if (type is not null && schema.FindProperty(type, ArchiveAliases.CreditLine) is { IsSensitive: false } creditLine
            && ManifestFields.PerCulture(PropertyEditors.Default.For(creditLine.EditorAlias), data, creditLine.Alias, cultures) is { } credit)
            manifest["requiredStatement"] = new JsonObject { ["label"] = LanguageMap(schema.LabelOf(creditLine)), ["value"] = credit };
        // An object on loan is shown under its lender's credit line while the loan is signed or active.
        var lent = new JsonObject();
        foreach (var culture in cultures)
            if (Archive.Delivery.Exhibitions.PublishedLoans.CreditLine(cache, key, culture) is { } line)
                lent[culture] = new JsonArray(line);
        if (lent.Count > 0 && manifest["requiredStatement"] is JsonObject statement)
            statement["value"] = lent;
        else if (lent.Count > 0 && type is not null && schema.FindProperty(type, ArchiveAliases.CreditLine) is { } lentLabel)
            manifest["requiredStatement"] = new JsonObject { ["label"] = LanguageMap(schema.LabelOf(lentLabel)), ["value"] = lent };
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
            if (ManifestFields.PerCulture(PropertyEditors.Default.For("Umbraco.TextBox"), Data(media.Node), ArchiveAliases.AltText, cultures) is { } alt)
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

    private static JsonObject LanguageMap(IEnumerable<KeyValuePair<string, string>> values) => ManifestFields.LanguageMap(values);

    /// A type's label: the dictionary item its `#key` name points at, else its name.
    private static JsonObject TypeLabel(SchemaSnapshot schema, ContentType type) =>
        LanguageMap(type.Name.StartsWith('#') && schema.Dictionary.TryGetValue(type.Name[1..], out var translations)
            ? translations
            : [KeyValuePair.Create(SchemaSnapshot.NoLanguage, type.Name)]);

    /// The artefact's description as plain text, in each culture it is written in.
    private static JsonObject? Summary(SchemaSnapshot schema, ContentType? type, ContentData data, IReadOnlyList<string> cultures) =>
        type is not null && schema.FindProperty(type, "description") is { IsSensitive: false } description
            ? ManifestFields.PerCulture(PropertyEditors.Default.For(description.EditorAlias), data, description.Alias, cultures)
            : null;

    /// The item's name in every culture it is published in ("none" for an invariant item).
    private static JsonObject Names(PublishedNode node, IReadOnlyList<string> cultures) =>
        node.IsVariant
            ? LanguageMap(node.Cultures.Select(c => KeyValuePair.Create(c.Key, c.Value.Name)))
            : LanguageMap([KeyValuePair.Create("none", node.Cultures.Values.FirstOrDefault()?.Name ?? "")]);

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
