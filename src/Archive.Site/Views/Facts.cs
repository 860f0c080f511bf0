using System.Globalization;
using System.Text.Json;
using Archive.Delivery.Cache;
using Archive.Engine.Schema;
using Archive.Site.Texts;

namespace Archive.Site.Views;

/// An item's public properties as facts, read generically from the schema: whatever a curator adds to a type shows on
/// its pages, and whatever is made private leaves them (the public projection does not carry it).
public static class Facts
{
    /// Properties shown in a place of their own (images, texts with their own sections, the map) or that are flags.
    public static readonly HashSet<string> OwnPlace = new(StringComparer.OrdinalIgnoreCase)
    {
        "title", "images", "image", "description", "biography", "provenance", "body", "summary", "note", "location", "privateRecord",
        "objects", "relatedArtefacts", "stops", "noPhotography", "loanCreditLine", "termKind", "condition", "audioVideo", "captions", "audioDescription",
    };

    public static IReadOnlyList<Fact> Of(ItemView item, SiteContext context, IEnumerable<string>? order = null)
    {
        var properties = item.Properties.Where(p => !OwnPlace.Contains(p.Alias)).ToList();
        if (order is not null)
        {
            var ranked = order.ToList();
            properties = properties.OrderBy(p => ranked.IndexOf(p.Alias) is var i and >= 0 ? i : ranked.Count).ToList();
        }
        var facts = new List<Fact>();
        foreach (var property in properties)
            if (item.Value(property.Alias) is { } found && ValuesOf(property, found.Value, found.Culture, item, context) is { Count: > 0 } values)
                facts.Add(new Fact(property.Alias, item.LabelOf(property, context.Texts), values));
        return facts;
    }

    private static List<FactValue> ValuesOf(PropertyType property, JsonElement value, string culture, ItemView item, SiteContext context)
    {
        var lang = item.LangOf(culture);
        switch (value.ValueKind)
        {
            case JsonValueKind.String:
                var text = value.GetString()!.Trim();
                if (property.EditorAlias == "Umbraco.DateTime" && DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal, out var date))
                    return [new FactValue(new Localized(Day(DateOnly.FromDateTime(date), context), null))];
                if (property.Alias == "rightsStatement")
                    return [Rights(text, context)];
                if (Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https")
                    return [new FactValue(new Localized(text, null), text)];
                return text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                    .Select(line => new FactValue(new Localized(line, lang))).ToList();
            case JsonValueKind.Number:
                return [new FactValue(new Localized(value.GetRawText(), null))];
            case JsonValueKind.True or JsonValueKind.False:
                return [new FactValue(context.T(value.GetBoolean() ? "yes" : "no"))];
            case JsonValueKind.Array:
                return value.EnumerateArray().SelectMany(element => element.ValueKind switch
                {
                    JsonValueKind.String => [new FactValue(new Localized(element.GetString()!, lang))],
                    JsonValueKind.Object when element.TryGetProperty("linkType", out _) => Link(element, context),
                    JsonValueKind.Object when element.TryGetProperty("id", out _) => Picked(element, context),
                    _ => [],
                }).ToList();
            case JsonValueKind.Object when value.TryGetProperty("earliest", out _):
                return [Dating(value, lang, context)];
            case JsonValueKind.Object when value.TryGetProperty("latitude", out var latitude) && value.TryGetProperty("longitude", out var longitude):
                return [new FactValue(new Localized(string.Create(CultureInfo.InvariantCulture, $"{latitude.GetDouble():0.####}, {longitude.GetDouble():0.####}"), null))];
            case JsonValueKind.Object when value.TryGetProperty("id", out _):
                return Picked(value, context).ToList();
            default:
                return [];
        }
    }

    /// A picked item by its name in the page's language and its page; a place also by the name it bore then.
    private static IEnumerable<FactValue> Picked(JsonElement element, SiteContext context)
    {
        if (!Guid.TryParse(element.GetProperty("id").GetString(), out var key) || context.Cache.Find(key) is not { } node)
            return [];
        Localized? note = element.TryGetProperty("nameAtTheTime", out var then) && then.GetString() is { Length: > 0 } former
            ? context.T("place.thenCalled", former)
            : null;
        return [new FactValue(context.NameOf(node), context.UrlOf(node), note)];
    }

    private static IEnumerable<FactValue> Link(JsonElement link, SiteContext context)
    {
        var title = link.TryGetProperty("title", out var t) ? t.GetString() : null;
        if (link.TryGetProperty("destinationId", out var id) && Guid.TryParse(id.GetString(), out var key) && context.Cache.Find(key) is { } node)
            return [new FactValue(string.IsNullOrWhiteSpace(title) ? context.NameOf(node) : new Localized(title, null), context.UrlOf(node))];
        if (link.TryGetProperty("url", out var url) && url.GetString() is { Length: > 0 } address)
            return [new FactValue(new Localized(string.IsNullOrWhiteSpace(title) ? address : title, null), address)];
        return [];
    }

    /// The dating as written, and the years it is read as.
    public static FactValue Dating(JsonElement dating, string? lang, SiteContext context)
    {
        var written = dating.TryGetProperty("text", out var t) ? t.GetString() ?? "" : "";
        int? earliest = dating.TryGetProperty("earliest", out var e) && e.TryGetInt32(out var from) ? from : null;
        int? latest = dating.TryGetProperty("latest", out var l) && l.TryGetInt32(out var to) ? to : null;
        Localized? range = earliest is { } a && latest is { } b
            ? a == b ? context.T("dating.year", a) : context.T("dating.range", a, b)
            : null;
        return new FactValue(new Localized(written.Length > 0 ? written : range?.Text ?? "", written.Length > 0 ? lang : range?.Lang), null,
            written.Length > 0 && range is { } r && r.Text != written ? r : null);
    }

    private static readonly Dictionary<string, string> RightsNames = new(StringComparer.OrdinalIgnoreCase)
    {
        ["InC"] = "rights.InC", ["InC-EDU"] = "rights.InC-EDU", ["InC-NC"] = "rights.InC-NC", ["InC-OW-EU"] = "rights.InC-OW-EU",
        ["NoC-US"] = "rights.NoC", ["NoC-NC"] = "rights.NoC", ["NoC-OKLR"] = "rights.NoC", ["NoC-CR"] = "rights.NoC", ["CNE"] = "rights.CNE",
        ["UND"] = "rights.UND", ["NKC"] = "rights.NKC",
    };

    /// A rights statement by its name in the page's language, linking to the statement itself.
    private static FactValue Rights(string uri, SiteContext context)
    {
        var parts = uri.TrimEnd('/').Split('/');
        var code = parts.Length >= 2 ? parts[^2] : uri;
        if (uri.Contains("rightsstatements.org", StringComparison.OrdinalIgnoreCase) && RightsNames.TryGetValue(code, out var key))
            return new FactValue(context.T(key), uri);
        if (uri.Contains("creativecommons.org", StringComparison.OrdinalIgnoreCase))
            return new FactValue(new Localized(uri.Contains("publicdomain", StringComparison.OrdinalIgnoreCase) ? "CC0 / Public Domain" : "CC " + string.Join(' ', parts.SkipWhile(p => p != "licenses").Skip(1).Take(2)).ToUpperInvariant(), null), uri);
        return new FactValue(new Localized(uri, null), Uri.IsWellFormedUriString(uri, UriKind.Absolute) ? uri : null);
    }

    public static string Day(DateOnly day, SiteContext context)
    {
        var culture = Format(context.Culture.Content);
        return day.ToString("d MMMM yyyy", culture);
    }

    private static CultureInfo Format(string culture)
    {
        try
        {
            return CultureInfo.GetCultureInfo(culture);
        }
        catch (CultureNotFoundException)
        {
            return CultureInfo.InvariantCulture;
        }
    }
}
