using System.Text.Json;
using System.Text.Json.Nodes;
using Archive.Engine.Content;

namespace Archive.Engine.Editors;

public sealed class ContentPickerEditor : PropertyEditor
{
    public override string Alias => "Umbraco.ContentPicker";

    public override string? ToStored(JsonNode? value, EditorContext context, List<EditorError> errors)
    {
        var text = AsString(value, errors, "a document key or umb://document Udi");
        if (string.IsNullOrWhiteSpace(text))
            return null;
        if (!Udi.TryParseReference(text.Trim(), "document", out var udi))
        {
            errors.Add(new EditorError("", $"'{text}' is not a document key or umb://document Udi."));
            return null;
        }
        return udi.Value.ToString();
    }

    /// The back office's document picker holds the picked key.
    public override JsonNode? ToManagement(string stored) => Udi.TryParse(stored.Trim(), out var udi) ? JsonValue.Create(udi.Value.Key.ToString()) : null;

    public override string? TextOf(string stored) => null;
}

public sealed class MultiNodeTreePickerEditor : PropertyEditor
{
    /// The keys a stored value names ("umb://document/…" UDIs, comma-separated), in order, each once.
    public static IReadOnlyList<Guid> Keys(string? stored) => string.IsNullOrEmpty(stored) ? []
        : stored.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(udi => Udi.TryParse(udi, out var parsed) ? parsed.Value.Key : Guid.Empty).Where(k => k != Guid.Empty).Distinct().ToList();

    public override string Alias => "Umbraco.MultiNodeTreePicker";

    public override string? ToStored(JsonNode? value, EditorContext context, List<EditorError> errors)
    {
        if (value is null)
            return null;
        var items = value is JsonArray array
            ? array.Select(i => i is JsonObject o ? (o["unique"] ?? o["id"] ?? o["udi"])?.ToString() : i?.ToString()).ToList()
            : value.ToString().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(s => (string?)s).ToList();
        var entityType = (FindKey(context.Config, "startNode") as JsonObject)?["type"]?.ToString() switch
        {
            "media" => "media",
            "member" => "member",
            _ => "document",
        };
        var udis = new List<string>();
        for (var i = 0; i < items.Count; i++)
        {
            if (Udi.TryParseReference(items[i], entityType, out var udi))
                udis.Add(udi.Value.ToString());
            else
                errors.Add(new EditorError($"[{i}]", $"'{items[i]}' is not a {entityType} key or Udi."));
        }
        var min = ConfigInt(context.Config, "minNumber");
        var max = ConfigInt(context.Config, "maxNumber");
        if (min > 0 && udis.Count < min)
            errors.Add(new EditorError("", $"At least {min} items are required."));
        if (max > 0 && udis.Count > max)
            errors.Add(new EditorError("", $"At most {max} items are allowed."));
        return udis.Count == 0 ? null : string.Join(",", udis);
    }

    /// Umbraco 14+'s shape: each picked item as {"type": "document", "unique": key}.
    public override JsonNode? ToManagement(string stored) => new JsonArray(stored.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
        .Select(u => Udi.TryParse(u, out var udi) ? new JsonObject { ["type"] = udi.Value.EntityType, ["unique"] = udi.Value.Key.ToString() } : null)
        .OfType<JsonNode>().ToArray());

    public override string? TextOf(string stored) => null;
}

public sealed class MediaPicker3Editor : PropertyEditor
{
    public override string Alias => "Umbraco.MediaPicker3";

    public override bool StoresJson => true;

    public override string? ToStored(JsonNode? value, EditorContext context, List<EditorError> errors)
    {
        if (value is null)
            return null;
        var items = value as JsonArray ?? (value is JsonObject single ? new JsonArray(single.DeepClone()) : null);
        if (items is null)
        {
            errors.Add(new EditorError("", "Expected an array of media picks."));
            return null;
        }
        var result = new JsonArray();
        for (var i = 0; i < items.Count; i++)
        {
            if (items[i] is not JsonObject pick || !Guid.TryParse(pick["mediaKey"]?.ToString(), out var mediaKey))
            {
                errors.Add(new EditorError($"[{i}].mediaKey", "Each pick needs a mediaKey (a media item's key)."));
                continue;
            }
            var key = Guid.TryParse(pick["key"]?.ToString(), out var k) ? k : Guid.NewGuid();
            var focal = pick["focalPoint"] as JsonObject;
            if (focal is not null && !ImageCropperEditor.IsValidFocalPoint(focal))
                errors.Add(new EditorError($"[{i}].focalPoint", "A focal point has left and top between 0 and 1."));
            var crops = pick["crops"] as JsonArray ?? [];
            result.Add(new JsonObject
            {
                ["key"] = key.ToString(),
                ["mediaKey"] = mediaKey.ToString(),
                ["mediaTypeAlias"] = pick["mediaTypeAlias"]?.ToString() ?? "Image",
                ["crops"] = crops.DeepClone(),
                ["focalPoint"] = focal?.DeepClone(),
            });
        }
        var multiple = ConfigBool(context.Config, "multiple");
        if (!multiple && result.Count > 1)
            errors.Add(new EditorError("", "Only one media item may be picked."));
        var min = ConfigInt(context.Config, "validationLimit", "min");
        var max = ConfigInt(context.Config, "validationLimit", "max");
        if (min > 0 && result.Count < min)
            errors.Add(new EditorError("", $"At least {min} media items are required."));
        if (max > 0 && result.Count > max)
            errors.Add(new EditorError("", $"At most {max} media items are allowed."));
        return Serialize(result);
    }

    public override string? TextOf(string stored) => null;
}

public sealed class ImageCropperEditor : PropertyEditor
{
    public override string Alias => "Umbraco.ImageCropper";

    public override bool StoresJson => true;

    public override string? ToStored(JsonNode? value, EditorContext context, List<EditorError> errors)
    {
        if (value is null)
            return null;
        if (value is JsonValue v && v.TryGetValue<string>(out var path))
            value = new JsonObject { ["src"] = path };
        if (value is not JsonObject cropper)
        {
            errors.Add(new EditorError("", "Expected an object with src, crops and focalPoint."));
            return null;
        }
        if (cropper["src"]?.ToString() is { } src && !UploadFieldEditor.IsMediaPath(src))
            errors.Add(new EditorError("src", "The image path must be a /media/… path."));
        if (cropper["focalPoint"] is JsonObject focal && !IsValidFocalPoint(focal))
            errors.Add(new EditorError("focalPoint", "A focal point has left and top between 0 and 1."));
        return Serialize(cropper.DeepClone());
    }

    /// An image whose src is not a path into the media store points the public nowhere.
    public override string? ToPublic(string stored)
    {
        var trimmed = stored.TrimStart();
        if (!trimmed.StartsWith('{'))
            return UploadFieldEditor.IsMediaPath(trimmed.Trim()) ? stored : null;
        return ParseStored(trimmed) is not JsonObject cropper || (cropper["src"] is JsonValue src && src.TryGetValue<string>(out var path) && !UploadFieldEditor.IsMediaPath(path))
            ? null : stored;
    }

    public override string? TextOf(string stored) => null;

    /// Umbraco's cropper value whole: src, crops (an array, empty when none were set) and focalPoint, however the
    /// value was stored (a bare path from an import, an object without crops).
    public override JsonNode? ToManagement(string stored)
    {
        var trimmed = stored.TrimStart();
        var cropper = trimmed.StartsWith('{') ? ParseStored(trimmed) as JsonObject : new JsonObject { ["src"] = stored.Trim() };
        if (cropper is null)
            return null;
        var whole = (JsonObject)cropper.DeepClone();
        if (whole["crops"] is not JsonArray)
            whole["crops"] = new JsonArray();
        if (!whole.ContainsKey("focalPoint"))
            whole["focalPoint"] = null;
        return whole;
    }

    internal static bool IsValidFocalPoint(JsonObject focal) =>
        InRange(focal["left"]) && InRange(focal["top"]);

    private static bool InRange(JsonNode? node) =>
        node is JsonValue v && v.GetValueKind() == JsonValueKind.Number && v.GetValue<double>() is >= 0 and <= 1;
}

public sealed class UploadFieldEditor : PropertyEditor
{
    public override string Alias => "Umbraco.UploadField";

    public override string? ToStored(JsonNode? value, EditorContext context, List<EditorError> errors)
    {
        var path = AsString(value, errors, "a /media/… path");
        if (string.IsNullOrWhiteSpace(path))
            return null;
        if (!IsMediaPath(path))
            errors.Add(new EditorError("", "The file path must be a /media/<folder>/<file> path."));
        return path;
    }

    public override string? TextOf(string stored) => null;

    /// Only a path into the media store is a file the public may be pointed to.
    public override string? ToPublic(string stored) => IsMediaPath(stored.Trim()) ? stored : null;

    internal static bool IsMediaPath(string path) =>
        path.StartsWith("/media/", StringComparison.Ordinal) && !path.Contains("..") && !path.Contains('\\') && !path.Contains("//");
}

public sealed class MultiUrlPickerEditor : PropertyEditor
{
    public override string Alias => "Umbraco.MultiUrlPicker";

    public override bool StoresJson => true;

    public override string? ToStored(JsonNode? value, EditorContext context, List<EditorError> errors)
    {
        if (value is null)
            return null;
        if (value is not JsonArray links)
        {
            errors.Add(new EditorError("", "Expected an array of links."));
            return null;
        }
        var result = new JsonArray();
        for (var i = 0; i < links.Count; i++)
        {
            if (links[i] is not JsonObject link)
            {
                errors.Add(new EditorError($"[{i}]", "Each link is an object with name, url or udi."));
                continue;
            }
            var udi = link["udi"]?.ToString();
            var url = link["url"]?.ToString();
            if (udi is not null && !Udi.TryParse(udi, out _))
                errors.Add(new EditorError($"[{i}].udi", $"'{udi}' is not an Udi."));
            if (url is not null && !IsSafeUrl(url))
                errors.Add(new EditorError($"[{i}].url", "Only http, https, mailto, tel and relative URLs are allowed."));
            if (udi is null && string.IsNullOrWhiteSpace(url))
                errors.Add(new EditorError($"[{i}]", "A link needs a url or an udi."));
            result.Add(new JsonObject
            {
                ["name"] = link["name"]?.ToString(),
                ["target"] = link["target"]?.ToString(),
                ["udi"] = udi,
                ["url"] = url,
                ["queryString"] = link["queryString"]?.ToString(),
            });
        }
        var max = ConfigInt(context.Config, "maxNumber");
        if (max > 0 && result.Count > max)
            errors.Add(new EditorError("", $"At most {max} links are allowed."));
        return Serialize(result);
    }

    public override string? TextOf(string stored) =>
        JsonNode.Parse(stored) is JsonArray a ? string.Join(" ", a.Select(l => l?["name"]?.ToString())) : null;

    /// Links as the public gets them: one whose URL is not safe to follow (javascript:, data:, …) is left out.
    public override string? ToPublic(string stored)
    {
        if (ParseStored(stored) is not JsonArray links)
            return null;
        var safe = new JsonArray();
        foreach (var link in links.OfType<JsonObject>())
            if (link["url"] is not JsonValue url || (url.TryGetValue<string>(out var text) && (text.Length == 0 || IsSafeUrl(text))))
                safe.Add(link.DeepClone());
        return safe.Count == links.Count ? stored : Serialize(safe);
    }

    internal static bool IsSafeUrl(string url)
    {
        var trimmed = url.Trim();
        if (trimmed.StartsWith('/') || trimmed.StartsWith('#') || trimmed.StartsWith('?'))
            return !trimmed.StartsWith("//");
        return Uri.TryCreate(trimmed, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" or "mailto" or "tel";
    }
}
