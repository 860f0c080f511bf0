using System.Text.Json.Nodes;
using Archive.Engine.Schema;

namespace Archive.Engine.Editors;

/// Umbraco.BlockList and Umbraco.BlockGrid: blocks of element types, each block's values validated
/// by the editors of the element type's properties.
public class BlockListEditor : PropertyEditor
{
    public override string Alias => "Umbraco.BlockList";

    public override bool StoresJson => true;

    protected virtual string LayoutAlias => "Umbraco.BlockList";

    public override string? ToStored(JsonNode? value, EditorContext context, List<EditorError> errors)
    {
        if (value is null)
            return null;
        // A stored block value (a JSON string, as uSync holds it) is accepted as well as the object.
        if (value is JsonValue text && text.TryGetValue<string>(out var json) && json.TrimStart().StartsWith('{'))
        {
            try
            {
                value = JsonNode.Parse(json);
            }
            catch (System.Text.Json.JsonException)
            {
                errors.Add(new EditorError("", "The block value is not valid JSON."));
                return null;
            }
        }
        if (value is not JsonObject blocks)
        {
            errors.Add(new EditorError("", "Expected a block value with contentData and layout."));
            return null;
        }
        if (context.Depth >= EditorContext.MaxDepth)
        {
            errors.Add(new EditorError("", $"Blocks may be nested at most {EditorContext.MaxDepth} deep."));
            return null;
        }
        var allowed = AllowedElementTypes(context.Config);
        var result = (JsonObject)blocks.DeepClone();
        foreach (var part in new[] { "contentData", "settingsData" })
        {
            if (result[part] is not JsonArray items)
            {
                if (part == "contentData")
                    errors.Add(new EditorError(part, "contentData must be an array."));
                result[part] ??= new JsonArray();
                continue;
            }
            for (var i = 0; i < items.Count; i++)
                ValidateBlock(items[i], $"{part}[{i}]", part == "contentData" ? allowed.Content : allowed.Settings, context, errors);
        }
        if (Layout(result) is null)
            errors.Add(new EditorError("layout", $"The layout must hold a \"{LayoutAlias}\" array."));
        var count = Layout(result)?.Count ?? 0;
        var min = ConfigInt(context.Config, "validationLimit", "min");
        var max = ConfigInt(context.Config, "validationLimit", "max");
        if (min > 0 && count < min)
            errors.Add(new EditorError("", $"At least {min} blocks are required."));
        if (max > 0 && count > max)
            errors.Add(new EditorError("", $"At most {max} blocks are allowed."));
        return Serialize(result);
    }

    public override string? TextOf(string stored)
    {
        // Searchable text of a block value: every string inside its values.
        var texts = new List<string>();
        Collect(JsonNode.Parse(stored), texts);
        return string.Join(" ", texts);
    }

    private static void Collect(JsonNode? node, List<string> texts)
    {
        switch (node)
        {
            case JsonObject o:
                if (o["values"] is JsonArray values)
                    foreach (var v in values)
                        Collect(v?["value"], texts);
                else if (o["contentData"] is JsonArray content)
                    foreach (var c in content)
                        Collect(c, texts);
                else if (o["markup"] is JsonValue markup)
                    texts.Add(RichTextEditor.MarkupOf(o.ToJsonString()));
                break;
            case JsonArray a:
                foreach (var item in a)
                    Collect(item, texts);
                break;
            case JsonValue v when v.TryGetValue<string>(out var s) && !s.StartsWith("umb://"):
                texts.Add(s);
                break;
        }
    }

    private JsonArray? Layout(JsonObject value)
    {
        var layout = value.FirstOrDefault(p => p.Key.Equals("layout", StringComparison.OrdinalIgnoreCase)).Value as JsonObject;
        return layout?[LayoutAlias] as JsonArray;
    }

    private static void ValidateBlock(JsonNode? node, string path, HashSet<Guid> allowed, EditorContext context, List<EditorError> errors)
    {
        if (node is not JsonObject block || !Guid.TryParse(block["contentTypeKey"]?.ToString(), out var typeKey))
        {
            errors.Add(new EditorError(path, "Each block needs a contentTypeKey."));
            return;
        }
        if (!Guid.TryParse(block["key"]?.ToString(), out _) && block["udi"] is null)
            block["key"] = Guid.NewGuid().ToString();
        var elementType = context.Schema.FindType(typeKey);
        if (elementType is null || !elementType.IsElement)
        {
            errors.Add(new EditorError($"{path}.contentTypeKey", $"{typeKey} is not an element type."));
            return;
        }
        if (allowed.Count > 0 && !allowed.Contains(typeKey))
        {
            errors.Add(new EditorError($"{path}.contentTypeKey", $"Blocks of type '{elementType.Alias}' are not allowed here."));
            return;
        }
        if (block["values"] is not JsonArray values)
            return;
        for (var j = 0; j < values.Count; j++)
        {
            if (values[j] is not JsonObject entry)
                continue;
            var alias = entry["alias"]?.ToString() ?? "";
            var property = context.Schema.FindProperty(elementType, alias);
            if (property is null)
            {
                errors.Add(new EditorError($"{path}.values[{j}].alias", $"'{alias}' is not a property of '{elementType.Alias}'."));
                continue;
            }
            var nested = context.Editors.ValidateNested(property, entry["value"], context with { Depth = context.Depth + 1 });
            foreach (var e in nested.Errors)
                errors.Add(e with { Path = $"{path}.values[{j}].value{(e.Path.Length == 0 || e.Path.StartsWith('[') ? "" : ".")}{e.Path}" });
            // Inside blocks values are JSON, not strings: keep JSON-valued editors' values as JSON.
            entry["value"] = nested.Stored is null ? null
                : context.Editors.For(property.EditorAlias).StoresJson ? JsonNode.Parse(nested.Stored) : JsonValue.Create(nested.Stored);
        }
    }

    private static (HashSet<Guid> Content, HashSet<Guid> Settings) AllowedElementTypes(JsonObject config)
    {
        var content = new HashSet<Guid>();
        var settings = new HashSet<Guid>();
        if (FindKey(config, "blocks") is JsonArray blocks)
            foreach (var block in blocks.OfType<JsonObject>())
            {
                if (Guid.TryParse(block["contentElementTypeKey"]?.ToString(), out var c)) content.Add(c);
                if (Guid.TryParse(block["settingsElementTypeKey"]?.ToString(), out var s)) settings.Add(s);
            }
        return (content, settings);
    }
}

public sealed class BlockGridEditor : BlockListEditor
{
    public override string Alias => "Umbraco.BlockGrid";

    protected override string LayoutAlias => "Umbraco.BlockGrid";
}
