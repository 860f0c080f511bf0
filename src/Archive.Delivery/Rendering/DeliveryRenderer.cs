using System.Buffers;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Archive.Delivery.Cache;
using Archive.Engine.Content;
using Archive.Engine.Editors;
using Archive.Engine.Schema;

namespace Archive.Delivery.Rendering;

/// Writes items in the Delivery API v2 shapes (key order as Umbraco's serializer emits them).
/// Private (sensitive) properties are never written, whatever the request asks for.
public sealed partial class DeliveryRenderer(PublishedCache cache, Func<SchemaSnapshot> schema, DeliveryApiSettings settings, RenderedItems? kept = null)
{
    /// The responses kept for the items read most (256 MB unless the host says otherwise).
    public RenderedItems Kept { get; } = kept ?? new RenderedItems(256L << 20);

    private static readonly JsonWriterOptions WriterOptions = new()
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        SkipValidation = true,
    };

    /// The response for a content item: cached for the default shape, rendered for others.
    /// Whether an item's response with these parameters is the one kept with the item (rendered once per culture, the
    /// same array until the item changes).
    public static bool IsKept(PropertySpec expand, PropertySpec fields) => expand.IsDefaultExpand && fields.AllProperties && fields.Properties.Count == 0;

    public byte[] Item(PublishedNode node, string culture, PropertySpec expand, PropertySpec fields, Budget? budget = null)
    {
        if (IsKept(expand, fields))
            return Kept.GetOrRender(node, culture, () => Render(w => WriteItem(w, node, ContentData.FromJson(System.Text.Encoding.UTF8.GetString(node.Data)), culture, expand, fields, withCultures: true, depth: 0)));
        return Render(w => WriteItem(w, node, ContentData.FromJson(System.Text.Encoding.UTF8.GetString(node.Data)), culture, expand, fields, withCultures: true, depth: 0), budget);
    }

    /// A draft in preview (never cached): its own data, names and route.
    public byte[] Draft(PublishedNode draft, ContentData data, string culture, PropertySpec expand, PropertySpec fields, Budget? budget = null) =>
        Render(w => WriteItem(w, draft, data, culture, expand, fields, withCultures: true, depth: 0, draft: true), budget);

    /// The response for a media item (media endpoints).
    public byte[] MediaItem(PublishedNode media, string culture, PropertySpec expand, PropertySpec fields, Budget? budget = null) =>
        Render(w => WriteMedia(w, media, culture, expand, fields, withPath: true, depth: 0, pick: null), budget);

    /// Items one response may expand. Pickers that reference each other (or themselves) would otherwise
    /// let one anonymous request multiply its work by its own expand spec; past the budget, picks are shallow.
    public const int ExpansionBudget = 500;

    /// What is left of one response's expansions; a response of many items shares one.
    public sealed class Budget(int expansions = ExpansionBudget)
    {
        internal int Left = expansions;
    }

    // A render runs synchronously on one thread, start to end: the budget in use is that render's own.
    [ThreadStatic]
    private static Budget? _budget;

    /// Takes one expansion from the response's budget; false when it is spent.
    private static bool Expand() => _budget is { } budget && budget.Left-- > 0;

    public static byte[] Render(Action<Utf8JsonWriter> write, Budget? budget = null)
    {
        var buffer = new ArrayBufferWriter<byte>(2048);
        var outer = _budget;
        _budget = budget ?? new Budget();
        try
        {
            using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
                write(writer);
        }
        finally
        {
            _budget = outer;
        }
        return buffer.WrittenSpan.ToArray();
    }

    public static string Date(DateTime date) =>
        DateTime.SpecifyKind(date, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture);

    private void WriteItem(Utf8JsonWriter w, PublishedNode node, ContentData data, string culture, PropertySpec expand, PropertySpec fields, bool withCultures, int depth,
        bool draft = false, string? nameAtTheTime = null)
    {
        // A draft has its published route where it is published, else its preview route.
        ItemRoute? RouteIn(string c) => draft ? cache.Find(node.Key) is { } published ? cache.RouteOf(published, c) : null : cache.RouteOf(node, c);
        w.WriteStartObject();
        w.WriteString("contentType", node.ContentTypeAlias);
        w.WriteString("name", data.NameFor(node.IsVariant ? culture : ContentData.Invariant) ?? node.CultureOf(culture)?.Name ?? "");
        if (nameAtTheTime is not null)
            w.WriteString("nameAtTheTime", nameAtTheTime);
        w.WriteString("createDate", Date(node.CreateDate));
        w.WriteString("updateDate", Date(node.UpdateDate));
        w.WritePropertyName("route");
        WriteRoute(w, RouteIn(culture) ?? PreviewRoute(node));
        w.WriteString("id", node.Key);
        w.WritePropertyName("properties");
        WriteProperties(w, node.ContentTypeAlias, data, culture, expand, fields, depth, node);
        if (withCultures)
        {
            w.WritePropertyName("cultures");
            w.WriteStartObject();
            if (node.IsVariant)
                foreach (var other in node.Cultures.Keys.Order(StringComparer.Ordinal))
                    if (RouteIn(other) is { } route)
                    {
                        w.WritePropertyName(other);
                        WriteRoute(w, route);
                    }
            w.WriteEndObject();
        }
        w.WriteEndObject();
    }

    /// Items that have no route (a never-published draft) are reached in preview as /preview-{key}/.
    private ItemRoute PreviewRoute(PublishedNode node)
    {
        var root = node.AncestorKeys.Count > 0 ? cache.Find(node.AncestorKeys[0]) : null;
        return new ItemRoute($"/preview-{node.Key:D}/", root?.Key ?? node.Key, root?.Cultures.Values.FirstOrDefault()?.Segment ?? "");
    }

    private static void WriteRoute(Utf8JsonWriter w, ItemRoute route)
    {
        w.WriteStartObject();
        w.WriteString("path", route.Path);
        w.WriteNull("queryString");
        w.WritePropertyName("startItem");
        w.WriteStartObject();
        w.WriteString("id", route.StartItemKey);
        w.WriteString("path", route.StartItemPath);
        w.WriteEndObject();
        w.WriteEndObject();
    }

    /// A picked item, shallow (no properties) unless the expand spec names it.
    private void WritePickedContent(Utf8JsonWriter w, PublishedNode node, string culture, PropertySpec? expanded, PropertySpec fields, int depth)
    {
        if (expanded is null || !Expand())
        {
            w.WriteStartObject();
            w.WriteString("contentType", node.ContentTypeAlias);
            w.WriteString("name", node.CultureOf(culture)!.Name);
            if (NameAtTheTime(node, culture) is { } then)
                w.WriteString("nameAtTheTime", then);
            w.WriteString("createDate", Date(node.CreateDate));
            w.WriteString("updateDate", Date(node.UpdateDate));
            w.WritePropertyName("route");
            WriteRoute(w, cache.RouteOf(node, culture)!);
            w.WriteString("id", node.Key);
            w.WritePropertyName("properties");
            w.WriteStartObject();
            w.WriteEndObject();
            w.WriteEndObject();
            return;
        }
        WriteItem(w, node, ContentData.FromJson(System.Text.Encoding.UTF8.GetString(node.Data)), culture, expanded, fields, withCultures: false, depth + 1,
            nameAtTheTime: NameAtTheTime(node, culture));
    }

    private void WriteProperties(Utf8JsonWriter w, string typeAlias, ContentData data, string culture, PropertySpec expand, PropertySpec fields, int depth,
        PublishedNode? item = null)
    {
        w.WriteStartObject();
        var snapshot = schema();
        var outer = (_datedType, _datedData);
        if (snapshot.FindType(typeAlias) is { } type)
        {
            (_datedType, _datedData) = (type, data);
            try
            {
                foreach (var property in snapshot.PropertiesOf(type))
                {
                    if (property.IsSensitive || !fields.Names(property.Alias) || IsMemberEditor(property.EditorAlias))
                        continue;
                    var stored = data.GetValue(property.Alias, property.Variations.VariesByCulture() ? culture : ContentData.Invariant);
                    w.WritePropertyName(property.Alias);
                    WriteValue(w, property, stored, culture, expand.Names(property.Alias) ? expand.Inside(property.Alias, PropertySpec.None) : null,
                        fields.Inside(property.Alias, PropertySpec.All), depth);
                }
            }
            finally
            {
                (_datedType, _datedData) = outer;
            }
        }
        if (item is not null && typeAlias == Archive.Engine.Publishing.ArchiveAliases.Exhibition && fields.Names(ItineraryAlias))
            WriteItinerary(w, item, culture);
        if (item is not null && typeAlias == Archive.Engine.Publishing.ArchiveAliases.Artefact)
        {
            // An object on loan is credited to its lender wherever it is shown, while the loan is signed or active, and
            // carries the loan's "no photography"; its loans are read once for both.
            var loans = fields.Names(LoanCreditLineAlias) || fields.Names(NoPhotographyAlias) ? Exhibitions.PublishedLoans.Of(cache, item.Key) : [];
            if (fields.Names(LoanCreditLineAlias) && Exhibitions.PublishedLoans.CreditLine(loans, culture) is { } lent)
                w.WriteString(LoanCreditLineAlias, lent);
            WriteWhereabouts(w, item, culture, fields);
            if (fields.Names(NoPhotographyAlias) && Exhibitions.PublishedLoans.NoPhotography(loans))
                w.WriteBoolean(NoPhotographyAlias, true);
        }
        w.WriteEndObject();
    }

    /// The item whose properties are being written: a place it picks is also named as it was in the item's time.
    /// Read only when a picked place has former names (few do), so an item read pays nothing otherwise.
    private static readonly byte[] FormerNamesKey = System.Text.Encoding.UTF8.GetBytes($"\"{Engine.Places.PlaceNameHistory.Alias}\"");

    [ThreadStatic]
    private static ContentType? _datedType;
    [ThreadStatic]
    private static ContentData? _datedData;

    /// The name a picked place bore throughout the dating of the item that picks it ("Alma-Ata" for an object made
    /// in 1957 in Almaty), or null: no dating, no former names, or the dating spans a change of name.
    private string? NameAtTheTime(PublishedNode picked, string culture)
    {
        if (_datedType is not { } type || _datedData is not { } data || picked.Data.AsSpan().IndexOf(FormerNamesKey) < 0)
            return null;
        var dating = schema().PropertiesOf(type).FirstOrDefault(p => p.EditorAlias == HistoricalDatingEditor.EditorAlias) is { } property
            ? HistoricalDatingEditor.Read(data.GetValue(property.Alias, property.Variations.VariesByCulture() ? culture : ContentData.Invariant))
            : null;
        if (dating is null)
            return null;
        var former = ContentData.FromJson(System.Text.Encoding.UTF8.GetString(picked.Data)).GetValue(Engine.Places.PlaceNameHistory.Alias, culture);
        return Engine.Places.PlaceNameHistory.NameThroughout(former, dating.Earliest, dating.Latest);
    }

    // Member data never leaves through the Delivery API (as in Umbraco).
    private static bool IsMemberEditor(string alias) => alias is "Umbraco.MemberPicker" or "Umbraco.MemberGroupPicker";

    private PropertyType? FindProperty(ContentType type, string alias) => schema().FindProperty(type, alias);

    private bool Reachable(Guid key, string culture, bool media, out PublishedNode node)
    {
        node = cache.Find(key)!;
        return node is not null && node.IsMedia == media && settings.IsAllowed(node.ContentTypeAlias) &&
               (media || cache.IsVisible(node, culture));
    }

    private static string? Text(JsonNode? node) => node is JsonValue v && v.TryGetValue<string>(out var s) ? s : node?.ToString();

    private static JsonNode? ParseJson(string? stored)
    {
        if (string.IsNullOrWhiteSpace(stored))
            return null;
        try
        {
            return JsonNode.Parse(stored);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
