using System.Text.Json;
using System.Text.Json.Nodes;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace Archive.Delivery.Rendering;

/// Rich text as an element tree (`RichTextOutputAsJson`): {"tag":"#root","attributes":{},"elements":[…],"blocks":[…]}.
/// Comments and whitespace-only text are dropped; `data-x` attributes become `x`; block placeholders
/// keep their content id.
internal static class RichTextTree
{
    private static readonly HtmlParser Parser = new();

    public static void Write(Utf8JsonWriter w, string markup, string culture, DeliveryRenderer renderer, JsonNode? blocks, PropertySpec? expand, PropertySpec fields, int depth)
    {
        var document = Parser.ParseDocument("<body>" + markup + "</body>");
        w.WriteStartObject();
        w.WriteString("tag", "#root");
        w.WritePropertyName("attributes");
        w.WriteStartObject();
        w.WriteEndObject();
        w.WritePropertyName("elements");
        WriteChildren(w, document.Body!);
        w.WritePropertyName("blocks");
        renderer.WriteRichTextBlocks(w, blocks, culture, expand, fields, depth);
        w.WriteEndObject();
    }

    private static void WriteChildren(Utf8JsonWriter w, INode parent)
    {
        w.WriteStartArray();
        foreach (var child in parent.ChildNodes)
        {
            if (child is IText text)
            {
                if (string.IsNullOrWhiteSpace(text.Data))
                    continue;
                w.WriteStartObject();
                w.WriteString("tag", "#text");
                w.WriteString("text", text.Data);
                w.WriteEndObject();
            }
            else if (child is IElement element)
            {
                w.WriteStartObject();
                w.WriteString("tag", element.LocalName);
                w.WritePropertyName("attributes");
                w.WriteStartObject();
                foreach (var attribute in element.Attributes)
                    w.WriteString(attribute.Name.StartsWith("data-", StringComparison.Ordinal) ? attribute.Name[5..] : attribute.Name, attribute.Value);
                w.WriteEndObject();
                w.WritePropertyName("elements");
                WriteChildren(w, element);
                w.WriteEndObject();
            }
        }
        w.WriteEndArray();
    }
}
