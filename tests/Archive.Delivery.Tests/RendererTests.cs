using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Archive.Delivery.Cache;
using Archive.Delivery.Rendering;
using Archive.Engine.Content;
using Archive.Engine.Cultures;
using Archive.Engine.Schema;

namespace Archive.Delivery.Tests;

/// Value shapes the Clean site does not exercise: block grid areas, multi URL picker link types,
/// private properties, picker crops over the image's own.
public class RendererTests
{
    private static readonly Guid PageType = Guid.NewGuid(), RowType = Guid.NewGuid(), GridType = Guid.NewGuid(), LinksType = Guid.NewGuid();
    private static readonly Guid AreaKey = Guid.NewGuid();

    private static PropertyType Property(string alias, string editor, Guid? dataType = null, bool sensitive = false, int order = 0) =>
        new(Guid.NewGuid(), alias, alias, dataType, editor, false, null, null, order, null, Variation.Nothing, null, null, false, sensitive);

    private static readonly SchemaSnapshot Schema = new(
        new CultureSet([new Language("en", "English", true, false, null, Guid.NewGuid())]),
        [
            new DataType(GridType, "Grid", "Umbraco.BlockGrid", null, null,
                $$"""{"gridColumns": 12, "blocks": [{"contentElementTypeKey": "{{RowType}}", "areaGridColumns": 6, "areas": [{"key": "{{AreaKey}}", "alias": "left", "columnSpan": 6, "rowSpan": 1}]}]}"""),
            new DataType(LinksType, "Links", "Umbraco.MultiUrlPicker", null, null, "{}"),
        ],
        [
            new ContentType
            {
                Key = PageType, Alias = "page", Name = "Page", AllowAtRoot = true,
                Properties = [Property("grid", "Umbraco.BlockGrid", GridType), Property("links", "Umbraco.MultiUrlPicker", LinksType, order: 1),
                              Property("secret", "Umbraco.TextBox", sensitive: true, order: 2), Property("photo", "Umbraco.MediaPicker3", order: 3),
                              Property("notes", "Umbraco.MarkdownEditor", order: 4), Property("colour", "Umbraco.ColorPicker", order: 5), Property("range", "Umbraco.Slider", order: 6),
                              Property("body", "Umbraco.RichText", order: 7)],
            },
            new ContentType { Key = RowType, Alias = "row", Name = "Row", IsElement = true, Properties = [Property("heading", "Umbraco.TextBox")] },
            new ContentType { Key = Guid.NewGuid(), Alias = "Image", Name = "Image", Kind = ContentTypeKind.Media, Properties = [Property("umbracoFile", "Umbraco.ImageCropper"), Property("alt", "Umbraco.TextBox", order: 1)] },
        ]);

    private static PublishedNode Node(Guid key, string alias, string name, Guid parent, IReadOnlyList<Guid> ancestors, ContentData data, bool media = false) => new()
    {
        Key = key, IsMedia = media, ContentTypeAlias = alias, ParentKey = parent, AncestorKeys = ancestors, Level = ancestors.Count + 1, SortOrder = 0,
        CreateDate = new DateTime(2026, 1, 1), UpdateDate = new DateTime(2026, 1, 2), IsVariant = false,
        Cultures = new Dictionary<string, PublishedCulture> { [""] = new(name, name.ToLowerInvariant().Replace(' ', '-')) },
        Data = Encoding.UTF8.GetBytes(data.ToJson()),
    };

    private static (PublishedCache Cache, DeliveryRenderer Renderer, PublishedNode Page) Build()
    {
        var home = Guid.NewGuid();
        var linked = Guid.NewGuid();
        var image = Guid.NewGuid();
        var content = Guid.NewGuid();
        var nested = Guid.NewGuid();
        var data = new ContentData();
        data.Names[""] = "Page";
        data.SetValue("grid", "", $$"""
            {"layout": {"Umbraco.BlockGrid": [{"contentKey": "{{content}}", "columnSpan": 12, "rowSpan": 1,
              "areas": [{"key": "{{AreaKey}}", "items": [{"contentKey": "{{nested}}", "columnSpan": 6, "rowSpan": 1}]}]}]},
             "contentData": [{"contentTypeKey": "{{RowType}}", "key": "{{content}}", "values": [{"alias": "heading", "value": "Top"}]},
                             {"contentTypeKey": "{{RowType}}", "key": "{{nested}}", "values": [{"alias": "heading", "value": "Inside"}]}],
             "settingsData": []}
            """);
        data.SetValue("links", "", $$"""
            [{"name": "Linked", "udi": "umb://document/{{linked:N}}"}, {"name": "Gone", "udi": "umb://document/{{Guid.NewGuid():N}}"},
             {"name": "Picture", "udi": "umb://media/{{image:N}}", "queryString": "?v=2"}, {"name": "Elsewhere", "url": "https://example.org", "target": "_blank"}]
            """);
        data.SetValue("secret", "", "owner's phone");
        data.SetValue("photo", "", $$$"""[{"key": "{{{Guid.NewGuid()}}}", "mediaKey": "{{{image}}}", "crops": [{"alias": "square", "width": 100, "height": 100}], "focalPoint": {"left": 0.2, "top": 0.3}}]""");
        data.SetValue("notes", "", "**Bold** words <script>alert(1)</script>");
        data.SetValue("colour", "", """{"value": "#ce7e00", "label": "Ochre"}""");
        data.SetValue("range", "", "1800,1900");
        data.SetValue("body", "", $$"""<p><a href="/{localLink:umb://document/{{linked:N}}}" title="Linked">linked</a> and <a href="/{localLink:umb://document/{{Guid.NewGuid():N}}}" title="Gone">gone</a></p>""");
        var imageData = new ContentData();
        imageData.Names[""] = "Picture";
        imageData.SetValue("umbracoFile", "", """{"src": "/media/abc/picture.jpg", "crops": [{"alias": "square", "width": 50, "height": 50}, {"alias": "wide", "width": 160, "height": 90}]}""");
        imageData.SetValue("alt", "", "A picture");
        var homeData = new ContentData();
        homeData.Names[""] = "Home";
        var cache = new PublishedCache();
        var page = Node(Guid.NewGuid(), "page", "Page", home, [home], data);
        cache.Load([Node(home, "page", "Home", Guid.Empty, [], homeData), Node(linked, "page", "Linked", home, [home], homeData), page,
            Node(image, "Image", "Picture", Guid.Empty, [], imageData, media: true)], Schema);
        return (cache, new DeliveryRenderer(cache, () => cache.Schema, new DeliveryApiSettings()), page);
    }

    private static JsonElement Render(PropertySpec? expand = null)
    {
        var (_, renderer, page) = Build();
        return JsonDocument.Parse(renderer.Item(page, "en", expand ?? PropertySpec.None, PropertySpec.All)).RootElement.GetProperty("properties");
    }

    [Fact] // checklist 30
    public void A_block_grid_has_columns_spans_and_areas_with_their_aliases()
    {
        var grid = Render().GetProperty("grid");
        Assert.Equal(12, grid.GetProperty("gridColumns").GetInt32());
        var item = grid.GetProperty("items")[0];
        Assert.Equal(["rowSpan", "columnSpan", "areaGridColumns", "areas", "content", "settings"], item.EnumerateObject().Select(p => p.Name));
        Assert.Equal(6, item.GetProperty("areaGridColumns").GetInt32());
        Assert.Equal("Top", item.GetProperty("content").GetProperty("properties").GetProperty("heading").GetString());
        var area = item.GetProperty("areas")[0];
        Assert.Equal("left", area.GetProperty("alias").GetString());
        Assert.Equal(6, area.GetProperty("columnSpan").GetInt32());
        Assert.Equal("Inside", area.GetProperty("items")[0].GetProperty("content").GetProperty("properties").GetProperty("heading").GetString());
        Assert.Equal(JsonValueKind.Null, item.GetProperty("settings").ValueKind);
    }

    [Fact] // checklist 32
    public void Multi_url_picker_links_are_content_media_or_external_and_links_to_missing_items_are_dropped()
    {
        var links = Render().GetProperty("links").EnumerateArray().ToList();
        Assert.Equal(["Content", "Media", "External"], links.Select(l => l.GetProperty("linkType").GetString()));
        Assert.Equal(JsonValueKind.Null, links[0].GetProperty("url").ValueKind);
        Assert.Equal("/linked/", links[0].GetProperty("route").GetProperty("path").GetString());
        Assert.Equal("page", links[0].GetProperty("destinationType").GetString());
        Assert.Equal("/media/abc/picture.jpg?v=2", links[1].GetProperty("url").GetString());
        Assert.Equal("https://example.org", links[2].GetProperty("url").GetString());
        Assert.Equal("_blank", links[2].GetProperty("target").GetString());
        Assert.Equal(["url", "queryString", "title", "target", "destinationId", "destinationType", "route", "linkType"], links[2].EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public void Rich_text_links_name_their_start_item_as_Umbraco_does_and_links_to_unreachable_items_lose_their_address()
    {
        var markup = Render().GetProperty("body").GetProperty("markup").GetString()!;
        Assert.Matches("<a href=\"/linked/\" title=\"Linked\" data-start-item-path=\"home\" data-start-item-id=\"[0-9a-f-]{36}\">linked</a>", markup);
        Assert.Contains("<a title=\"Gone\">gone</a>", markup);
        Assert.DoesNotContain("localLink", markup);
    }

    [Fact]
    public void Markdown_is_html_with_raw_html_escaped_colours_are_hex_and_ranges_are_objects()
    {
        var properties = Render();
        var notes = properties.GetProperty("notes").GetString()!;
        Assert.Contains("<strong>Bold</strong>", notes);
        Assert.DoesNotContain("<script>", notes);
        Assert.Equal("ce7e00", properties.GetProperty("colour").GetString());
        Assert.Equal(1800, properties.GetProperty("range").GetProperty("minimum").GetInt32());
        Assert.Equal(1900, properties.GetProperty("range").GetProperty("maximum").GetInt32());
    }

    [Fact]
    public void Private_properties_are_never_written_even_when_named()
    {
        var (_, renderer, page) = Build();
        var body = Encoding.UTF8.GetString(renderer.Item(page, "en", PropertySpec.None, PropertySpec.Parse("properties[secret,links]", PropertySpec.All, out _)!));
        Assert.DoesNotContain("secret", body);
        Assert.DoesNotContain("owner's phone", body);
        Assert.Contains("links", body);
    }

    [Fact] // checklist 33
    public void A_media_pick_carries_the_image_fields_with_the_pick_s_crops_over_the_image_s_own()
    {
        var photo = Render().GetProperty("photo")[0];
        Assert.Equal(["focalPoint", "crops", "id", "name", "mediaType", "url", "extension", "width", "height", "bytes", "properties"], photo.EnumerateObject().Select(p => p.Name));
        Assert.Equal(0.2m, photo.GetProperty("focalPoint").GetProperty("left").GetDecimal());
        var crops = photo.GetProperty("crops").EnumerateArray().ToDictionary(c => c.GetProperty("alias").GetString()!, c => c.GetProperty("width").GetInt32());
        Assert.Equal(100, crops["square"]);
        Assert.Equal(160, crops["wide"]);
        Assert.Empty(photo.GetProperty("properties").EnumerateObject());
        var expanded = Render(PropertySpec.Parse("properties[photo]", PropertySpec.None, out _)).GetProperty("photo")[0];
        Assert.Equal("A picture", expanded.GetProperty("properties").GetProperty("alt").GetString());
    }
}

public class DomainTests
{
    [Fact]
    public void A_request_falls_under_the_longest_matching_domain_at_a_segment_boundary()
    {
        var cache = new PublishedCache();
        var kz = Guid.NewGuid();
        var ru = Guid.NewGuid();
        PublishedNode Root(Guid key) => new()
        {
            Key = key, IsMedia = false, ContentTypeAlias = "home", ParentKey = Guid.Empty, AncestorKeys = [], Level = 1, SortOrder = 0,
            CreateDate = DateTime.UtcNow, UpdateDate = DateTime.UtcNow, IsVariant = false,
            Cultures = new Dictionary<string, PublishedCulture> { [""] = new("Home", "home") }, Data = "{}"u8.ToArray(),
        };
        cache.Load([Root(kz), Root(ru)], SchemaSnapshot.Empty);
        cache.SetDomains([new SiteDomain("https://archive.kz/", "kk", kz), new SiteDomain("archive.kz/ru", "ru", ru)]);

        var plain = cache.MatchDomain("archive.kz", "/collections/pushkin/")!.Value;
        Assert.Equal((kz, "kk", "/collections/pushkin"), (plain.Root.Key, plain.Domain.Culture, plain.Path));
        var russian = cache.MatchDomain("ARCHIVE.kz", "/ru/collections")!.Value;
        Assert.Equal((ru, "ru", "/collections"), (russian.Root.Key, russian.Domain.Culture, russian.Path));
        Assert.Equal(kz, cache.MatchDomain("archive.kz", "/rules")!.Value.Root.Key); // "/rules" is not under "/ru"
        Assert.Null(cache.MatchDomain("elsewhere.kz", "/ru"));
    }
}

/// Pickers that reference each other cannot multiply one response's work beyond its budget.
public class ExpansionBudgetTests
{
    private static readonly Guid CardType = Guid.NewGuid();

    [Fact]
    public void Mutually_referencing_pickers_expand_at_most_the_budget_in_one_response_and_the_rest_stays_shallow()
    {
        var schema = new SchemaSnapshot(new CultureSet([new Language("en", "English", true, false, null, Guid.NewGuid())]), [],
        [
            new ContentType
            {
                Key = CardType, Alias = "card", Name = "Card", AllowAtRoot = true,
                Properties = [new PropertyType(Guid.NewGuid(), "picks", "picks", null, "Umbraco.MultiNodeTreePicker", false, null, null, 0, null, Variation.Nothing, null, null, false, false)],
            },
        ]);
        var keys = Enumerable.Range(0, 40).Select(_ => Guid.NewGuid()).ToList();
        // Every card picks every card, itself included.
        var picks = string.Join(",", keys.Select(k => $"umb://document/{k:N}"));
        var nodes = keys.Select((key, i) =>
        {
            var data = new ContentData();
            data.Names[""] = $"Card {i}";
            data.SetValue("picks", "", picks);
            return new PublishedNode
            {
                Key = key, IsMedia = false, ContentTypeAlias = "card", ParentKey = Guid.Empty, AncestorKeys = [], Level = 1, SortOrder = i,
                CreateDate = new DateTime(2026, 1, 1), UpdateDate = new DateTime(2026, 1, 1), IsVariant = false,
                Cultures = new Dictionary<string, PublishedCulture> { [""] = new($"Card {i}", $"card-{i}") }, Data = Encoding.UTF8.GetBytes(data.ToJson()),
            };
        }).ToList();
        var cache = new PublishedCache();
        cache.Load(nodes, schema);
        var renderer = new DeliveryRenderer(cache, () => cache.Schema, new DeliveryApiSettings());
        var expand = PropertySpec.Parse("properties[picks[properties[picks[properties[picks]]]]]", PropertySpec.None, out var error);
        Assert.True(expand is not null, error);

        var json = Encoding.UTF8.GetString(renderer.Item(nodes[0], "en", expand, PropertySpec.All));

        // 40 + 1,600 + 64,000 items would be expanded without a budget.
        var expanded = JsonDocument.Parse(json).RootElement.Descendants().Count(e => e.ValueKind == JsonValueKind.Object && e.TryGetProperty("properties", out var p) && p.TryGetProperty("picks", out _));
        Assert.InRange(expanded, DeliveryRenderer.ExpansionBudget, DeliveryRenderer.ExpansionBudget + 1);
        Assert.Contains("\"properties\":{}", json);
    }
}

internal static class JsonElementWalk
{
    public static IEnumerable<JsonElement> Descendants(this JsonElement element)
    {
        yield return element;
        var children = element.ValueKind switch
        {
            JsonValueKind.Object => element.EnumerateObject().Select(p => p.Value),
            JsonValueKind.Array => element.EnumerateArray(),
            _ => [],
        };
        foreach (var child in children)
            foreach (var descendant in child.Descendants())
                yield return descendant;
    }
}
