using System.Text;
using System.Text.Json.Nodes;
using Archive.Delivery.Cache;
using Archive.Delivery.Rendering;
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
        iiif.MapGet("collection/top", Top);
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
        if (cache.Find(artefact.ParentKey) is { ContentTypeAlias: ArchiveAliases.Collection or ArchiveAliases.Institution } parent)
            manifest["partOf"] = new JsonArray(new JsonObject { ["id"] = $"{baseUrl}{IiifImageEndpoints.Root}/collection/{parent.Key}", ["type"] = "Collection" });
        return Json(context, manifest);
    }

    /// An institution's collection (its collections and objects) or a collection's (its sub-collections and objects).
    private static IResult Collection(HttpContext context, Guid key, PublishedCache cache)
    {
        if (cache.Find(key) is not { IsMedia: false, ContentTypeAlias: ArchiveAliases.Collection or ArchiveAliases.Institution } collection)
            return MediaProblems.NotFound("There is no published collection or institution with this key.");
        var baseUrl = IiifImageEndpoints.BaseUrl(context);
        var cultures = Cultures(cache);
        var body = CollectionBody($"{baseUrl}{IiifImageEndpoints.Root}/collection/{key}", Names(collection, cultures),
            Archive.Harvesting.Records.RecordFingerprint.Members(cache, collection), baseUrl, cultures);
        var parent = collection.AncestorKeys.Select(cache.Find).LastOrDefault(a => a?.ContentTypeAlias is ArchiveAliases.Collection or ArchiveAliases.Institution);
        body["partOf"] = new JsonArray(new JsonObject
        {
            ["id"] = parent is null ? $"{baseUrl}{IiifImageEndpoints.Root}/collection/top" : $"{baseUrl}{IiifImageEndpoints.Root}/collection/{parent.Key}",
            ["type"] = "Collection",
        });
        return Json(context, body);
    }

    /// The top of the tree aggregators walk: every public institution, then its collections, then their manifests.
    private static IResult Top(HttpContext context, PublishedCache cache)
    {
        var baseUrl = IiifImageEndpoints.BaseUrl(context);
        var cultures = Cultures(cache);
        var institutions = cache.OfType(ArchiveAliases.Institution).Where(n => !n.IsMedia).OrderBy(n => n.Level).ThenBy(n => n.SortOrder);
        var label = cache.Schema.FindType(ArchiveAliases.Institution) is { } type ? TypeLabel(cache.Schema, type) : LanguageMap([KeyValuePair.Create("none", "Archive")]);
        return Json(context, CollectionBody($"{baseUrl}{IiifImageEndpoints.Root}/collection/top", label, institutions, baseUrl, cultures));
    }

    private static JsonObject CollectionBody(string id, JsonObject label, IEnumerable<PublishedNode> members, string baseUrl, IReadOnlyList<string> cultures) => new()
    {
        ["@context"] = PresentationContext,
        ["id"] = id,
        ["type"] = "Collection",
        ["label"] = label,
        ["items"] = new JsonArray(members.Select(member => (JsonNode)new JsonObject
        {
            ["id"] = member.ContentTypeAlias == ArchiveAliases.Artefact
                ? $"{baseUrl}{IiifImageEndpoints.Root}/manifest/{member.Key}"
                : $"{baseUrl}{IiifImageEndpoints.Root}/collection/{member.Key}",
            ["type"] = member.ContentTypeAlias == ArchiveAliases.Artefact ? "Manifest" : "Collection",
            ["label"] = Names(member, cultures),
        }).ToArray()),
    };

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
