using System.Text.Json.Nodes;
using Archive.Engine.Content;
using Archive.Engine.Cultures;
using Archive.Engine.Publishing;
using Archive.Engine.Schema;

namespace Archive.Engine.Tests;

public class PublicProjectionTests
{
    private const string Secret = "PRIVATE-CANARY-7731";

    private static readonly Guid NoteKey = Guid.Parse("aaaaaaaa-0000-0000-0000-000000000001");
    private static readonly Guid BlocksKey = Guid.Parse("aaaaaaaa-0000-0000-0000-000000000002");
    private static readonly Guid RichTextKey = Guid.Parse("aaaaaaaa-0000-0000-0000-000000000003");

    private static PropertyType Property(string alias, string editor, bool sensitive = false, Guid? dataType = null, Variation variation = Variation.Nothing) =>
        new(Guid.NewGuid(), alias, alias, dataType, editor, false, null, null, 0, null, variation, null, null, false, sensitive);

    // An element with a public text, a private one and nested blocks of its own kind.
    private static readonly ContentType Note = new()
    {
        Key = NoteKey,
        Alias = "note",
        Name = "Note",
        IsElement = true,
        Properties = [Property("text", "Umbraco.TextBox"), Property("courier", "Umbraco.TextBox", sensitive: true), Property("inner", "Umbraco.BlockList", dataType: BlocksKey)],
    };

    private static readonly ContentType Artefact = new()
    {
        Key = Guid.NewGuid(),
        Alias = "artefact",
        Name = "Artefact",
        Variations = Variation.Culture,
        Properties =
        [
            Property("title", "Umbraco.TextBox", variation: Variation.Culture),
            Property("valuation", "Umbraco.Decimal", sensitive: true),
            Property("privateRecord", "Umbraco.TrueFalse", sensitive: true),
            Property("notes", "Umbraco.BlockList", dataType: BlocksKey),
            Property("story", "Umbraco.RichText", dataType: RichTextKey),
        ],
    };

    private static readonly SchemaSnapshot Schema = new(CultureSet.Empty,
        [new DataType(BlocksKey, "Blocks", "Umbraco.BlockList", null, null, "{}"), new DataType(RichTextKey, "Rich text", "Umbraco.RichText", null, null, "{}")],
        [Note, Artefact]);

    private static StoredCulture Published(string culture, string name) => new(culture, name, name.ToLowerInvariant(), true, name, name.ToLowerInvariant(), false);

    private static StoredItem Item(ContentData? published, ContentData? draft = null, IReadOnlyList<StoredAncestor>? ancestors = null, params StoredCulture[] cultures) => new()
    {
        Key = Guid.NewGuid(),
        IsMedia = false,
        ContentTypeAlias = "artefact",
        Level = (ancestors?.Count ?? 0) + 1,
        SortOrder = 0,
        CreateDate = DateTime.UtcNow,
        UpdateDate = DateTime.UtcNow,
        Ancestors = ancestors ?? [],
        Cultures = cultures.Length > 0 ? cultures : [Published("kk", "Домбыра"), Published("ru", "Домбра")],
        Published = published,
        Draft = draft ?? published,
    };

    private static ContentData Data(Action<ContentData> fill)
    {
        var data = new ContentData();
        data.Names["kk"] = "Домбыра";
        data.Names["ru"] = "Домбра";
        data.SetValue("title", "kk", "Домбыра");
        data.SetValue("title", "ru", "Домбра");
        fill(data);
        return data;
    }

    private static string Block(string text, string courier, string? inner = null, bool legacy = false)
    {
        var element = legacy
            ? new JsonObject { ["contentTypeKey"] = NoteKey.ToString(), ["udi"] = "umb://element/" + Guid.NewGuid().ToString("N"), ["text"] = text, ["courier"] = courier, ["inner"] = inner }
            : new JsonObject
            {
                ["contentTypeKey"] = NoteKey.ToString(),
                ["key"] = Guid.NewGuid().ToString(),
                ["values"] = new JsonArray(
                    new JsonObject { ["alias"] = "text", ["value"] = text },
                    new JsonObject { ["alias"] = "courier", ["value"] = courier },
                    new JsonObject { ["alias"] = "inner", ["value"] = inner is null ? null : JsonNode.Parse(inner) }),
            };
        return new JsonObject
        {
            ["layout"] = new JsonObject { ["Umbraco.BlockList"] = new JsonArray() },
            ["contentData"] = new JsonArray(element),
            ["settingsData"] = new JsonArray(),
        }.ToJsonString();
    }

    [Fact]
    public void Sensitive_properties_are_removed_at_the_top_level()
    {
        var projected = PublicProjection.Project(Item(Data(d => d.SetValue("valuation", "", "1200000"))), Schema);

        Assert.NotNull(projected);
        Assert.Null(projected.Data.GetValue("valuation"));
        Assert.Equal("Домбыра", projected.Data.GetValue("title", "kk"));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Sensitive_properties_are_removed_inside_blocks_nested_blocks_and_rich_text_blocks_in_either_stored_shape(bool legacy)
    {
        var nested = Block("inner public", Secret, legacy: legacy);
        var blocks = Block("outer public", Secret, nested, legacy);
        var richText = new JsonObject { ["markup"] = "<p>story</p>", ["blocks"] = JsonNode.Parse(Block("rte public", Secret, legacy: legacy)) }.ToJsonString();
        var projected = PublicProjection.Project(Item(Data(d =>
        {
            d.SetValue("notes", "", blocks);
            d.SetValue("story", "", richText);
        })), Schema)!;

        var json = projected.Data.ToJson();
        Assert.DoesNotContain(Secret, json);
        Assert.Contains("outer public", json);
        Assert.Contains("inner public", json);
        Assert.Contains("rte public", json);
    }

    [Fact]
    public void Elements_of_unknown_types_and_undeclared_values_carry_nothing()
    {
        var unknown = new JsonObject
        {
            ["layout"] = new JsonObject(),
            ["contentData"] = new JsonArray(new JsonObject
            {
                ["contentTypeKey"] = Guid.NewGuid().ToString(),
                ["key"] = Guid.NewGuid().ToString(),
                ["values"] = new JsonArray(new JsonObject { ["alias"] = "anything", ["value"] = Secret }),
            }),
        }.ToJsonString();
        var projected = PublicProjection.Project(Item(Data(d =>
        {
            d.SetValue("notes", "", unknown);
            d.SetValue("notInTheSchema", "", Secret);
        })), Schema)!;

        Assert.DoesNotContain(Secret, projected.Data.ToJson());
    }

    [Fact]
    public void A_private_record_has_no_projection_whether_its_draft_or_its_published_version_says_so()
    {
        var open = Data(_ => { });
        var closed = Data(d => d.SetValue("privateRecord", "", "1"));

        Assert.NotNull(PublicProjection.Project(Item(open, open), Schema));
        Assert.Null(PublicProjection.Project(Item(open, draft: closed), Schema));
        Assert.Null(PublicProjection.Project(Item(closed, draft: open), Schema));
    }

    [Fact]
    public void Anything_beneath_a_private_record_has_no_projection()
    {
        var record = new StoredAncestor(Guid.NewGuid(), "artefact", 0, new HashSet<string> { "kk", "ru" }, IsPrivateRecord: true);

        Assert.Null(PublicProjection.Project(Item(Data(_ => { }), ancestors: [record]), Schema));
    }

    [Fact]
    public void Only_cultures_published_in_the_item_and_every_ancestor_are_visible_and_others_values_are_dropped()
    {
        var institution = new StoredAncestor(Guid.NewGuid(), "institution", 0, new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "kk" }, false);
        var projected = PublicProjection.Project(Item(Data(_ => { }), ancestors: [institution]), Schema)!;

        Assert.Equal(["kk"], projected.Cultures.Keys);
        Assert.Null(projected.Data.GetValue("title", "ru"));
        Assert.False(projected.Data.Names.ContainsKey("ru"));
        var hidden = new StoredAncestor(Guid.NewGuid(), "institution", 0, new HashSet<string>(), false);
        Assert.Null(PublicProjection.Project(Item(Data(_ => { }), ancestors: [hidden]), Schema));
    }

    [Fact]
    public void An_unpublished_culture_is_not_visible_even_with_values_left_in_the_published_version()
    {
        var projected = PublicProjection.Project(Item(Data(_ => { }), null, null,
            Published("kk", "Домбыра"), new StoredCulture("ru", "Домбра", "dombra", false, "Домбра", "dombra", false)), Schema)!;

        Assert.Equal(["kk"], projected.Cultures.Keys);
        Assert.Null(projected.Data.GetValue("title", "ru"));
    }

    [Fact]
    public void An_item_never_published_has_no_projection()
    {
        Assert.Null(PublicProjection.Project(Item(null, Data(_ => { })), Schema));
    }

    [Fact]
    public void Media_serve_their_current_version_unless_a_private_record_uses_them()
    {
        var media = Item(null, Data(_ => { })) with { IsMedia = true, ContentTypeAlias = "Image", Cultures = [new StoredCulture("", "photo", "photo", false, null, null, false)] };

        Assert.NotNull(PublicProjection.Project(media, Schema));
        Assert.Null(PublicProjection.Project(media with { UsedByPrivateRecord = true }, Schema));
    }

    [Fact]
    public void Values_that_are_not_valid_block_json_are_not_served()
    {
        var projected = PublicProjection.Project(Item(Data(d => d.SetValue("notes", "", "{ not json " + Secret))), Schema)!;

        Assert.DoesNotContain(Secret, projected.Data.ToJson());
    }
}
