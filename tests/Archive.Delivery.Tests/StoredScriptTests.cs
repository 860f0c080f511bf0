using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Archive.Delivery.Cache;
using Archive.Delivery.Rendering;
using Archive.Engine.Content;
using Archive.Engine.Cultures;
using Archive.Engine.Publishing;
using Archive.Engine.Schema;

namespace Archive.Delivery.Tests;

/// Values stored as they came (an import keeps them) may hold script. Whatever editor holds them and
/// however deep they sit (top level, block list and grid elements in both stored shapes, rich-text
/// blocks, blocks in blocks), nothing that could run reaches the Delivery API's output.
public partial class StoredScriptTests
{
    private static readonly string[] Markup =
    [
        "<script>alert(1)</script>",
        "<img src=x onerror=alert(1)>",
        "<a href=\"javascript:alert(1)\">x</a>",
        "<a href=\"  JaVaScRiPt:alert(1)\">x</a>",
        "<a href=\"jav&#x09;ascript:alert(1)\">x</a>",
        "<a href=\"jav\tascript:alert(1)\">x</a>",
        "<a href=\"&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)\">x</a>",
        "<svg onload=alert(1)>",
        "<iframe src=\"javascript:alert(1)\"></iframe>",
        "<iframe srcdoc=\"<script>alert(1)</script>\"></iframe>",
        "<a href=\"data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==\">x</a>",
        "<div style=\"background:url(javascript:alert(1))\">x</div>",
        "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
        "<object data=\"javascript:alert(1)\"></object>",
        "<embed src=\"javascript:alert(1)\">",
        "<body onload=alert(1)>",
        "<form action=\"javascript:alert(1)\"><button>x</button></form>",
        "<button formaction=\"javascript:alert(1)\">x</button>",
        "<meta http-equiv=\"refresh\" content=\"0;url=javascript:alert(1)\">",
        "<base href=\"javascript:alert(1)//\">",
        "<details open ontoggle=alert(1)>",
        "<p>safe</p><scr<script>ipt>alert(1)</script>",
    ];

    private static readonly string[] Markdown =
    [
        "[x](javascript:alert(1))",
        "![x](javascript:alert(1))",
        "[x](JAVASCRIPT:alert(1))",
        "[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
        "<script>alert(1)</script>",
        "<img src=x onerror=alert(1)>",
        "[x](vbscript:msgbox(1))",
    ];

    private static readonly string[] Urls = ["javascript:alert(1)", "  javascript:alert(1)", "JavaScript:alert(1)", "data:text/html,<script>alert(1)</script>", "vbscript:msgbox(1)", "java\tscript:alert(1)"];

    private static readonly Guid PageType = Guid.NewGuid(), WidgetType = Guid.NewGuid(), ListType = Guid.NewGuid(), GridType = Guid.NewGuid(), RteType = Guid.NewGuid();

    private static PropertyType Property(string alias, string editor, Guid? dataType = null, int order = 0) =>
        new(Guid.NewGuid(), alias, alias, dataType, editor, false, null, null, order, null, Variation.Nothing, null, null, false, false);

    // The editors that hold markup or a URL, on the page and on the element its blocks hold.
    private static IReadOnlyList<PropertyType> Holders() =>
    [
        Property("rte", "Umbraco.RichText", RteType), Property("md", "Umbraco.MarkdownEditor", order: 1), Property("links", "Umbraco.MultiUrlPicker", order: 2),
        Property("image", "Umbraco.ImageCropper", order: 3), Property("file", "Umbraco.UploadField", order: 4), Property("list", "Umbraco.BlockList", ListType, 5),
        Property("grid", "Umbraco.BlockGrid", GridType, 6),
    ];

    private static readonly SchemaSnapshot Schema = new(
        new CultureSet([new Language("en", "English", true, false, null, Guid.NewGuid())]),
        [
            new DataType(ListType, "List", "Umbraco.BlockList", null, null, $$"""{"blocks": [{"contentElementTypeKey": "{{WidgetType}}"}]}"""),
            new DataType(GridType, "Grid", "Umbraco.BlockGrid", null, null, $$"""{"gridColumns": 12, "blocks": [{"contentElementTypeKey": "{{WidgetType}}"}]}"""),
            new DataType(RteType, "Rich text", "Umbraco.RichText", null, null, "{}"),
        ],
        [
            new ContentType { Key = PageType, Alias = "page", Name = "Page", AllowAtRoot = true, Properties = Holders() },
            new ContentType { Key = WidgetType, Alias = "widget", Name = "Widget", IsElement = true, Properties = Holders() },
        ]);

    private static readonly string[] Aliases = ["rte", "md", "links", "image", "file"];

    /// Values of every holder for one payload set; blocks hold the same again, `depth` levels down.
    private static Dictionary<string, JsonNode?> Values(string markup, string markdown, string url, int depth, bool legacy)
    {
        var values = new Dictionary<string, JsonNode?>
        {
            ["rte"] = JsonValue.Create(new JsonObject { ["markup"] = markup, ["blocks"] = depth > 0 ? Blocks(markup, markdown, url, depth - 1, legacy, "Umbraco.RichText") : null }.ToJsonString()),
            ["md"] = markdown,
            ["links"] = JsonValue.Create(new JsonArray(new JsonObject { ["name"] = "x", ["url"] = url }, new JsonObject { ["name"] = "y", ["url"] = "https://example.kz/" }).ToJsonString()),
            ["image"] = JsonValue.Create(new JsonObject { ["src"] = url }.ToJsonString()),
            ["file"] = url,
        };
        if (depth > 0)
        {
            values["list"] = Blocks(markup, markdown, url, depth - 1, legacy, "Umbraco.BlockList").ToJsonString();
            values["grid"] = Blocks(markup, markdown, url, depth - 1, legacy, "Umbraco.BlockGrid").ToJsonString();
        }
        return values;
    }

    private static JsonObject Blocks(string markup, string markdown, string url, int depth, bool legacy, string layout)
    {
        var key = Guid.NewGuid();
        JsonObject element;
        if (legacy)
        {
            element = new JsonObject { ["contentTypeKey"] = WidgetType.ToString(), ["udi"] = $"umb://element/{key:N}" };
            foreach (var (alias, value) in Values(markup, markdown, url, depth, legacy))
                element[alias] = value?.DeepClone();
        }
        else
            element = new JsonObject
            {
                ["contentTypeKey"] = WidgetType.ToString(),
                ["key"] = key.ToString(),
                ["values"] = new JsonArray(Values(markup, markdown, url, depth, legacy).Select(v => (JsonNode)new JsonObject { ["alias"] = v.Key, ["value"] = v.Value?.DeepClone() }).ToArray()),
            };
        var item = legacy ? new JsonObject { ["contentUdi"] = $"umb://element/{key:N}" } : new JsonObject { ["contentKey"] = key.ToString() };
        if (layout == "Umbraco.BlockGrid")
        {
            item["columnSpan"] = 12;
            item["rowSpan"] = 1;
        }
        return new JsonObject
        {
            ["layout"] = new JsonObject { [layout] = new JsonArray(item) },
            ["contentData"] = new JsonArray(element),
            ["settingsData"] = new JsonArray(),
        };
    }

    private static string Delivered(string markup, string markdown, string url, bool legacy)
    {
        var data = new ContentData();
        data.Names[""] = "Page";
        foreach (var (alias, value) in Values(markup, markdown, url, depth: 3, legacy))
            data.SetValue(alias, "", value is JsonValue text && text.TryGetValue<string>(out var s) ? s : value!.ToJsonString());
        var stored = new StoredItem
        {
            Key = Guid.NewGuid(), IsMedia = false, ContentTypeAlias = "page", Level = 1, SortOrder = 0, CreateDate = DateTime.UtcNow, UpdateDate = DateTime.UtcNow,
            Ancestors = [], Cultures = [new StoredCulture("", "Page", "page", true, "Page", "page", false)], Published = data, Draft = data,
        };
        var node = PublishedNode.From(PublicProjection.Project(stored, Schema)!, DataCodec.Plain);
        var cache = new PublishedCache();
        cache.Load([node], Schema);
        var renderer = new DeliveryRenderer(cache, () => cache.Schema, new DeliveryApiSettings());
        return Encoding.UTF8.GetString(renderer.Item(node, "en", PropertySpec.None, PropertySpec.All));
    }

    public static TheoryData<int, bool> Cases()
    {
        var data = new TheoryData<int, bool>();
        for (var i = 0; i < Markup.Length; i++)
        {
            data.Add(i, false);
            data.Add(i, true);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Nothing_executable_reaches_the_Delivery_output_from_any_editor_at_any_depth(int payload, bool legacyBlocks)
    {
        var json = Delivered(Markup[payload], Markdown[payload % Markdown.Length], Urls[payload % Urls.Length], legacyBlocks);
        var strings = new List<string>();
        Collect(JsonDocument.Parse(json).RootElement, inHolder: false, strings);

        Assert.True(strings.Count > 20, $"only {strings.Count} values were checked");
        Assert.All(strings, s => Assert.False(IsExecutable(s), $"executable output: {s}"));
        // The safe parts survive.
        Assert.Contains("https://example.kz/", json);
    }

    /// String values under a markup- or URL-holding property, wherever they sit.
    private static void Collect(JsonElement element, bool inHolder, List<string> strings)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                    Collect(property.Value, inHolder || Aliases.Contains(property.Name), strings);
                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                    Collect(item, inHolder, strings);
                break;
            case JsonValueKind.String when inHolder:
                strings.Add(element.GetString()!);
                break;
        }
    }

    private static readonly string[] RunningTags = ["script", "iframe", "object", "embed", "svg", "math", "meta", "base", "form", "style", "link", "frame"];

    /// Whether a browser could run something from this value: as a link target (entities decoded, the
    /// tabs and line breaks it drops from URLs dropped), or as markup (a real tag that runs, or a tag
    /// whose attributes do). Escaped text (&lt;script&gt;) is text, not markup.
    private static bool IsExecutable(string value)
    {
        if (!value.Contains('<'))
            return RunsAsUrl(value);
        foreach (Match tag in Tag().Matches(value))
        {
            var name = tag.Groups[1].Value.ToLowerInvariant();
            var attributes = Squeezed(tag.Groups[2].Value);
            if (RunningTags.Contains(name) || EventHandler().IsMatch(WebUtility.HtmlDecode(tag.Groups[2].Value)) || attributes.Contains("javascript:")
                || attributes.Contains("vbscript:") || attributes.Contains("data:text/html") || attributes.Contains("srcdoc") || attributes.Contains("formaction"))
                return true;
        }
        return false;
    }

    private static bool RunsAsUrl(string value)
    {
        var url = Squeezed(value);
        return url.StartsWith("javascript:") || url.StartsWith("vbscript:") || url.StartsWith("data:");
    }

    private static string Squeezed(string value) => ControlOrSpace().Replace(WebUtility.HtmlDecode(value), "").ToLowerInvariant();

    [GeneratedRegex(@"<\s*([a-zA-Z][a-zA-Z0-9-]*)([^>]*)>")]
    private static partial Regex Tag();

    [GeneratedRegex(@"[\s\x00-\x1f]")]
    private static partial Regex ControlOrSpace();

    [GeneratedRegex(@"(^|\s|/)on[a-z]+\s*=", RegexOptions.IgnoreCase)]
    private static partial Regex EventHandler();
}
