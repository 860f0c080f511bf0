using System.Text.Json;
using Archive.Delivery.Cache;
using Archive.Delivery.Rendering;
using Archive.Engine.Schema;
using Archive.Site.Cultures;
using Archive.Site.Texts;

namespace Archive.Site.Views;

/// One published item as a page shows it, read from the Delivery API's own rendering of it (the public projection, so
/// nothing the API would not show can reach a page) in the cultures of the page's chain: each value in the first
/// culture that has it, marked with that culture when it is not the page's language.
public sealed class ItemView
{
    private readonly DeliveryRenderer _renderer;
    private readonly PublishedCache _cache;
    private readonly Dictionary<string, JsonElement?> _rendered = new(StringComparer.OrdinalIgnoreCase);
    private readonly ContentType? _type;

    public ItemView(PublishedNode node, SiteCulture page, string contentCulture, PublishedCache cache, DeliveryRenderer renderer)
    {
        Node = node;
        Page = page;
        ContentCulture = contentCulture;
        _cache = cache;
        _renderer = renderer;
        _type = cache.Schema.FindType(node.ContentTypeAlias);
    }

    public PublishedNode Node { get; }
    public SiteCulture Page { get; }
    public string ContentCulture { get; }
    public Guid Key => Node.Key;
    public string Type => Node.ContentTypeAlias;

    /// The language a value read in a culture must be marked with on this page (null: the page's own).
    public string? LangOf(string culture) => Page.Speaks(culture) ? null : culture;

    public Localized Name => NameOf(Node, Page, ContentCulture);

    public static Localized NameOf(PublishedNode node, SiteCulture page, string culture) =>
        new(node.CultureOf(culture)?.Name ?? "", page.Speaks(culture) || !node.IsVariant ? null : culture);

    /// The item's rendering in a culture (null when it is not published in it).
    public JsonElement? In(string culture)
    {
        if (_rendered.TryGetValue(culture, out var known))
            return known;
        JsonElement? rendered = _cache.IsVisible(Node, culture)
            ? JsonDocument.Parse(_renderer.Item(Node, culture, PropertySpec.None, PropertySpec.All)).RootElement.GetProperty("properties")
            : null;
        _rendered[culture] = rendered;
        return rendered;
    }

    /// A property's value in the first culture that has one (the content culture for invariant properties).
    public (JsonElement Value, string Culture)? Value(string alias)
    {
        var variant = _type is not null && _cache.Schema.PropertiesOf(_type).FirstOrDefault(p => p.Alias == alias) is { } property && property.Variations.VariesByCulture();
        IEnumerable<string> cultures = variant ? [ContentCulture, .. Page.ContentChain.Where(c => !c.Equals(ContentCulture, StringComparison.OrdinalIgnoreCase))] : [ContentCulture];
        foreach (var culture in cultures)
            if (In(culture) is { } properties && properties.TryGetProperty(alias, out var value) && !IsEmpty(value))
                return (value, culture);
        return null;
    }

    public Localized? Text(string alias) => Value(alias) is { Value.ValueKind: JsonValueKind.String } found
        ? new Localized(found.Value.GetString()!.Trim(), LangOf(found.Culture))
        : null;

    /// A rich text's markup (sanitised when saved, links made site addresses when shown).
    public (string Markup, string? Lang)? Markup(string alias) => Value(alias) is { } found && found.Value.ValueKind == JsonValueKind.Object &&
                                                                 found.Value.TryGetProperty("markup", out var markup) && markup.GetString() is { Length: > 0 } html
        ? (html, LangOf(found.Culture))
        : null;

    /// The published items a picker holds, in its order.
    public IReadOnlyList<PublishedNode> Picked(string alias)
    {
        if (Value(alias) is not { } found)
            return [];
        var items = found.Value.ValueKind == JsonValueKind.Array ? found.Value.EnumerateArray().ToList() : [found.Value];
        return items.Where(i => i.ValueKind == JsonValueKind.Object && i.TryGetProperty("id", out _))
            .Select(i => Guid.TryParse(i.GetProperty("id").GetString(), out var key) ? _cache.Find(key) : null)
            .OfType<PublishedNode>().ToList();
    }

    /// The images a media picker holds, as the API gives them (id, url, width, height, focal point).
    public IReadOnlyList<JsonElement> Images(string alias = "images") =>
        Value(alias) is { Value.ValueKind: JsonValueKind.Array } found
            ? found.Value.EnumerateArray().Where(m => m.TryGetProperty("url", out var url) && url.GetString() is { Length: > 0 } && m.TryGetProperty("mediaType", out var kind) && kind.GetString() == "Image").ToList()
            : [];

    public bool Flag(string alias) => Value(alias) is { Value.ValueKind: JsonValueKind.True };

    /// The public properties of the item's type, in the schema's order (what the generic facts list shows).
    public IReadOnlyList<PropertyType> Properties => _type is null ? [] : _cache.Schema.PropertiesOf(_type).Where(p => !p.IsSensitive).ToList();

    /// A property's label in the page's language: the archive's dictionary first (curators translate it), then the
    /// site's own words, then the dictionary in the chain's cultures.
    public Localized LabelOf(PropertyType property, SiteTexts texts)
    {
        var labels = _cache.Schema.LabelOf(property);
        if (labels.TryGetValue(Page.Content, out var own) && own.Length > 0)
            return new Localized(own, null);
        if (texts.Has(Page.Prefix, "field." + property.Alias))
            return texts.Get(Page.Prefix, "field." + property.Alias);
        foreach (var culture in Page.ContentChain)
            if (labels.TryGetValue(culture, out var text) && text.Length > 0)
                return new Localized(text, LangOf(culture));
        return labels.TryGetValue(SchemaSnapshot.NoLanguage, out var neutral) ? new Localized(neutral, null) : texts.Get(Page.Prefix, "field." + property.Alias);
    }

    private static bool IsEmpty(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Null or JsonValueKind.Undefined => true,
        JsonValueKind.String => string.IsNullOrWhiteSpace(value.GetString()),
        JsonValueKind.Array => value.GetArrayLength() == 0,
        JsonValueKind.Object => value.TryGetProperty("markup", out var markup) && string.IsNullOrWhiteSpace(markup.GetString()) &&
                                (!value.TryGetProperty("blocks", out var blocks) || blocks.GetArrayLength() == 0)
                                || value.TryGetProperty("items", out var items) && items.ValueKind == JsonValueKind.Array && items.GetArrayLength() == 0,
        _ => false,
    };
}
