using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Archive.Delivery.Cache;
using Archive.Engine.Content;
using Archive.Engine.Editors;
using Archive.Engine.Schema;
using Markdig;

namespace Archive.Delivery.Rendering;

/// Property values as Umbraco's Delivery API value converters write them.
public sealed partial class DeliveryRenderer
{
    /// Writes one value. `expand` is the spec inside this property when the request expands it (null: shallow).
    private void WriteValue(Utf8JsonWriter w, PropertyType property, string? stored, string culture, PropertySpec? expand, PropertySpec fields, int depth)
    {
        if (string.IsNullOrWhiteSpace(stored))
        {
            WriteEmpty(w, property.EditorAlias);
            return;
        }
        var config = property.DataTypeKey is { } key && schema().FindDataType(key) is { } dataType ? dataType.Config() : [];
        switch (property.EditorAlias)
        {
            case "Umbraco.Integer" or "Umbraco.Decimal" or "Umbraco.Slider" when double.TryParse(stored, NumberStyles.Float, CultureInfo.InvariantCulture, out var number):
                w.WriteNumberValue((decimal)number);
                break;
            case "Umbraco.TrueFalse":
                w.WriteBooleanValue(stored.Trim() is "1" or "true" or "True");
                break;
            case "Umbraco.DateTime":
                if (DateTime.TryParse(stored, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var date))
                    w.WriteStringValue(Date(date));
                else
                    w.WriteNullValue();
                break;
            case "Umbraco.Tags" or "Umbraco.CheckBoxList":
                WriteStrings(w, ListOf(stored));
                break;
            case "Umbraco.DropDown.Flexible":
                var selected = ListOf(stored);
                if (config["multiple"] is JsonValue m && (m.ToString() is "1" or "true" or "True"))
                    WriteStrings(w, selected);
                else if (selected.Count > 0)
                    w.WriteStringValue(selected[0]);
                else
                    w.WriteNullValue();
                break;
            case "Umbraco.ContentPicker":
                if (Udi.TryParseReference(stored.Trim(), "document", out var udi) && Reachable(udi.Value.Key, culture, media: false, out var picked))
                    WritePickedContent(w, picked, culture, expand, fields, depth);
                else
                    w.WriteNullValue();
                break;
            case "Umbraco.MultiNodeTreePicker":
                w.WriteStartArray();
                foreach (var part in stored.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                    if (Udi.TryParse(part, out var item))
                    {
                        var media = item.Value.EntityType == "media";
                        if (!Reachable(item.Value.Key, culture, media, out var node))
                            continue;
                        if (media)
                            WriteMedia(w, node, culture, expand ?? PropertySpec.None, fields, withPath: false, depth, pick: null, expanded: expand is not null && Expand());
                        else
                            WritePickedContent(w, node, culture, expand, fields, depth);
                    }
                w.WriteEndArray();
                break;
            case "Umbraco.MediaPicker3":
                w.WriteStartArray();
                foreach (var pick in ParseJson(stored) as JsonArray ?? [])
                    if (pick is JsonObject o && Guid.TryParse(Text(o["mediaKey"]), out var mediaKey) && Reachable(mediaKey, culture, true, out var media))
                        WriteMedia(w, media, culture, expand ?? PropertySpec.None, fields, withPath: false, depth, pick: o, expanded: expand is not null && Expand());
                w.WriteEndArray();
                break;
            case "Umbraco.MultiUrlPicker":
                WriteLinks(w, stored, culture);
                break;
            case "Umbraco.RichText":
                WriteRichText(w, stored, culture, expand, fields, depth);
                break;
            case "Umbraco.BlockList":
                WriteBlockList(w, stored, culture, expand, fields, depth);
                break;
            case "Umbraco.BlockGrid":
                WriteBlockGrid(w, stored, config, culture, expand, fields, depth);
                break;
            case "Umbraco.ImageCropper":
                var cropper = ParseJson(stored) as JsonObject ?? new JsonObject { ["src"] = stored };
                w.WriteStartObject();
                w.WriteString("url", Text(cropper["src"]));
                WriteFocalAndCrops(w, cropper, null);
                w.WriteEndObject();
                break;
            case "Umbraco.UploadField":
                w.WriteStringValue(stored);
                break;
            case "Umbraco.MarkdownEditor":
                // Markdown's own links may name any scheme ([x](javascript:…)): the HTML it makes is sanitised too.
                w.WriteStringValue(RichTextEditor.SanitizeHtml(Markdig.Markdown.ToHtml(stored, MarkdownPipeline)));
                break;
            case "Umbraco.ColorPicker":
                // Stored as {"value": "ce7e00", "label": …} (or the bare value): the hex value, without '#'.
                w.WriteStringValue((stored.TrimStart().StartsWith('{') ? Text((ParseJson(stored) as JsonObject)?["value"]) : stored)?.TrimStart('#'));
                break;
            case "Umbraco.Slider" when stored.Split(',') is [var low, var high]
                                       && decimal.TryParse(low, NumberStyles.Float, CultureInfo.InvariantCulture, out var minimum)
                                       && decimal.TryParse(high, NumberStyles.Float, CultureInfo.InvariantCulture, out var maximum):
                w.WriteStartObject();
                w.WriteNumber("minimum", minimum);
                w.WriteNumber("maximum", maximum);
                w.WriteEndObject();
                break;
            default:
                var trimmed = stored.TrimStart();
                if ((trimmed.StartsWith('{') || trimmed.StartsWith('[')) && ParseJson(stored) is { } json)
                    json.WriteTo(w);
                else
                    w.WriteStringValue(stored);
                break;
        }
    }

    // Raw HTML in Markdown is escaped, not passed through: the output reaches browsers as markup.
    private static readonly MarkdownPipeline MarkdownPipeline = new Markdig.MarkdownPipelineBuilder().DisableHtml().Build();

    private static void WriteEmpty(Utf8JsonWriter w, string editor)
    {
        if (editor is "Umbraco.Tags" or "Umbraco.CheckBoxList" or "Umbraco.MultiNodeTreePicker" or "Umbraco.MediaPicker3" or "Umbraco.MultiUrlPicker")
        {
            w.WriteStartArray();
            w.WriteEndArray();
        }
        else
            w.WriteNullValue();
    }

    private static void WriteStrings(Utf8JsonWriter w, IEnumerable<string> values)
    {
        w.WriteStartArray();
        foreach (var value in values)
            w.WriteStringValue(value);
        w.WriteEndArray();
    }

    private static List<string> ListOf(string stored)
    {
        if (stored.TrimStart().StartsWith('['))
            return (ParseJson(stored) as JsonArray ?? []).Select(Text).OfType<string>().ToList();
        return stored.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
    }

    private void WriteLinks(Utf8JsonWriter w, string stored, string culture)
    {
        w.WriteStartArray();
        foreach (var link in ParseJson(stored) as JsonArray ?? [])
        {
            if (link is not JsonObject o)
                continue;
            var query = Text(o["queryString"]);
            PublishedNode? target = null;
            var kind = "External";
            if (Udi.TryParse(Text(o["udi"]), out var udi))
            {
                var media = udi.Value.EntityType == "media";
                if (!Reachable(udi.Value.Key, culture, media, out target))
                    continue; // links to items that are gone or unpublished are dropped
                kind = media ? "Media" : "Content";
            }
            w.WriteStartObject();
            w.WriteString("url", kind switch { "Content" => null, "Media" => MediaUrl(target!) + query, _ => Text(o["url"]) + query });
            w.WriteString("queryString", query);
            w.WriteString("title", Text(o["name"]));
            w.WriteString("target", Text(o["target"]));
            if (target is null)
            {
                w.WriteNull("destinationId");
                w.WriteNull("destinationType");
            }
            else
            {
                w.WriteString("destinationId", target.Key);
                w.WriteString("destinationType", target.ContentTypeAlias);
            }
            w.WritePropertyName("route");
            if (kind == "Content")
                WriteRoute(w, cache.RouteOf(target!, culture)!);
            else
                w.WriteNullValue();
            w.WriteString("linkType", kind);
            w.WriteEndObject();
        }
        w.WriteEndArray();
    }

    [GeneratedRegex(@"\{localLink:(?:umb://document/)?([0-9a-fA-F-]{32,36})\}")]
    private static partial Regex LocalLink();

    // An anchor whose address is a local link: `<a href="/{localLink:…}" …>`.
    [GeneratedRegex(@"<a\b([^>]*?)\shref=""/?\{localLink:(?:umb://document/)?([0-9a-fA-F-]{32,36})\}""([^>]*)>", RegexOptions.IgnoreCase)]
    private static partial Regex LocalLinkAnchor();

    /// Markup with internal links resolved as Umbraco resolves them: the route's path with the start item's path
    /// and id beside it (`data-start-item-path`, `data-start-item-id`), and no address at all for a link to an item
    /// the public cannot reach. A local link outside an anchor's address becomes the route's path, or "#".
    private string ResolveLinks(string markup, string culture)
    {
        markup = LocalLinkAnchor().Replace(markup, m =>
        {
            var rest = m.Groups[1].Value + m.Groups[3].Value;
            if (!Guid.TryParse(m.Groups[2].Value, out var key) || !Reachable(key, culture, false, out var node))
                return $"<a{rest}>";
            var route = cache.RouteOf(node, culture)!;
            return $"<a{m.Groups[1].Value} href=\"{route.Path}\"{m.Groups[3].Value} data-start-item-path=\"{route.StartItemPath}\" data-start-item-id=\"{route.StartItemKey:D}\">";
        });
        return LocalLink().Replace(markup, m =>
            Guid.TryParse(m.Groups[1].Value, out var key) && Reachable(key, culture, false, out var node) ? cache.RouteOf(node, culture)!.Path : "#");
    }

    private void WriteRichText(Utf8JsonWriter w, string stored, string culture, PropertySpec? expand, PropertySpec fields, int depth)
    {
        var json = stored.TrimStart().StartsWith('{') ? ParseJson(stored) as JsonObject : null;
        var markup = ResolveLinks(json is null ? stored : Text(json["markup"]) ?? "", culture);
        if (settings.RichTextOutputAsJson)
        {
            RichTextTree.Write(w, markup, culture, this, json?["blocks"], expand, fields, depth);
            return;
        }
        w.WriteStartObject();
        w.WriteString("markup", markup);
        w.WritePropertyName("blocks");
        WriteBlockItems(w, json?["blocks"] as JsonObject, "Umbraco.RichText", culture, expand, fields, depth);
        w.WriteEndObject();
    }

    internal void WriteRichTextBlocks(Utf8JsonWriter w, JsonNode? blocks, string culture, PropertySpec? expand, PropertySpec fields, int depth) =>
        WriteBlockItems(w, blocks as JsonObject, "Umbraco.RichText", culture, expand, fields, depth);

    private void WriteBlockList(Utf8JsonWriter w, string stored, string culture, PropertySpec? expand, PropertySpec fields, int depth)
    {
        w.WriteStartObject();
        w.WritePropertyName("items");
        WriteBlockItems(w, ParseJson(stored) as JsonObject, "Umbraco.BlockList", culture, expand, fields, depth);
        w.WriteEndObject();
    }

    private void WriteBlockItems(Utf8JsonWriter w, JsonObject? value, string layoutAlias, string culture, PropertySpec? expand, PropertySpec fields, int depth)
    {
        w.WriteStartArray();
        if (value is not null)
        {
            var blocks = Blocks.Of(value);
            foreach (var layout in Blocks.Layout(value, layoutAlias))
                WriteBlockItem(w, blocks, layout, culture, expand, fields, depth);
        }
        w.WriteEndArray();
    }

    private void WriteBlockItem(Utf8JsonWriter w, Blocks blocks, JsonObject layout, string culture, PropertySpec? expand, PropertySpec fields, int depth)
    {
        w.WriteStartObject();
        w.WritePropertyName("content");
        WriteElement(w, blocks.Content(layout), culture, expand, fields, depth);
        w.WritePropertyName("settings");
        WriteElement(w, blocks.Settings(layout), culture, expand, fields, depth);
        w.WriteEndObject();
    }

    private void WriteBlockGrid(Utf8JsonWriter w, string stored, JsonObject config, string culture, PropertySpec? expand, PropertySpec fields, int depth)
    {
        var value = ParseJson(stored) as JsonObject;
        var columns = int.TryParse(Text(config["gridColumns"]), out var c) && c > 0 ? c : 12;
        var areaAliases = (config["blocks"] as JsonArray ?? []).OfType<JsonObject>()
            .SelectMany(b => b["areas"] as JsonArray ?? []).OfType<JsonObject>()
            .Where(a => Text(a["key"]) is not null).GroupBy(a => Text(a["key"])!.ToLowerInvariant()).ToDictionary(g => g.Key, g => g.First());
        var blockColumns = (config["blocks"] as JsonArray ?? []).OfType<JsonObject>()
            .Where(b => Text(b["contentElementTypeKey"]) is not null).GroupBy(b => Text(b["contentElementTypeKey"])!.ToLowerInvariant())
            .ToDictionary(g => g.Key, g => int.TryParse(Text(g.First()["areaGridColumns"]), out var a) ? a : columns);
        var blocks = value is null ? null : Blocks.Of(value);

        void Items(IEnumerable<JsonObject> layouts)
        {
            w.WriteStartArray();
            foreach (var layout in layouts)
            {
                var content = blocks!.Content(layout);
                w.WriteStartObject();
                w.WriteNumber("rowSpan", int.TryParse(Text(layout["rowSpan"]), out var rows) ? rows : 1);
                w.WriteNumber("columnSpan", int.TryParse(Text(layout["columnSpan"]), out var span) ? span : columns);
                w.WriteNumber("areaGridColumns", content is not null && blockColumns.TryGetValue(Text(content["contentTypeKey"])?.ToLowerInvariant() ?? "", out var area) ? area : columns);
                w.WritePropertyName("areas");
                w.WriteStartArray();
                foreach (var areaValue in (layout["areas"] as JsonArray ?? []).OfType<JsonObject>())
                {
                    var definition = areaAliases.GetValueOrDefault(Text(areaValue["key"])?.ToLowerInvariant() ?? "");
                    w.WriteStartObject();
                    w.WriteString("alias", Text(definition?["alias"]) ?? "");
                    w.WriteNumber("rowSpan", int.TryParse(Text(definition?["rowSpan"]), out var ar) ? ar : 1);
                    w.WriteNumber("columnSpan", int.TryParse(Text(definition?["columnSpan"]), out var ac) ? ac : columns);
                    w.WritePropertyName("items");
                    Items((areaValue["items"] as JsonArray ?? []).OfType<JsonObject>());
                    w.WriteEndObject();
                }
                w.WriteEndArray();
                w.WritePropertyName("content");
                WriteElement(w, content, culture, expand, fields, depth);
                w.WritePropertyName("settings");
                WriteElement(w, blocks.Settings(layout), culture, expand, fields, depth);
                w.WriteEndObject();
            }
            w.WriteEndArray();
        }

        w.WriteStartObject();
        w.WriteNumber("gridColumns", columns);
        w.WritePropertyName("items");
        if (value is null)
        {
            w.WriteStartArray();
            w.WriteEndArray();
        }
        else
            Items(Blocks.Layout(value, "Umbraco.BlockGrid"));
        w.WriteEndObject();
    }

    /// A block element, always rendered with its properties; pickers inside stay shallow unless the spec reaches them.
    private void WriteElement(Utf8JsonWriter w, JsonObject? element, string culture, PropertySpec? expand, PropertySpec fields, int depth)
    {
        var type = element is null ? null : Guid.TryParse(Text(element["contentTypeKey"]), out var typeKey) ? schema().FindType(typeKey) : null;
        if (element is null || type is null || depth >= PropertySpec.MaxDepth)
        {
            w.WriteNullValue();
            return;
        }
        var elementExpand = expand ?? PropertySpec.None;
        w.WriteStartObject();
        w.WriteString("contentType", type.Alias);
        w.WriteString("id", Blocks.KeyOf(element) ?? Guid.Empty);
        w.WritePropertyName("properties");
        w.WriteStartObject();
        foreach (var property in schema().PropertiesOf(type))
        {
            if (property.IsSensitive || !fields.Names(property.Alias) || IsMemberEditor(property.EditorAlias))
                continue;
            w.WritePropertyName(property.Alias);
            WriteValue(w, property, Blocks.ValueOf(element, property.Alias, property.Variations.VariesByCulture() ? culture : null), culture,
                elementExpand.Names(property.Alias) ? elementExpand.Inside(property.Alias, PropertySpec.None) : null, fields.Inside(property.Alias, PropertySpec.All), depth + 1);
        }
        w.WriteEndObject();
        w.WriteEndObject();
    }

    private string? MediaUrl(PublishedNode media)
    {
        var file = ContentData.FromJson(System.Text.Encoding.UTF8.GetString(media.Data)).GetValue("umbracoFile");
        if (string.IsNullOrWhiteSpace(file))
            return null;
        return file.TrimStart().StartsWith('{') ? Text((ParseJson(file) as JsonObject)?["src"]) : file;
    }

    /// A media item: the media endpoints' shape (with path and dates) or a picker's (with the pick's crops).
    private void WriteMedia(Utf8JsonWriter w, PublishedNode media, string culture, PropertySpec expand, PropertySpec fields, bool withPath, int depth, JsonObject? pick, bool expanded = true)
    {
        string NameOf(PublishedNode node) => node.CultureOf(culture)?.Name ?? node.Cultures.Values.FirstOrDefault()?.Name ?? "";
        var data = ContentData.FromJson(System.Text.Encoding.UTF8.GetString(media.Data));
        var file = data.GetValue("umbracoFile");
        var cropper = file is not null && file.TrimStart().StartsWith('{') ? ParseJson(file) as JsonObject : null;
        var url = cropper is not null ? Text(cropper["src"]) : file;
        w.WriteStartObject();
        if (withPath)
        {
            var names = media.AncestorKeys.Select(k => cache.Find(k) is { } folder ? NameOf(folder) : "").Append(NameOf(media));
            w.WriteString("path", "/" + string.Join("/", names.Select(n => n.ToLowerInvariant())) + "/");
            w.WriteString("createDate", Date(media.CreateDate));
            w.WriteString("updateDate", Date(media.UpdateDate));
        }
        else
            WriteFocalAndCrops(w, cropper, pick);
        w.WriteString("id", media.Key);
        w.WriteString("name", NameOf(media));
        w.WriteString("mediaType", media.ContentTypeAlias);
        w.WriteString("url", url ?? "");
        WriteStringOrNull(w, "extension", data.GetValue("umbracoExtension") ?? (url is null ? null : Path.GetExtension(url).TrimStart('.').ToLowerInvariant() is { Length: > 0 } e ? e : null));
        WriteNumberOrNull(w, "width", data.GetValue("umbracoWidth"));
        WriteNumberOrNull(w, "height", data.GetValue("umbracoHeight"));
        WriteNumberOrNull(w, "bytes", data.GetValue("umbracoBytes"));
        w.WritePropertyName("properties");
        w.WriteStartObject();
        if (withPath || expanded)
            if (schema().FindType(media.ContentTypeAlias) is { } type)
                foreach (var property in schema().PropertiesOf(type))
                {
                    if (property.Alias.StartsWith("umbraco", StringComparison.OrdinalIgnoreCase) || property.IsSensitive || !fields.Names(property.Alias))
                        continue;
                    w.WritePropertyName(property.Alias);
                    WriteValue(w, property, data.GetValue(property.Alias, property.Variations.VariesByCulture() ? culture : ContentData.Invariant), culture, expand.Names(property.Alias) ? expand.Inside(property.Alias, PropertySpec.None) : null,
                        fields.Inside(property.Alias, PropertySpec.All), depth + 1);
                }
        w.WriteEndObject();
        if (withPath)
            WriteFocalAndCrops(w, cropper, null);
        w.WriteEndObject();
    }

    private static void WriteStringOrNull(Utf8JsonWriter w, string name, string? value)
    {
        if (value is null) w.WriteNull(name);
        else w.WriteString(name, value);
    }

    private static void WriteNumberOrNull(Utf8JsonWriter w, string name, string? value)
    {
        if (long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number)) w.WriteNumber(name, number);
        else w.WriteNull(name);
    }

    /// The image's focal point and crops, the pick's own overriding them (crops per alias).
    private static void WriteFocalAndCrops(Utf8JsonWriter w, JsonObject? cropper, JsonObject? pick)
    {
        var focal = pick?["focalPoint"] as JsonObject ?? cropper?["focalPoint"] as JsonObject;
        w.WritePropertyName("focalPoint");
        if (focal is null)
            w.WriteNullValue();
        else
        {
            w.WriteStartObject();
            w.WriteNumber("left", focal["left"]?.GetValue<decimal>() ?? 0.5m);
            w.WriteNumber("top", focal["top"]?.GetValue<decimal>() ?? 0.5m);
            w.WriteEndObject();
        }
        var crops = new List<JsonObject>((cropper?["crops"] as JsonArray ?? []).OfType<JsonObject>());
        foreach (var local in (pick?["crops"] as JsonArray ?? []).OfType<JsonObject>())
        {
            crops.RemoveAll(c => Text(c["alias"]) == Text(local["alias"]));
            crops.Add(local);
        }
        w.WritePropertyName("crops");
        w.WriteStartArray();
        foreach (var crop in crops)
        {
            w.WriteStartObject();
            w.WriteString("alias", Text(crop["alias"]));
            w.WriteNumber("width", int.TryParse(Text(crop["width"]), out var width) ? width : 0);
            w.WriteNumber("height", int.TryParse(Text(crop["height"]), out var height) ? height : 0);
            w.WritePropertyName("coordinates");
            if (crop["coordinates"] is JsonObject c)
            {
                w.WriteStartObject();
                foreach (var corner in new[] { "x1", "y1", "x2", "y2" })
                    w.WriteNumber(corner, decimal.TryParse(Text(c[corner]), NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v : 0);
                w.WriteEndObject();
            }
            else
                w.WriteNullValue();
            w.WriteEndObject();
        }
        w.WriteEndArray();
    }
}
