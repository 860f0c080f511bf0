using Archive.Engine.Cultures;
using Archive.Engine.Editors;
using Archive.Engine.Schema;

namespace Archive.Engine.Tests;

public sealed class LanguageRulesTests
{
    private static readonly Language[] Languages =
    [
        new("kk", "Kazakh", IsDefault: true, IsMandatory: false, FallbackIsoCode: "ru", Guid.NewGuid()),
        new("ru", "Russian", false, false, "en", Guid.NewGuid()),
        new("en", "English", false, false, null, Guid.NewGuid()),
        new("ug-Arab-CN", "Uyghur", false, false, "kk", Guid.NewGuid()),
    ];

    [Theory]
    [InlineData("de", "ru", true)]
    [InlineData("ko", null, true)]
    [InlineData("tt-Cyrl", "kk", true)]
    [InlineData("KK", null, false)] // exists already, whatever its case
    [InlineData("not a tag", null, false)]
    [InlineData("de", "xx", false)] // no such fallback
    [InlineData("de", "de", false)] // itself
    public void A_new_language_needs_a_fresh_well_formed_code_and_an_existing_fallback(string iso, string? fallback, bool ok)
    {
        var problems = LanguageRules.CheckSave(Languages, new Language(iso, "Name", false, false, fallback, Guid.Empty), creating: true);
        Assert.Equal(ok, problems.Count == 0);
    }

    [Fact]
    public void A_fallback_that_leads_back_through_others_is_a_cycle()
    {
        var en = new Language("en", "English", false, false, "ug-Arab-CN", Guid.Empty); // en → ug → kk → ru → en
        var problem = Assert.Single(LanguageRules.CheckSave(Languages, en, creating: false));
        Assert.Equal("$.fallbackIsoCode", problem.Path);
    }

    [Fact]
    public void The_default_language_stays_until_another_takes_its_place_and_fallbacks_keep_theirs()
    {
        Assert.Equal("$.isDefault", Assert.Single(LanguageRules.CheckSave(Languages, Languages[0] with { IsDefault = false }, creating: false)).Path);
        Assert.Empty(LanguageRules.CheckSave(Languages, Languages[2] with { IsDefault = true }, creating: false));
        Assert.Equal(2, LanguageRules.CheckDelete(Languages, Languages[0]).Count); // the default, and ug falls back to it
        Assert.Single(LanguageRules.CheckDelete(Languages, Languages[1])); // kk falls back to ru
        Assert.Empty(LanguageRules.CheckDelete(Languages, Languages[3]));
    }
}

public sealed class SchemaRulesTests
{
    private static readonly DataType Text = new(Guid.NewGuid(), "Textstring", "Umbraco.TextBox", null, null, "{}");

    private static PropertyType Property(string alias, Variation variation = Variation.Nothing) =>
        new(Guid.NewGuid(), alias, alias, Text.Key, Text.EditorAlias, false, null, null, 0, null, variation, null, null, false, false);

    private static ContentType Type(string alias, params PropertyType[] properties) => new() { Key = Guid.NewGuid(), Alias = alias, Name = alias, Properties = properties };

    [Fact]
    public void Aliases_are_identifiers_unique_per_kind_and_properties_do_not_repeat_their_compositions()
    {
        var seo = Type("seo", Property("metaTitle"));
        var page = Type("page", Property("title")) with { Compositions = [new ContentTypeReference(seo.Key, seo.Alias)] };
        var schema = new SchemaSnapshot(CultureSet.Empty, [Text], [seo, page]);

        Assert.Empty(SchemaRules.CheckContentType(schema, Type("article", Property("body"))));
        Assert.Contains(SchemaRules.CheckContentType(schema, Type("PAGE")), p => p.Path == "$.alias");
        Assert.Empty(SchemaRules.CheckContentType(schema, Type("page") with { Kind = ContentTypeKind.Media }));
        Assert.Contains(SchemaRules.CheckContentType(schema, Type("2page")), p => p.Path == "$.alias");
        Assert.Contains(SchemaRules.CheckContentType(schema, Type("a", Property("x"), Property("X"))), p => p.Path == "$.properties[1].alias");
        var clash = page with { Properties = [Property("metaTitle")] };
        Assert.Contains(SchemaRules.CheckContentType(schema, clash), p => p.Path == "$.properties[0].alias");
    }

    [Fact]
    public void A_type_cannot_compose_itself_through_others()
    {
        var a = Type("a");
        var b = Type("b") with { Compositions = [new ContentTypeReference(a.Key, "a")] };
        var schema = new SchemaSnapshot(CultureSet.Empty, [Text], [a, b]);
        var cycle = a with { Compositions = [new ContentTypeReference(b.Key, "b")] };
        Assert.Equal("$.compositions[0]", Assert.Single(SchemaRules.CheckContentType(schema, cycle)).Path);
        Assert.Equal([a.Key, b.Key], SchemaRules.ComposedBy(schema, a).Select(t => t.Key));
    }

    [Fact]
    public void A_property_varies_by_culture_only_on_a_type_that_does_and_uses_a_known_data_type()
    {
        var schema = new SchemaSnapshot(CultureSet.Empty, [Text], []);
        Assert.Contains(SchemaRules.CheckContentType(schema, Type("t", Property("title", Variation.Culture))), p => p.Path == "$.properties[0].variesByCulture");
        var unknown = Property("x") with { DataTypeKey = Guid.NewGuid() };
        Assert.Contains(SchemaRules.CheckContentType(schema, Type("t", unknown)), p => p.Path == "$.properties[0].dataType.id");
    }

    [Theory]
    [InlineData("Umbraco.TextBox", "{\"maxChars\": 20}", 0)]
    [InlineData("Umbraco.NoSuchEditor", "{}", 1)]
    [InlineData("Umbraco.TextBox", "[1, 2]", 1)]
    [InlineData("Umbraco.TextBox", "{not json", 1)]
    public void A_data_type_needs_a_known_editor_and_an_object_of_settings(string editor, string config, int problems) =>
        Assert.Equal(problems, SchemaRules.CheckDataType(new DataType(Guid.NewGuid(), "Name", editor, null, null, config), PropertyEditors.Default).Count);
}
