using System.Text.Json.Nodes;

namespace Archive.Engine.Editors;

public class TextBoxEditor : PropertyEditor
{
    public override string Alias => "Umbraco.TextBox";

    public override string? ToStored(JsonNode? value, EditorContext context, List<EditorError> errors)
    {
        var text = AsString(value, errors);
        if (text is null)
            return null;
        var max = ConfigInt(context.Config, "maxChars");
        if (max is > 0 && text.Length > max)
            errors.Add(new EditorError("", $"At most {max} characters are allowed; the value has {text.Length}."));
        if (text.Any(c => char.IsControl(c) && c is not '\n' and not '\r' and not '\t'))
            errors.Add(new EditorError("", "Control characters are not allowed."));
        return text;
    }

    public override IEnumerable<object> ComparableValuesOf(string stored) => [stored];
}

public sealed class TextAreaEditor : TextBoxEditor
{
    public override string Alias => "Umbraco.TextArea";
}

/// Umbraco editors that keep plain text, each a string.
public sealed class PlainTextEditor(string alias) : TextBoxEditor
{
    public override string Alias => alias;
}
