using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Archive.Engine.Editors;

public sealed class IntegerEditor : PropertyEditor
{
    public override string Alias => "Umbraco.Integer";

    public override string? ToStored(JsonNode? value, EditorContext context, List<EditorError> errors)
    {
        var text = AsString(value, errors, "a whole number");
        if (string.IsNullOrWhiteSpace(text))
            return null;
        if (!long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number))
        {
            errors.Add(new EditorError("", $"'{text}' is not a whole number."));
            return null;
        }
        var min = ConfigInt(context.Config, "min");
        var max = ConfigInt(context.Config, "max");
        if (number < min || number > max)
            errors.Add(new EditorError("", $"The value must be between {min} and {max}."));
        return number.ToString(CultureInfo.InvariantCulture);
    }

    public override IEnumerable<object> ComparableValuesOf(string stored) =>
        double.TryParse(stored, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) ? [number] : [];
}

public sealed class DecimalEditor : PropertyEditor
{
    public override string Alias => "Umbraco.Decimal";

    public override string? ToStored(JsonNode? value, EditorContext context, List<EditorError> errors)
    {
        var text = AsString(value, errors, "a number");
        if (string.IsNullOrWhiteSpace(text))
            return null;
        if (!decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
        {
            errors.Add(new EditorError("", $"'{text}' is not a number (use a point for decimals and no thousands separators)."));
            return null;
        }
        return number.ToString(CultureInfo.InvariantCulture);
    }

    public override IEnumerable<object> ComparableValuesOf(string stored) =>
        double.TryParse(stored, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) ? [number] : [];
}

public sealed class TrueFalseEditor : PropertyEditor
{
    public override string Alias => "Umbraco.TrueFalse";

    public override string? ToStored(JsonNode? value, EditorContext context, List<EditorError> errors)
    {
        if (value is null)
            return null;
        if (value is JsonValue v)
        {
            if (v.GetValueKind() is JsonValueKind.True) return "1";
            if (v.GetValueKind() is JsonValueKind.False) return "0";
            var text = v.ToString().Trim();
            if (text is "1" or "true" or "True") return "1";
            if (text is "0" or "false" or "False" or "") return "0";
        }
        errors.Add(new EditorError("", "Expected true or false."));
        return null;
    }
}

public sealed class DateTimeEditor : PropertyEditor
{
    public override string Alias => "Umbraco.DateTime";

    public override string? ToStored(JsonNode? value, EditorContext context, List<EditorError> errors)
    {
        var text = AsString(value, errors, "a date");
        if (string.IsNullOrWhiteSpace(text))
            return null;
        if (!DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date))
        {
            errors.Add(new EditorError("", $"'{text}' is not a date (use ISO 8601, e.g. 2024-05-01T10:00:00)."));
            return null;
        }
        // Umbraco stores dates without zone or fraction, as uSync writes them.
        return date.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture);
    }

    public override IEnumerable<object> ComparableValuesOf(string stored) =>
        DateTime.TryParse(stored, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var date) ? [date] : [];
}

public sealed class DropDownEditor : PropertyEditor
{
    /// The choices a stored value holds (a JSON array; a bare value as one choice).
    public static IReadOnlyList<string> Choices(string? stored)
    {
        if (string.IsNullOrWhiteSpace(stored))
            return [];
        try
        {
            return System.Text.Json.JsonSerializer.Deserialize<string[]>(stored) ?? [];
        }
        catch (System.Text.Json.JsonException)
        {
            return [stored.Trim()];
        }
    }

    /// The choices a data type's configuration offers (plain strings or Umbraco's {value} objects).
    public static IReadOnlyList<string> Items(JsonObject config) => FindKey(config, "items") is JsonArray configured
        ? configured.Select(i => i is JsonObject o ? o["value"]?.ToString() ?? "" : i?.ToString() ?? "").ToList()
        : [];

    public override string Alias => "Umbraco.DropDown.Flexible";

    public override bool StoresJson => true;

    public override string? ToStored(JsonNode? value, EditorContext context, List<EditorError> errors)
    {
        if (value is null)
            return null;
        var selected = value switch
        {
            JsonArray array => array.Select(i => i?.ToString() ?? "").ToList(),
            _ => [value.ToString()],
        };
        var items = Items(context.Config).ToHashSet();
        for (var i = 0; i < selected.Count; i++)
            if (items.Count > 0 && !items.Contains(selected[i]))
                errors.Add(new EditorError($"[{i}]", $"'{selected[i]}' is not one of the allowed items."));
        if (selected.Count > 1 && !ConfigBool(context.Config, "multiple"))
            errors.Add(new EditorError("", "Only one item may be selected."));
        return Serialize(new JsonArray(selected.Select(s => (JsonNode?)JsonValue.Create(s)).ToArray()));
    }

    public override string? TextOf(string stored) =>
        JsonNode.Parse(stored) is JsonArray a ? string.Join(" ", a.Select(i => i?.ToString())) : stored;

    public override IEnumerable<object> ComparableValuesOf(string stored) => ListValues(stored);
}

public sealed class TagsEditor : PropertyEditor
{
    public override string Alias => "Umbraco.Tags";

    public override string? ToStored(JsonNode? value, EditorContext context, List<EditorError> errors)
    {
        if (value is null)
            return null;
        var tags = value switch
        {
            JsonArray array => array.Select(i => i?.ToString() ?? "").ToList(),
            _ => (value.ToString()).Split(',').ToList(),
        };
        var clean = new List<string>();
        for (var i = 0; i < tags.Count; i++)
        {
            var tag = tags[i].Trim();
            if (tag.Length == 0)
                continue;
            if (tag.Length > 200)
                errors.Add(new EditorError($"[{i}]", "A tag may have at most 200 characters."));
            if (!clean.Contains(tag, StringComparer.OrdinalIgnoreCase))
                clean.Add(tag);
        }
        var csv = FindKey(context.Config, "storageType")?.ToString() is { } storage && storage.Equals("Csv", StringComparison.OrdinalIgnoreCase);
        return csv ? string.Join(",", clean) : Serialize(new JsonArray(clean.Select(t => (JsonNode?)JsonValue.Create(t)).ToArray()));
    }

    public override string? TextOf(string stored) => string.Join(" ", ListValues(stored));

    public override IEnumerable<object> ComparableValuesOf(string stored) => ListValues(stored);
}
