using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Archive.Delivery.Cache;
using Archive.Engine.Content;
using Archive.Engine.Publishing;
using Archive.Harvesting.Records;

namespace Archive.Harvesting.LinkedArt;

/// Linked Art (the CIDOC-CRM profile, API 1.0) descriptions of the public items that have identifiers: an artefact as a
/// HumanMadeObject (names per language, accession number, classification, materials, dimensions, production with its
/// time-span, place and makers, current owner, collection, representations and the IIIF manifest), a person, a place,
/// a vocabulary term, an institution (Group) and a collection (Set). Languages are ISO 639-1 URIs of the Library of
/// Congress; name and identifier types are the Getty AAT concepts Linked Art prescribes.
public static class LinkedArtWriter
{
    public const string Context = "https://linked.art/ns/v1/linked-art.json";
    private const string Aat = "http://vocab.getty.edu/aat/";

    /// The description of a public item, or null when it is not a kind Linked Art describes here.
    public static JsonObject? Describe(PublishedCache cache, PublishedNode node, RecordLinks links)
    {
        var cultures = ObjectRecord.CulturesOf(cache.Schema);
        var type = node.ContentTypeAlias switch
        {
            ArchiveAliases.Artefact => "HumanMadeObject",
            "person" => "Person",
            ArchiveAliases.Term => TermKind(node) switch
            {
                "place" => "Place",
                "material" => "Material",
                "people" => "Group",
                _ => "Type",
            },
            ArchiveAliases.Institution => "Group",
            ArchiveAliases.Collection => "Set",
            _ => null,
        };
        if (type is null)
            return null;
        var body = new JsonObject
        {
            ["@context"] = Context,
            ["id"] = links.Identifier(node.Key),
            ["type"] = type,
            ["_label"] = Label(node, cultures),
        };
        var identifiedBy = Names(node, cultures);
        if (node.ContentTypeAlias == ArchiveAliases.Artefact)
            DescribeObject(cache, node, links, body, identifiedBy);
        else
        {
            body["identified_by"] = identifiedBy;
            if (type == "Place" && Archive.Delivery.Geo.GeoFeatures.Point(node) is { } point)
                body["defined_by"] = FormattableString.Invariant($"POINT({point.Longitude} {point.Latitude})");
        }
        body["subject_of"] = new JsonArray(WebPage(links.Page(node.Key, cultures.FirstOrDefault() ?? "kk")));
        if (node.ContentTypeAlias == ArchiveAliases.Artefact)
            ((JsonArray)body["subject_of"]!).Add(Manifest(links.Manifest(node.Key)));
        return body;
    }

    private static void DescribeObject(PublishedCache cache, PublishedNode node, RecordLinks links, JsonObject body, JsonArray identifiedBy)
    {
        var record = ObjectRecord.Read(cache, node);
        if (record.ObjectTypes.Count > 0)
            body["classified_as"] = new JsonArray(record.ObjectTypes.Select(t => (JsonNode)Reference(t, "Type", links, record.Cultures)).ToArray());
        if (record.AccessionNumber is { } number)
            identifiedBy.Add(new JsonObject
            {
                ["type"] = "Identifier",
                ["content"] = number,
                ["classified_as"] = new JsonArray(Concept("300312355", "Accession Number")),
            });
        body["identified_by"] = identifiedBy;
        if (record.Descriptions.Count > 0)
            body["referred_to_by"] = new JsonArray(record.Descriptions.Select(d => (JsonNode)Statement(d.Key, d.Value, "300435416", "Description")).ToArray());
        var dimensions = Measurements.Read(ObjectRecord.First(record.Dimensions, record.Cultures));
        if (dimensions.Count > 0)
            body["dimension"] = new JsonArray(dimensions.Select(d => (JsonNode)new JsonObject
            {
                ["type"] = "Dimension",
                ["value"] = d.Value,
                ["unit"] = d.Unit switch
                {
                    "mm" => Concept("300379097", "millimeters", "MeasurementUnit"),
                    "m" => Concept("300379099", "meters", "MeasurementUnit"),
                    _ => Concept("300379098", "centimeters", "MeasurementUnit"),
                },
                ["classified_as"] = new JsonArray(d.Dimension switch
                {
                    "height" => Concept("300055644", "Height"),
                    "width" => Concept("300055647", "Width"),
                    _ => Concept("300072633", "Depth"),
                }),
            }).ToArray());
        if (record.Materials.Count > 0)
            body["made_of"] = new JsonArray(record.Materials.Select(m => (JsonNode)Reference(m, "Material", links, record.Cultures)).ToArray());
        if (record.Makers.Count > 0 || record.Places.Count > 0 || record.Dating is not null)
        {
            var production = new JsonObject { ["type"] = "Production" };
            if (record.Dating is { } dating)
                production["timespan"] = new JsonObject
                {
                    ["type"] = "TimeSpan",
                    ["identified_by"] = new JsonArray(new JsonObject { ["type"] = "Name", ["content"] = dating.Text }),
                    ["begin_of_the_begin"] = Instant(dating.Earliest, start: true),
                    ["end_of_the_end"] = Instant(dating.Latest, start: false),
                };
            if (record.Places.Count > 0)
                production["took_place_at"] = new JsonArray(record.Places.Select(p => (JsonNode)Reference(p, "Place", links, record.Cultures)).ToArray());
            if (record.Makers.Count > 0)
                production["carried_out_by"] = new JsonArray(record.Makers.Select(p => (JsonNode)Reference(p, "Person", links, record.Cultures)).ToArray());
            body["produced_by"] = production;
        }
        if (record.Institution is { } institution)
            body["current_owner"] = new JsonArray(Reference(institution, "Group", links, record.Cultures));
        if (record.Collection is { } collection)
            body["member_of"] = new JsonArray(Reference(collection, "Set", links, record.Cultures));
        if (record.Images.Count > 0)
            body["representation"] = new JsonArray(record.Images.Select(i => (JsonNode)new JsonObject
            {
                ["type"] = "VisualItem",
                ["digitally_shown_by"] = new JsonArray(new JsonObject
                {
                    ["type"] = "DigitalObject",
                    ["access_point"] = new JsonArray(new JsonObject { ["id"] = links.Derivative(i.FilePath), ["type"] = "DigitalObject" }),
                    ["format"] = "image/webp",
                    ["digitally_available_via"] = new JsonArray(new JsonObject
                    {
                        ["type"] = "DigitalService",
                        ["access_point"] = new JsonArray(new JsonObject { ["id"] = links.ImageService(i.Media.Key), ["type"] = "DigitalObject" }),
                        ["conforms_to"] = new JsonArray(new JsonObject { ["id"] = "http://iiif.io/api/image", ["type"] = "InformationObject" }),
                    }),
                }),
            }).ToArray());
    }

    private static JsonArray Names(PublishedNode node, IReadOnlyList<string> cultures)
    {
        var names = new JsonArray();
        foreach (var culture in cultures)
            if (node.CultureOf(culture)?.Name is { Length: > 0 } name)
                names.Add(new JsonObject
                {
                    ["type"] = "Name",
                    ["content"] = name,
                    ["classified_as"] = new JsonArray(Concept("300404670", "Primary Name")),
                    ["language"] = new JsonArray(Language(culture)),
                });
        if (names.Count == 0 && node.Cultures.Values.FirstOrDefault()?.Name is { Length: > 0 } invariant)
            names.Add(new JsonObject { ["type"] = "Name", ["content"] = invariant, ["classified_as"] = new JsonArray(Concept("300404670", "Primary Name")) });
        return names;
    }

    private static JsonObject Statement(string culture, string text, string aat, string label)
    {
        var statement = new JsonObject
        {
            ["type"] = "LinguisticObject",
            ["content"] = text,
            ["classified_as"] = new JsonArray(Concept(aat, label)),
        };
        if (culture.Length > 0)
            statement["language"] = new JsonArray(Language(culture));
        return statement;
    }

    private static JsonObject Reference(PublishedNode node, string type, RecordLinks links, IReadOnlyList<string> cultures) => new()
    {
        ["id"] = links.Identifier(node.Key),
        ["type"] = type,
        ["_label"] = Label(node, cultures),
    };

    private static JsonObject Concept(string aat, string label, string type = "Type") => new()
    {
        ["id"] = Aat + aat,
        ["type"] = type,
        ["_label"] = label,
    };

    /// ISO 639-1 as the Library of Congress publishes it; a regional or script tag ("kk-latn") names its language.
    private static JsonObject Language(string culture)
    {
        var code = culture.Split('-')[0].ToLowerInvariant();
        return new JsonObject { ["id"] = $"http://id.loc.gov/vocabulary/iso639-1/{code}", ["type"] = "Language", ["_label"] = culture };
    }

    private static JsonObject WebPage(string url) => new()
    {
        ["type"] = "LinguisticObject",
        ["digitally_carried_by"] = new JsonArray(new JsonObject
        {
            ["type"] = "DigitalObject",
            ["classified_as"] = new JsonArray(Concept("300264578", "Web Page")),
            ["access_point"] = new JsonArray(new JsonObject { ["id"] = url, ["type"] = "DigitalObject" }),
            ["format"] = "text/html",
        }),
    };

    private static JsonObject Manifest(string url) => new()
    {
        ["type"] = "LinguisticObject",
        ["digitally_carried_by"] = new JsonArray(new JsonObject
        {
            ["type"] = "DigitalObject",
            ["access_point"] = new JsonArray(new JsonObject { ["id"] = url, ["type"] = "DigitalObject" }),
            ["conforms_to"] = new JsonArray(new JsonObject { ["id"] = "http://iiif.io/api/presentation", ["type"] = "InformationObject" }),
            ["format"] = "application/ld+json;profile=\"http://iiif.io/api/presentation/3/context.json\"",
        }),
    };

    private static string Label(PublishedNode node, IReadOnlyList<string> cultures) =>
        cultures.Select(c => node.CultureOf(c)?.Name).FirstOrDefault(n => !string.IsNullOrEmpty(n)) ?? node.Cultures.Values.FirstOrDefault()?.Name ?? "";

    /// A term's kind from its `termKind` choice (stored as a JSON array or plain text).
    public static string? TermKind(PublishedNode node)
    {
        var stored = ContentData.FromJson(Encoding.UTF8.GetString(node.Data)).GetValue("termKind")?.Trim();
        if (string.IsNullOrEmpty(stored))
            return null;
        if (!stored.StartsWith('['))
            return stored;
        try
        {
            return JsonNode.Parse(stored)?.AsArray().Select(v => v?.GetValue<string>()).FirstOrDefault(v => !string.IsNullOrEmpty(v));
        }
        catch (Exception ex) when (ex is System.Text.Json.JsonException or InvalidOperationException)
        {
            return null;
        }
    }

    private static string Instant(int year, bool start)
    {
        var text = year < 0 ? "-" + (-year).ToString("0000", CultureInfo.InvariantCulture) : year.ToString("0000", CultureInfo.InvariantCulture);
        return start ? $"{text}-01-01T00:00:00Z" : $"{text}-12-31T23:59:59Z";
    }
}
