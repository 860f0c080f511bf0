using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Ganss.Xss;

namespace Archive.Engine.Editors;

/// Umbraco.RichText: stored as {"markup": "...", "blocks": ...} (v14+) or, in older values, bare HTML.
/// Markup saved through the engine is sanitised with an allow-list that keeps what Umbraco's editor
/// writes (its data-* attributes and block placeholders); anything that could run script is refused.
public sealed partial class RichTextEditor : PropertyEditor
{
    public override string Alias => "Umbraco.RichText";

    public override bool StoresJson => true;

    private static readonly string[] DangerousTags = ["script", "iframe", "object", "embed", "style", "link", "meta", "base", "form", "frame", "frameset", "svg", "math"];

    public override string? ToStored(JsonNode? value, EditorContext context, List<EditorError> errors)
    {
        if (value is null)
            return null;
        string? markup;
        JsonNode? blocks = null;
        switch (value)
        {
            case JsonObject o:
                markup = o["markup"]?.ToString();
                blocks = o["blocks"]?.DeepClone();
                break;
            case JsonValue v when v.TryGetValue<string>(out var html):
                markup = html;
                break;
            default:
                errors.Add(new EditorError("", "Expected HTML or an object with markup and blocks."));
                return null;
        }
        var removed = new List<string>();
        var clean = Sanitize(markup ?? "", removed);
        var dangerous = removed.Where(IsDangerous).Distinct().ToList();
        if (dangerous.Count > 0)
            errors.Add(new EditorError("markup", $"Script is not allowed in rich text: {string.Join(", ", dangerous)}."));
        return Serialize(new JsonObject { ["markup"] = clean, ["blocks"] = blocks });
    }

    public override IEnumerable<string> Inspect(string stored, EditorContext context)
    {
        var markup = MarkupOf(stored);
        // Sanitising is costly; markup with no trace of script cannot hold any (imports of 100k items).
        if (!MayHoldScriptText(markup))
            return [];
        var removed = new List<string>();
        Sanitize(markup, removed);
        return removed.Where(IsDangerous).Distinct().Select(r => $"contains script ({r}); kept as imported");
    }

    /// Markup as the public gets it: sanitised with the same allow-list as a save, so imported script never runs.
    public override string? ToPublic(string stored)
    {
        var trimmed = stored.TrimStart();
        if (!trimmed.StartsWith('{'))
            return SanitizeHtml(stored);
        if (ParseStored(trimmed) is not JsonObject value)
            return null;
        var markup = value["markup"]?.ToString() ?? "";
        var clean = SanitizeHtml(markup);
        if (clean == markup)
            return stored;
        value["markup"] = clean;
        return Serialize(value);
    }

    /// HTML made safe to show: whatever the allow-list does not keep is removed.
    public static string SanitizeHtml(string html) => MayHoldScriptText(html) ? Sanitize(html, []) : html;

    /// A quick look before the costly sanitiser: markup with no trace of script cannot hold any. Browsers
    /// drop tabs and line breaks inside URLs ("jav&#9;ascript:"), so schemes are looked for without them.
    private static bool MayHoldScriptText(string html) => MayHoldScript().IsMatch(html) || UnsafeScheme().IsMatch(Squeeze(html));

    private static string Squeeze(string text) => Whitespace().Replace(text, "");

    public override string? TextOf(string stored) => WebUtility(TagPattern().Replace(MarkupOf(stored), " "));

    public static string MarkupOf(string stored)
    {
        var trimmed = stored.TrimStart();
        if (trimmed.StartsWith('{'))
        {
            try
            {
                return JsonNode.Parse(trimmed)?["markup"]?.ToString() ?? "";
            }
            catch (System.Text.Json.JsonException)
            {
                return stored;
            }
        }
        return stored;
    }

    internal static string Sanitize(string html, List<string> removed)
    {
        var sanitizer = new HtmlSanitizer { AllowDataAttributes = true };
        foreach (var tag in new[] { "umb-rte-block", "umb-rte-block-inline", "figure", "figcaption", "picture", "source", "video", "audio", "track" })
            sanitizer.AllowedTags.Add(tag);
        foreach (var attribute in new[] { "class", "id", "target", "rel", "type", "title", "alt", "width", "height", "loading", "controls", "srcset", "sizes", "lang", "dir" })
            sanitizer.AllowedAttributes.Add(attribute);
        // A form posts wherever its buttons say; nothing an archive's text needs.
        sanitizer.AllowedTags.Remove("form");
        // The sanitiser takes "jav<tab>ascript:" for a relative URL; a browser drops the tab and runs it.
        sanitizer.FilterUrl += (_, e) =>
        {
            if (UnsafeScheme().IsMatch(Squeeze(System.Net.WebUtility.HtmlDecode(e.OriginalUrl))))
                e.SanitizedUrl = null;
        };
        sanitizer.RemovingTag += (_, e) => removed.Add($"<{e.Tag.NodeName.ToLowerInvariant()}>");
        sanitizer.RemovingAttribute += (_, e) => removed.Add($"{e.Attribute.Name}=\"{Shorten(e.Attribute.Value)}\"");
        sanitizer.RemovingStyle += (_, e) => removed.Add($"style {e.Style.Name}");
        return sanitizer.Sanitize(html);
    }

    private static bool IsDangerous(string removal)
    {
        if (removal.StartsWith('<'))
            return DangerousTags.Contains(removal.Trim('<', '>'));
        if (removal.StartsWith("on", StringComparison.OrdinalIgnoreCase))
            return true;
        var squeezed = Squeeze(removal);
        // A pasted data: image is dropped quietly; a data: document or script is an attempt.
        return ScriptScheme().IsMatch(squeezed) || squeezed.Contains("expression(", StringComparison.OrdinalIgnoreCase);
    }

    private static string Shorten(string value) => value.Length <= 40 ? value : value[..40] + "…";

    private static string WebUtility(string text) => System.Net.WebUtility.HtmlDecode(text).Trim();

    [GeneratedRegex(@"<\s*/?\s*(script|iframe|object|embed|style|link|meta|base|form|frame|svg|math)|[\s/""']on[a-z]+\s*=|javascript:|vbscript:|data:|expression\(|&#|&colon", RegexOptions.IgnoreCase)]
    private static partial Regex MayHoldScript();

    [GeneratedRegex(@"javascript:|vbscript:|livescript:|data:", RegexOptions.IgnoreCase)]
    private static partial Regex UnsafeScheme();

    [GeneratedRegex(@"javascript:|vbscript:|livescript:|data:text/html|data:image/svg", RegexOptions.IgnoreCase)]
    private static partial Regex ScriptScheme();

    [GeneratedRegex(@"[\s\x00-\x1f]")]
    private static partial Regex Whitespace();

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex TagPattern();
}
