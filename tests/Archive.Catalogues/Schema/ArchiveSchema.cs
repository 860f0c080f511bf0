using System.Text.Json.Nodes;
using Archive.Engine.Cultures;
using Archive.Engine.Schema;
using Archive.Engine.USync;

namespace Archive.Catalogues.Schema;

/// The archive's schema: languages, data types, document, element and media types, and the
/// dictionary items that name the document types in Kazakh, Russian and English.
public static class ArchiveSchema
{
    public static readonly string[] MainCultures = ["kk", "ru", "en"];

    public static IReadOnlyList<Language> Languages { get; } =
    [
        Lang("kk", "Қазақ тілі (Kazakh)", isDefault: true),
        Lang("ru", "Русский (Russian)", fallback: null),
        Lang("en", "English"),
        Lang("uk", "Українська (Ukrainian)"),
        Lang("ug", "ئۇيغۇرچە (Uyghur)"),
        Lang("ko", "한국어 (Korean)"),
        Lang("de", "Deutsch (German)"),
        Lang("tt", "Татар теле (Tatar)"),
    ];

    private static Language Lang(string iso, string name, bool isDefault = false, string? fallback = "ru") =>
        new(iso, name, isDefault, false, fallback, Keys.ForLanguage(iso));

    // Data types, by a short name used below.
    public static readonly DataType Textstring = Data("Textstring", "Umbraco.TextBox", "Umb.PropertyEditorUi.TextBox", new JsonObject { ["maxChars"] = 500 });
    public static readonly DataType Textarea = Data("Textarea", "Umbraco.TextArea", "Umb.PropertyEditorUi.TextArea", new JsonObject());
    public static readonly DataType RichText = Data("Rich Text", "Umbraco.RichText", "Umb.PropertyEditorUi.Tiptap", new JsonObject
    {
        ["extensions"] = new JsonArray("Umb.Tiptap.Bold", "Umb.Tiptap.Italic", "Umb.Tiptap.Link", "Umb.Tiptap.Blockquote", "Umb.Tiptap.BulletList", "Umb.Tiptap.OrderedList", "Umb.Tiptap.Heading"),
        ["maxImageSize"] = 800,
    });
    public static readonly DataType Numeric = Data("Numeric", "Umbraco.Integer", "Umb.PropertyEditorUi.Integer", new JsonObject());
    public static readonly DataType Money = Data("Money", "Umbraco.Decimal", "Umb.PropertyEditorUi.Decimal", new JsonObject());
    public static readonly DataType TrueFalse = Data("True/false", "Umbraco.TrueFalse", "Umb.PropertyEditorUi.Toggle", new JsonObject());
    public static readonly DataType DatePicker = Data("Date Picker", "Umbraco.DateTime", "Umb.PropertyEditorUi.DatePicker", new JsonObject { ["format"] = "YYYY-MM-DD" });
    public static readonly DataType Tags = Data("Tags", "Umbraco.Tags", "Umb.PropertyEditorUi.Tags", new JsonObject { ["group"] = "default", ["storageType"] = "Json" });
    public static readonly DataType Links = Data("Multi URL Picker", "Umbraco.MultiUrlPicker", "Umb.PropertyEditorUi.MultiUrlPicker", new JsonObject { ["maxNumber"] = 10 });
    public static readonly DataType Dating = Data("Historical Dating", "Archive.HistoricalDating", "Archive.PropertyEditorUi.HistoricalDating", new JsonObject());
    public static readonly DataType GeoPoint = Data("Geo Point", "Archive.GeoPoint", "Archive.PropertyEditorUi.GeoPoint", new JsonObject());
    public static readonly DataType ImageCropper = Data("Image Cropper", "Umbraco.ImageCropper", "Umb.PropertyEditorUi.ImageCropper", new JsonObject
    {
        ["crops"] = new JsonArray(
            new JsonObject { ["alias"] = "thumbnail", ["width"] = 400, ["height"] = 400 },
            new JsonObject { ["alias"] = "kiosk", ["width"] = 1920, ["height"] = 1080 }),
    });
    public static readonly DataType Upload = Data("Upload File", "Umbraco.UploadField", "Umb.PropertyEditorUi.UploadField", new JsonObject { ["fileExtensions"] = new JsonArray("pdf", "docx", "txt", "mp3", "wav", "ogg", "mp4", "webm") });
    public static readonly DataType Label = Data("Label (string)", "Umbraco.Label", "Umb.PropertyEditorUi.Label", new JsonObject { ["umbracoDataValueType"] = "STRING" });
    public static readonly DataType Images = Data("Image Media Picker", "Umbraco.MediaPicker3", "Umb.PropertyEditorUi.MediaPicker", new JsonObject
    {
        ["crops"] = new JsonArray(
            new JsonObject { ["alias"] = "thumbnail", ["label"] = "Thumbnail", ["width"] = 400, ["height"] = 400 },
            new JsonObject { ["alias"] = "kiosk", ["label"] = "Kiosk", ["width"] = 1920, ["height"] = 1080 }),
        ["enableLocalFocalPoint"] = true,
        ["filter"] = Keys.For("mediatype:Image").ToString(),
        ["multiple"] = true,
        ["validationLimit"] = new JsonObject { ["min"] = null, ["max"] = null },
    });
    public static readonly DataType TermPicker = Picker("Term Picker", "term", 0);
    public static readonly DataType SingleTermPicker = Picker("Single Term Picker", "term", 1);
    public static readonly DataType PersonPicker = Picker("Person Picker", "person", 0);
    public static readonly DataType ArtefactPicker = Picker("Artefact Picker", "artefact", 0);
    public static readonly DataType VenuePicker = Data("Venue Picker", "Umbraco.ContentPicker", "Umb.PropertyEditorUi.DocumentPicker", new JsonObject { ["ignoreUserStartNodes"] = false });
    public static readonly DataType InstitutionKind = Dropdown("Institution Kind", "literary-memorial museum", "private collection of an ethnocultural association", "House of Friendship", "museum");
    public static readonly DataType Condition = Dropdown("Condition", "excellent", "good", "fair", "poor", "fragmentary");
    public static readonly DataType TermKind = Dropdown("Term Kind", "objectType", "material", "technique", "people", "place", "role");
    public static readonly DataType Rights = Dropdown("Rights Statement",
        "http://rightsstatements.org/vocab/InC/1.0/", "http://rightsstatements.org/vocab/NoC-NC/1.0/", "http://rightsstatements.org/vocab/NoC-US/1.0/",
        "http://rightsstatements.org/vocab/CNE/1.0/", "http://rightsstatements.org/vocab/UND/1.0/", "https://creativecommons.org/publicdomain/mark/1.0/");

    public static readonly ContentType QuoteBlock = Element("quoteBlock", "Quote", "icon-quote",
        Prop("quote", "Quote", Textarea, mandatory: true), Prop("attribution", "Attribution", Textstring));
    public static readonly ContentType ImageBlock = Element("imageBlock", "Image", "icon-picture",
        Prop("image", "Image", Images, mandatory: true), Prop("caption", "Caption", Textstring));
    public static readonly ContentType TextBlock = Element("textBlock", "Text", "icon-paragraph",
        Prop("text", "Text", RichText, mandatory: true));

    public static readonly DataType StoryBlocks = Data("Story Blocks", "Umbraco.BlockList", "Umb.PropertyEditorUi.BlockList", new JsonObject
    {
        ["blocks"] = new JsonArray(
            Block(TextBlock, "{umbValue: text | stripHtml | truncate:60}"),
            Block(QuoteBlock, "{umbValue: quote | truncate:60}"),
            Block(ImageBlock, "{umbContentName: image}")),
        ["useSingleBlockMode"] = false,
        ["validationLimit"] = new JsonObject { ["min"] = null, ["max"] = null },
    });

    public static IReadOnlyList<DataType> DataTypes { get; } =
    [
        Textstring, Textarea, RichText, Numeric, Money, TrueFalse, DatePicker, Tags, Links, Dating, GeoPoint, ImageCropper, Upload, Label,
        Images, TermPicker, SingleTermPicker, PersonPicker, ArtefactPicker, VenuePicker, InstitutionKind, Condition, TermKind, Rights, StoryBlocks,
    ];

    private static DataType Data(string name, string editor, string ui, JsonObject config) =>
        new(Keys.For("datatype:" + name), name, editor, ui, null, DataTypeSerializer.CanonicalConfig(config.ToJsonString()));

    private static DataType Picker(string name, string allowedType, int maxNumber) =>
        Data(name, "Umbraco.MultiNodeTreePicker", "Umb.PropertyEditorUi.ContentPicker", new JsonObject
        {
            ["filter"] = allowedType,
            ["ignoreUserStartNodes"] = false,
            ["maxNumber"] = maxNumber,
            ["minNumber"] = 0,
            ["startNode"] = new JsonObject { ["type"] = "content" },
        });

    private static DataType Dropdown(string name, params string[] items) =>
        Data(name, "Umbraco.DropDown.Flexible", "Umb.PropertyEditorUi.Dropdown", new JsonObject
        {
            ["items"] = new JsonArray(items.Select(i => (JsonNode?)JsonValue.Create(i)).ToArray()),
            ["multiple"] = false,
        });

    private static JsonObject Block(ContentType element, string label) => new()
    {
        ["contentElementTypeKey"] = element.Key.ToString(),
        ["label"] = label,
    };

    internal sealed record PropertyDefinition(string Alias, string Name, DataType DataType, bool Variant, bool Mandatory, bool Sensitive, string? Regex, string? Description, string Group);

    internal static PropertyDefinition Prop(string alias, string name, DataType dataType, bool variant = false, bool mandatory = false,
        bool sensitive = false, string? regex = null, string? description = null, string group = "content") =>
        new(alias, name, dataType, variant, mandatory, sensitive, regex, description, group);

    private static ContentType Element(string alias, string name, string icon, params PropertyDefinition[] properties) =>
        Type(alias, name, icon, ContentTypeKind.Document, variant: false, allowAtRoot: false, children: [], properties) with { IsElement = true, Folder = "Elements" };

    internal static ContentType Type(string alias, string name, string icon, ContentTypeKind kind, bool variant, bool allowAtRoot,
        string[] children, PropertyDefinition[] properties, string? description = null)
    {
        var groups = properties.Select(p => p.Group).Distinct().ToList();
        return new ContentType
        {
            Key = Keys.For($"{kind}:{alias}"),
            Alias = alias,
            Name = name,
            Kind = kind,
            Icon = icon,
            Thumbnail = "folder.png",
            Description = description ?? "",
            AllowAtRoot = allowAtRoot,
            Variations = variant ? Variation.Culture : Variation.Nothing,
            AllowedChildren = children.Select((c, i) => new ContentTypeReference(Keys.For($"{kind}:{c}"), c, i)).ToList(),
            Groups = groups.Select((g, i) => new PropertyGroup(Keys.For($"{kind}:{alias}:group:{g}"), g, GroupCaption(g), "Tab", i * 10)).ToList(),
            Properties = properties.Select((p, i) => new PropertyType(
                Keys.For($"{kind}:{alias}:property:{p.Alias}"), p.Alias, p.Name, p.DataType.Key, p.DataType.EditorAlias, p.Mandatory, p.Regex,
                p.Description ?? "", i, p.Group, p.Variant ? Variation.Culture : Variation.Nothing, "", "", false, p.Sensitive)).ToList(),
        };
    }

    private static string GroupCaption(string alias) => alias switch
    {
        "content" => "Content",
        "cataloguing" => "Cataloguing",
        "provenance" => "Provenance",
        "rights" => "Rights",
        "media" => "Media",
        "private" => "Private (owner and storage)",
        "image" => "Image",
        "file" => "File",
        "metadata" => "Metadata",
        _ => alias,
    };
}
