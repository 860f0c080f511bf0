using Archive.Engine.Schema;
using Archive.Engine.USync;
using static Archive.Catalogues.Schema.ArchiveSchema;

namespace Archive.Catalogues.Schema;

/// Document and media types. Names are Umbraco dictionary references ("#archive_artefact"), so the
/// back office shows them in the curator's language; the dictionary items carry kk/ru/en.
public static class ArchiveTypes
{
    private static readonly ContentTypeKind Doc = ContentTypeKind.Document;

    public static readonly ContentType Institution = Type("institution", "#archive_institution", "icon-museum", Doc, true, true, ["collection", "artefact"],
    [
        Prop("institutionKind", "Kind of institution", InstitutionKind, mandatory: true),
        Prop("description", "Description", RichText, variant: true),
        Prop("city", "City", Textstring, variant: true),
        Prop("address", "Address", Textarea, variant: true),
        Prop("location", "Location", GeoPoint),
        Prop("website", "Website", Links),
        Prop("images", "Images", Images, group: "media"),
        Prop("note", "Note", Textarea, variant: true, description: "Shown with sample records, to say they are illustrative."),
        Prop("tags", "Tags", Tags),
    ], "A literary-memorial museum, the private collection of an ethnocultural association, or a House of Friendship.");

    public static readonly ContentType Collection = Type("collection", "#archive_collection", "icon-folder", Doc, true, false, ["collection", "artefact"],
    [
        Prop("description", "Description", RichText, variant: true),
        Prop("owner", "Owner or association", Textstring, variant: true),
        Prop("images", "Images", Images, group: "media"),
        Prop("note", "Note", Textarea, variant: true),
        Prop("tags", "Tags", Tags),
    ]);

    public static readonly ContentType Artefact = Type("artefact", "#archive_artefact", "icon-box", Doc, true, false, [],
    [
        Prop("accessionNumber", "Accession number", Textstring, mandatory: true, regex: @"^[A-Za-z0-9А-Яа-яЁёӘәҒғҚқҢңӨөҰұҮүҺһІі][A-Za-z0-9А-Яа-яЁёӘәҒғҚқҢңӨөҰұҮүҺһІі./\- ]{0,63}$", group: "cataloguing",
            description: "Unique within the institution (Spectrum: object number)."),
        Prop("title", "Title", Textstring, variant: true, mandatory: true),
        Prop("description", "Description", RichText, variant: true),
        Prop("objectType", "Object type", SingleTermPicker, group: "cataloguing"),
        Prop("materials", "Materials", TermPicker, group: "cataloguing"),
        Prop("techniques", "Techniques", Textarea, variant: true, group: "cataloguing"),
        Prop("dimensions", "Dimensions", Textstring, variant: true, group: "cataloguing"),
        Prop("dating", "Dating", Dating, group: "cataloguing", description: "As written: \"c. 1840\", \"1850s\", \"конец XIX века\"."),
        Prop("placeOfOrigin", "Place of origin", SingleTermPicker, group: "cataloguing"),
        Prop("peoples", "People / culture", TermPicker, group: "cataloguing"),
        Prop("maker", "Maker", PersonPicker, group: "cataloguing"),
        Prop("provenance", "Provenance", RichText, variant: true, group: "provenance"),
        Prop("inscriptions", "Inscriptions", Textarea, variant: true, group: "cataloguing"),
        Prop("condition", "Condition", Condition, group: "cataloguing"),
        Prop("creditLine", "Credit line", Textstring, variant: true, group: "rights"),
        Prop("rightsStatement", "Rights statement", Rights, group: "rights"),
        Prop("images", "Images", Images, group: "media"),
        Prop("note", "Note", Textarea, variant: true),
        Prop("tags", "Tags", Tags),
        Prop("ownerContact", "Owner contact", Textarea, sensitive: true, group: "private"),
        Prop("valuation", "Valuation (KZT)", Money, sensitive: true, group: "private"),
        Prop("insuranceValue", "Insurance value (KZT)", Money, sensitive: true, group: "private"),
        Prop("privateRecord", "Private record", TrueFalse, sensitive: true, group: "private",
            description: "Lent for study, not for display: the record, its images and their IIIF images are kept from every public channel."),
    ], "A catalogued object (LIDO/Spectrum object record).");

    public static readonly ContentType PeopleFolder = Type("people", "#archive_people", "icon-users", Doc, true, true, ["person"], [Prop("note", "Note", Textarea, variant: true)]);

    public static readonly ContentType Person = Type("person", "#archive_person", "icon-user", Doc, true, false, [],
    [
        Prop("lifeDates", "Life dates", Dating, description: "e.g. \"1821–1881\"."),
        Prop("roles", "Roles", Tags),
        Prop("biography", "Biography", RichText, variant: true),
        Prop("images", "Images", Images, group: "media"),
        Prop("note", "Note", Textarea, variant: true),
    ]);

    public static readonly ContentType ExhibitionsFolder = Type("exhibitions", "#archive_exhibitions", "icon-presentation", Doc, true, true, ["exhibition"], [Prop("note", "Note", Textarea, variant: true)]);

    public static readonly ContentType Exhibition = Type("exhibition", "#archive_exhibition", "icon-presentation", Doc, true, false, ["exhibitionStop"],
    [
        Prop("title", "Title", Textstring, variant: true, mandatory: true),
        Prop("description", "Description", RichText, variant: true),
        Prop("curator", "Curator", PersonPicker),
        Prop("objects", "Objects", ArtefactPicker),
        Prop("images", "Images", Images, group: "media"),
        Prop("note", "Note", Textarea, variant: true),
    ], "A touring exhibition; its stops are beneath it.");

    public static readonly ContentType ExhibitionStop = Type("exhibitionStop", "#archive_exhibitionStop", "icon-map-location", Doc, true, false, [],
    [
        Prop("venue", "Venue", VenuePicker, mandatory: true),
        Prop("city", "City", Textstring, variant: true),
        Prop("openingDate", "Opening date", DatePicker, mandatory: true),
        Prop("closingDate", "Closing date", DatePicker),
    ]);

    public static readonly ContentType VenuesFolder = Type("venues", "#archive_venues", "icon-map", Doc, true, true, ["venue"], [Prop("note", "Note", Textarea, variant: true)]);

    public static readonly ContentType Venue = Type("venue", "#archive_venue", "icon-home", Doc, true, false, [],
    [
        Prop("address", "Address", Textarea, variant: true),
        Prop("city", "City", Textstring, variant: true),
        Prop("location", "Location", GeoPoint),
    ]);

    public static readonly ContentType StoriesFolder = Type("stories", "#archive_stories", "icon-book-alt", Doc, true, true, ["story"], [Prop("note", "Note", Textarea, variant: true)]);

    public static readonly ContentType Story = Type("story", "#archive_story", "icon-book-alt-2", Doc, true, false, [],
    [
        Prop("summary", "Summary", Textarea, variant: true),
        Prop("body", "Body", StoryBlocks, variant: true),
        Prop("relatedArtefacts", "Related artefacts", ArtefactPicker),
        Prop("note", "Note", Textarea, variant: true),
    ]);

    public static readonly ContentType Vocabularies = Type("vocabularies", "#archive_vocabularies", "icon-books", Doc, true, true, ["vocabulary"], [Prop("note", "Note", Textarea, variant: true)]);

    public static readonly ContentType Vocabulary = Type("vocabulary", "#archive_vocabulary", "icon-book", Doc, true, false, ["term"],
        [Prop("termKind", "Kind of terms", TermKind, mandatory: true)]);

    public static readonly ContentType Term = Type("term", "#archive_term", "icon-tag", Doc, true, false, ["term"],
    [
        Prop("termKind", "Kind", TermKind, mandatory: true),
        Prop("alternativeLabels", "Alternative labels", Textarea, variant: true, description: "One per line: spellings, transliterations, historical names."),
        Prop("scopeNote", "Scope note", Textarea, variant: true),
        Prop("externalId", "Getty AAT or Wikidata id", Textstring, regex: @"^(aat:\d+|wikidata:Q\d+)$", description: "e.g. aat:300014585 or wikidata:Q1345"),
    ], "A controlled-vocabulary term with a label in every culture.");

    // Media types, with Umbraco's aliases.
    private static readonly ContentTypeKind Media = ContentTypeKind.Media;

    private static PropertyDefinition[] MediaProperties(DataType file, bool image) =>
    [
        Prop("umbracoFile", image ? "Image" : "File", file, mandatory: true, group: image ? "image" : "file"),
        Prop("altText", "Alternative text", Textarea, variant: true, group: image ? "image" : "file"),
        Prop("caption", "Caption", Textstring, variant: true, group: image ? "image" : "file"),
        Prop("creditLine", "Credit line", Textstring, variant: true, group: "rights"),
        Prop("rightsStatement", "Rights statement", Rights, group: "rights"),
        Prop("umbracoWidth", "Width", Label, group: image ? "image" : "file"),
        Prop("umbracoHeight", "Height", Label, group: image ? "image" : "file"),
        Prop("umbracoBytes", "Size", Label, group: image ? "image" : "file"),
        Prop("umbracoExtension", "Type", Label, group: image ? "image" : "file"),
        .. image ? MetadataLabels : [],
    ];

    // Read from the file's EXIF, IPTC or XMP metadata when it arrives.
    private static readonly PropertyDefinition[] MetadataLabels =
    [
        Prop("imageFormat", "Format", Label, group: "metadata", description: "Read from the file's EXIF, IPTC or XMP metadata."),
        Prop("captureDate", "Captured", Label, group: "metadata", description: "Read from the file's EXIF, IPTC or XMP metadata."),
        Prop("camera", "Camera", Label, group: "metadata", description: "Read from the file's EXIF, IPTC or XMP metadata."),
        Prop("copyrightNotice", "Copyright notice", Label, group: "metadata", description: "Read from the file's EXIF, IPTC or XMP metadata."),
        Prop("creator", "Creator", Label, group: "metadata", description: "Read from the file's EXIF, IPTC or XMP metadata."),
    ];

    public static readonly ContentType Folder = Type("Folder", "Folder", "icon-folder", Media, false, true, ["Folder", "Image", "File", "umbracoMediaAudio", "umbracoMediaVideo"], []);
    public static readonly ContentType Image = Type("Image", "Image", "icon-picture", Media, true, true, [], MediaProperties(ImageCropper, image: true));
    public static readonly ContentType File = Type("File", "File", "icon-document", Media, true, true, [], MediaProperties(Upload, image: false));
    public static readonly ContentType Audio = Type("umbracoMediaAudio", "Audio", "icon-sound-waves", Media, true, true, [], MediaProperties(Upload, image: false));
    public static readonly ContentType Video = Type("umbracoMediaVideo", "Video", "icon-video", Media, true, true, [], MediaProperties(Upload, image: false));

    public static IReadOnlyList<ContentType> All { get; } =
    [
        QuoteBlock, ImageBlock, TextBlock,
        Institution, Collection, Artefact, PeopleFolder, Person, ExhibitionsFolder, Exhibition, ExhibitionStop, VenuesFolder, Venue,
        StoriesFolder, Story, Vocabularies, Vocabulary, Term, Folder, Image, File, Audio, Video,
    ];

    /// The translated names of the document types (kk, ru, en).
    public static IReadOnlyList<DictionaryItem> Names { get; } =
    [
        Name("institution", "Мекеме", "Учреждение", "Institution"),
        Name("collection", "Коллекция", "Коллекция", "Collection"),
        Name("artefact", "Жәдігер", "Предмет", "Artefact"),
        Name("people", "Тұлғалар", "Персоналии", "People"),
        Name("person", "Тұлға", "Персона", "Person"),
        Name("exhibitions", "Көрмелер", "Выставки", "Exhibitions"),
        Name("exhibition", "Көрме", "Выставка", "Exhibition"),
        Name("exhibitionStop", "Көрме аялдамасы", "Этап выставки", "Exhibition stop"),
        Name("venues", "Өтетін орындар", "Площадки", "Venues"),
        Name("venue", "Өтетін орын", "Площадка", "Venue"),
        Name("stories", "Әңгімелер", "Истории", "Stories"),
        Name("story", "Әңгіме", "История", "Story"),
        Name("vocabularies", "Сөздіктер", "Словари", "Vocabularies"),
        Name("vocabulary", "Сөздік", "Словарь", "Vocabulary"),
        Name("term", "Термин", "Термин", "Term"),
    ];

    private static DictionaryItem Name(string alias, string kk, string ru, string en) =>
        new(Keys.For("dictionary:" + alias), "archive_" + alias, null, new Dictionary<string, string> { ["en"] = en, ["kk"] = kk, ["ru"] = ru });
}
