using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Archive.Engine.Schema;

namespace Archive.Engine.Editors;

/// The editors the engine knows, by alias. Unknown aliases get a pass-through editor.
public sealed class PropertyEditors
{
    private readonly Dictionary<string, PropertyEditor> _byAlias;

    public PropertyEditors()
    {
        PropertyEditor[] editors =
        [
            new TextBoxEditor(), new TextAreaEditor(), new RichTextEditor(), new IntegerEditor(), new DecimalEditor(),
            new TrueFalseEditor(), new DateTimeEditor(), new DropDownEditor(), new TagsEditor(), new ContentPickerEditor(),
            new MultiNodeTreePickerEditor(), new MediaPicker3Editor(), new ImageCropperEditor(), new UploadFieldEditor(),
            new MultiUrlPickerEditor(), new BlockListEditor(), new BlockGridEditor(), new HistoricalDatingEditor(), new GeoPointEditor(), new PlaceNamesEditor(),
            new PlainTextEditor("Umbraco.EmailAddress"), new PlainTextEditor("Umbraco.MarkdownEditor"),
        ];
        _byAlias = editors.ToDictionary(e => e.Alias, StringComparer.OrdinalIgnoreCase);
    }

    public static PropertyEditors Default { get; } = new();

    public bool IsKnown(string alias) => _byAlias.ContainsKey(alias);

    public PropertyEditor For(string alias) => _byAlias.TryGetValue(alias, out var editor) ? editor : new UnknownEditor(alias);

    /// Converts and checks one value of a property: the editor's own rules, then mandatory and regex.
    public (string? Stored, List<EditorError> Errors) ValidateNested(PropertyType property, JsonNode? value, EditorContext parent) =>
        Validate(property, value, parent.Schema, parent.Depth);

    public (string? Stored, List<EditorError> Errors) Validate(PropertyType property, JsonNode? value, SchemaSnapshot schema, int depth = 0)
    {
        var config = property.DataTypeKey is { } key && schema.FindDataType(key) is { } dataType ? dataType.Config() : [];
        var editor = For(property.EditorAlias);
        var errors = new List<EditorError>();
        var stored = editor.ToStored(value, new EditorContext(config, schema, this, depth), errors);
        if (errors.Count > 0)
            return (null, errors);
        if (property.Mandatory && IsEmpty(stored))
            errors.Add(new EditorError("", string.IsNullOrWhiteSpace(property.MandatoryMessage) ? $"'{property.Name}' is mandatory." : property.MandatoryMessage));
        else if (!string.IsNullOrEmpty(property.ValidationRegex) && !IsEmpty(stored) && !Matches(property.ValidationRegex, editor.TextOf(stored!) ?? stored!))
            errors.Add(new EditorError("", string.IsNullOrWhiteSpace(property.ValidationRegexMessage) ? $"'{property.Name}' does not match the required pattern." : property.ValidationRegexMessage));
        return (stored, errors);
    }

    public static bool IsEmpty(string? stored) => string.IsNullOrWhiteSpace(stored) || stored.Trim() is "[]" or "{}";

    private static bool Matches(string pattern, string text)
    {
        try
        {
            return Regex.IsMatch(text, pattern, RegexOptions.None, TimeSpan.FromMilliseconds(200));
        }
        catch (RegexMatchTimeoutException)
        {
            return false;
        }
        catch (ArgumentException)
        {
            // A broken pattern in the schema is the schema's fault, not the curator's.
            return true;
        }
    }
}
