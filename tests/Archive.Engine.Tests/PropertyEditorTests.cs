using System.Text.Json.Nodes;
using Archive.Engine.Cultures;
using Archive.Engine.Editors;
using Archive.Engine.Schema;

namespace Archive.Engine.Tests;

public class PropertyEditorTests
{
    private static readonly ContentType Element = new()
    {
        Key = Guid.Parse("11111111-1111-1111-1111-111111111111"),
        Alias = "quote",
        Name = "Quote",
        IsElement = true,
        Properties = [Property("text", "Umbraco.TextBox", mandatory: true)],
    };

    private static readonly DataType Blocks = new(Guid.Parse("22222222-2222-2222-2222-222222222222"), "Blocks", "Umbraco.BlockList", null, null,
        "{\"blocks\":[{\"contentElementTypeKey\":\"" + Element.Key + "\"}],\"validationLimit\":{\"min\":null,\"max\":2}}");

    private static readonly DataType Dropdown = new(Guid.Parse("33333333-3333-3333-3333-333333333333"), "Dropdown", "Umbraco.DropDown.Flexible", null, null,
        """{"items":["good","fair"],"multiple":false}""");

    private static readonly SchemaSnapshot Schema = new(CultureSet.Empty, [Blocks, Dropdown], [Element]);

    private static PropertyType Property(string alias, string editor, bool mandatory = false, string? regex = null, Guid? dataType = null) =>
        new(Guid.NewGuid(), alias, alias, dataType, editor, mandatory, regex, null, 0, null, Variation.Nothing, null, null, false, false);

    private static (string? Stored, List<EditorError> Errors) Run(string editor, JsonNode? value, Guid? dataType = null, bool mandatory = false, string? regex = null) =>
        PropertyEditors.Default.Validate(Property("p", editor, mandatory, regex, dataType), value, Schema);

    [Theory]
    [InlineData("Umbraco.Integer", "42", "42")]
    [InlineData("Umbraco.Decimal", "12.50", "12.50")]
    [InlineData("Umbraco.TrueFalse", "true", "1")]
    [InlineData("Umbraco.TrueFalse", "0", "0")]
    [InlineData("Umbraco.DateTime", "\"2024-05-01T10:00:00Z\"", "2024-05-01T10:00:00")]
    [InlineData("Umbraco.ContentPicker", "\"31523089-f648-4883-9087-ef9a0b83129f\"", "umb://document/31523089f64848839087ef9a0b83129f")]
    [InlineData("Umbraco.MultiNodeTreePicker", "[\"umb://document/31523089f64848839087ef9a0b83129f\"]", "umb://document/31523089f64848839087ef9a0b83129f")]
    [InlineData("Umbraco.UploadField", "\"/media/ab12cd34/file.pdf\"", "/media/ab12cd34/file.pdf")]
    [InlineData("Umbraco.TextBox", "\"Абай\"", "Абай")]
    [InlineData("Some.Unknown.Editor", "{\"a\":1}", "{\n  \"a\": 1\n}")]
    public void Valid_values_become_their_stored_form(string editor, string json, string stored)
    {
        var (result, errors) = Run(editor, JsonNode.Parse(json));
        Assert.Empty(errors);
        Assert.Equal(stored, result);
    }

    [Theory]
    [InlineData("Umbraco.Integer", "\"ten\"")]
    [InlineData("Umbraco.Decimal", "\"1,5,6\"")]
    [InlineData("Umbraco.TrueFalse", "\"maybe\"")]
    [InlineData("Umbraco.DateTime", "\"31/31/2020\"")]
    [InlineData("Umbraco.ContentPicker", "\"umb://media/31523089f64848839087ef9a0b83129f\"")]
    [InlineData("Umbraco.MultiNodeTreePicker", "[\"not a key\"]")]
    [InlineData("Umbraco.UploadField", "\"/media/../../etc/passwd\"")]
    [InlineData("Umbraco.UploadField", "\"C:\\\\temp\\\\x.pdf\"")]
    [InlineData("Umbraco.MultiUrlPicker", "[{\"name\":\"x\",\"url\":\"javascript:alert(1)\"}]")]
    [InlineData("Umbraco.MediaPicker3", "[{\"mediaKey\":\"nope\"}]")]
    [InlineData("Umbraco.MediaPicker3", "[{\"mediaKey\":\"31523089-f648-4883-9087-ef9a0b83129f\",\"focalPoint\":{\"left\":2,\"top\":0.5}}]")]
    [InlineData("Umbraco.ImageCropper", "{\"src\":\"/etc/passwd\"}")]
    [InlineData("Archive.HistoricalDating", "\"one day\"")]
    [InlineData("Archive.GeoPoint", "{\"latitude\":91,\"longitude\":10}")]
    [InlineData("Umbraco.TextBox", "{\"not\":\"text\"}")]
    [InlineData("Umbraco.RichText", "\"<img src=x onerror=alert(1)>\"")]
    [InlineData("Umbraco.RichText", "\"<a href=\\\"javascript:alert(1)\\\">x</a>\"")]
    [InlineData("Umbraco.RichText", "\"<a href=\\\"jav\\tascript:alert(1)\\\">x</a>\"")]
    [InlineData("Umbraco.RichText", "\"<a href=\\\"data:text/html;base64,PHNjcmlwdD4=\\\">x</a>\"")]
    [InlineData("Umbraco.RichText", "\"<form action=\\\"/x\\\"><button>go</button></form>\"")]
    public void Invalid_values_are_refused(string editor, string json) =>
        Assert.NotEmpty(Run(editor, JsonNode.Parse(json)).Errors);

    [Fact]
    public void Dropdown_values_must_be_configured_items()
    {
        Assert.Empty(Run("Umbraco.DropDown.Flexible", new JsonArray("good"), Dropdown.Key).Errors);
        var error = Assert.Single(Run("Umbraco.DropDown.Flexible", new JsonArray("broken"), Dropdown.Key).Errors);
        Assert.Equal("[0]", error.Path);
        Assert.NotEmpty(Run("Umbraco.DropDown.Flexible", new JsonArray("good", "fair"), Dropdown.Key).Errors);
    }

    [Fact]
    public void Tags_are_trimmed_and_deduplicated()
    {
        var (stored, errors) = Run("Umbraco.Tags", new JsonArray(" music ", "Music", "sample", ""));
        Assert.Empty(errors);
        Assert.Equal(["music", "sample"], JsonNode.Parse(stored!)!.AsArray().Select(t => t!.ToString()));
    }

    [Fact]
    public void Dating_is_stored_with_its_span()
    {
        var (stored, _) = Run("Archive.HistoricalDating", "конец XIX века");
        var node = JsonNode.Parse(stored!)!;
        Assert.Equal(("конец XIX века", 1867, 1899), (node["text"]!.ToString(), node["earliest"]!.GetValue<int>(), node["latest"]!.GetValue<int>()));
    }

    [Fact]
    public void Mandatory_and_regex_rules_apply_after_the_editor()
    {
        Assert.Single(Run("Umbraco.TextBox", "", mandatory: true).Errors);
        Assert.Single(Run("Umbraco.TextBox", "abc", regex: "^[0-9]+$").Errors);
        Assert.Empty(Run("Umbraco.TextBox", "123", regex: "^[0-9]+$").Errors);
    }

    [Fact]
    public void Block_values_are_validated_by_their_element_types_with_paths()
    {
        var block = JsonNode.Parse($$"""
        {
          "contentData": [
            { "contentTypeKey": "{{Element.Key}}", "key": "44444444-4444-4444-4444-444444444444", "values": [ { "alias": "text", "value": "" } ] },
            { "contentTypeKey": "55555555-5555-5555-5555-555555555555", "values": [] }
          ],
          "settingsData": [],
          "layout": { "Umbraco.BlockList": [ { "contentKey": "44444444-4444-4444-4444-444444444444" } ] }
        }
        """);
        var errors = Run("Umbraco.BlockList", block, Blocks.Key).Errors;
        Assert.Contains(errors, e => e.Path == "contentData[0].values[0].value");
        Assert.Contains(errors, e => e.Path == "contentData[1].contentTypeKey");

        var valid = JsonNode.Parse($$"""
        { "contentData": [ { "contentTypeKey": "{{Element.Key}}", "values": [ { "alias": "text", "value": "Бірлік" } ] } ],
          "layout": { "Umbraco.BlockList": [ {} ] } }
        """);
        var (stored, none) = Run("Umbraco.BlockList", valid, Blocks.Key);
        Assert.Empty(none);
        Assert.Contains("\"key\"", stored);
    }

    [Fact]
    public void Blocks_nested_too_deep_are_refused()
    {
        var context = new EditorContext([], Schema, PropertyEditors.Default, EditorContext.MaxDepth);
        var errors = new List<EditorError>();
        new BlockListEditor().ToStored(new JsonObject { ["contentData"] = new JsonArray() }, context, errors);
        Assert.Contains("nested", Assert.Single(errors).Message);
    }

    [Fact]
    public void Imported_rich_text_with_script_is_reported_not_changed()
    {
        var stored = "{\"markup\":\"<p>Hi</p><script>x()</script>\",\"blocks\":null}";
        var context = new EditorContext([], Schema, PropertyEditors.Default);
        Assert.Contains("<script>", Assert.Single(new RichTextEditor().Inspect(stored, context)));
        Assert.Empty(new RichTextEditor().Inspect("<p data-x=\"1\">fine</p>", context));
    }

    [Theory]
    [InlineData("/media/demo0007/wooden-chest.jpg")]
    [InlineData("{\"src\":\"/media/demo0007/wooden-chest.jpg\"}")]
    [InlineData("{\"src\":\"/media/demo0007/wooden-chest.jpg\",\"crops\":null,\"focalPoint\":null}")]
    public void An_image_cropper_value_reaches_the_back_office_whole_whatever_was_stored(string stored)
    {
        // Umbraco's cropper reads value.crops.find(…) and value.focalPoint as soon as it draws.
        var value = Assert.IsType<JsonObject>(new ImageCropperEditor().ToManagement(stored));
        Assert.Equal("/media/demo0007/wooden-chest.jpg", value["src"]!.GetValue<string>());
        Assert.Empty(Assert.IsType<JsonArray>(value["crops"]));
        Assert.True(value.ContainsKey("focalPoint"));
    }

    [Fact]
    public void An_image_cropper_value_keeps_its_crops_and_focal_point_for_the_back_office()
    {
        var stored = "{\"src\":\"/media/a/b.jpg\",\"crops\":[{\"alias\":\"square\",\"width\":200,\"height\":200}],\"focalPoint\":{\"left\":0.3,\"top\":0.6}}";
        var value = Assert.IsType<JsonObject>(new ImageCropperEditor().ToManagement(stored));
        Assert.Equal("square", value["crops"]![0]!["alias"]!.GetValue<string>());
        Assert.Equal(0.3, value["focalPoint"]!["left"]!.GetValue<double>());
    }
}
