using System.Text.Json.Nodes;
using Archive.Catalogues.Schema;
using Archive.Engine.Content;
using Archive.Engine.Cultures;
using Archive.Engine.Editors;
using Archive.Engine.Schema;
using Archive.Engine.USync;

namespace Archive.Catalogues.Demo;

/// Writes the demo catalogue as uSync Content and Media files, and its images into the media folder.
public sealed class DemoWriter
{
    private static readonly string[] Cultures = ArchiveSchema.MainCultures;
    private static readonly DateTime Created = new(2026, 1, 15, 10, 0, 0, DateTimeKind.Utc);

    private readonly SchemaSnapshot _schema = new(new CultureSet(ArchiveSchema.Languages), ArchiveSchema.DataTypes, ArchiveTypes.All);
    private readonly List<(USyncNode Node, string File)> _nodes = [];
    private readonly Dictionary<Guid, (string Name, string Path)> _written = [];
    private readonly HashSet<string> _files = new(StringComparer.OrdinalIgnoreCase);
    private readonly string _mediaRoot;
    private int _mediaFolders;

    private DemoWriter(string mediaRoot) => _mediaRoot = mediaRoot;

    public static void Write(string usyncFolder, string mediaFolder)
    {
        var writer = new DemoWriter(mediaFolder);
        writer.Build();
        foreach (var (node, file) in writer._nodes)
            USyncXml.Save(NodeSerializer.Write(node), Path.Combine(usyncFolder, file));
    }

    private void Build()
    {
        var mediaRoot = Add(true, "demo-media", "Folder", null, new Texts("Демо каталог", "Демо-каталог", "Demo catalogue"), 0, []);

        var vocabularies = Add(false, "vocabularies", "vocabularies", null, new("Сөздіктер", "Словари", "Vocabularies"), 10, []);
        var terms = new Dictionary<string, Guid>();
        var vocabularySort = 0;
        foreach (var (id, kind, name, seeds) in new (string, string, Texts, TermSeed[])[]
        {
            ("object-types", "objectType", new("Нысан түрлері", "Типы предметов", "Object types"), DemoData.ObjectTypes),
            ("materials", "material", new("Материалдар", "Материалы", "Materials"), DemoData.Materials),
            ("peoples", "people", new("Халықтар мен мәдениеттер", "Народы и культуры", "Peoples and cultures"), DemoData.Peoples),
            ("places", "place", new("Жер атаулары", "Места", "Places"), DemoData.Places),
        })
        {
            var vocabulary = Add(false, "vocabulary:" + id, "vocabulary", vocabularies, name, vocabularySort++, [("termKind", null, new JsonArray(kind))]);
            var sort = 0;
            foreach (var seed in seeds)
            {
                List<(string, string?, JsonNode?)> values = [("termKind", null, new JsonArray(kind))];
                if (seed.ExternalId is not null)
                    values.Add(("externalId", null, seed.ExternalId));
                if (seed.Alternatives is not null)
                    values.AddRange(Cultures.Select(c => ("alternativeLabels", (string?)c, (JsonNode?)seed.Alternatives[c])));
                terms[seed.Id] = Add(false, "term:" + seed.Id, "term", vocabulary, seed.Label, sort++, values);
            }
        }

        var peopleRoot = Add(false, "people", "people", null, new("Тұлғалар", "Персоналии", "People"), 11, []);
        var people = new Dictionary<string, Guid>();
        var personSort = 0;
        foreach (var person in DemoData.People)
        {
            var biography = person.Name.Map((name, c) => $"<p>{name} ({person.LifeDates}): {person.Role[c]}.</p>");
            people[person.Id] = Add(false, "person:" + person.Id, "person", peopleRoot, person.Name, personSort++,
            [
                ("lifeDates", null, person.LifeDates),
                ("roles", null, new JsonArray(person.Role.En.Split(", ").Select(r => (JsonNode?)r).ToArray())),
                .. Variant("biography", biography),
            ]);
        }

        var artefacts = new List<Guid>();
        var institutionSort = 0;
        var imageSeed = 1;
        foreach (var institution in DemoData.Institutions)
        {
            var folder = Add(true, "media:" + institution.Id, "Folder", mediaRoot, institution.Name, institutionSort, []);
            var mediaFolder = $"demo{++_mediaFolders:0000}";
            var root = Add(false, institution.Id, "institution", null, institution.Name, institutionSort++,
            [
                ("institutionKind", null, new JsonArray(institution.Kind)),
                .. Variant("city", institution.City),
                .. Variant("description", institution.Name.Map((n, c) => $"<p>{n}. {Texts.SampleNote[c]}</p>")),
                ("location", null, new JsonObject { ["latitude"] = institution.Latitude, ["longitude"] = institution.Longitude }),
                .. Variant("note", Texts.SampleNote),
                ("tags", null, new JsonArray("sample", institution.IsPrivate ? "private collection" : "literary museum")),
            ]);
            var collection = Add(false, institution.Id + ":collection", "collection", root, institution.CollectionName, 0,
            [
                .. Variant("description", institution.CollectionName.Map((n, c) => $"<p>{n}. {Texts.SampleNote[c]}</p>")),
                .. Variant("owner", institution.IsPrivate ? institution.Name : new Texts("Мұражай қоры", "Фонды музея", "Museum holdings")),
                .. Variant("note", Texts.SampleNote),
                ("tags", null, new JsonArray("sample")),
            ]);
            var number = 0;
            foreach (var seed in institution.Objects)
            {
                number++;
                var type = DemoData.ObjectTypes.First(t => t.Id == seed.Type);
                var materialLabels = seed.Materials.Select(m => DemoData.Materials.First(x => x.Id == m).Label).ToList();
                var fileName = $"{UrlSegmentOf(seed.Title.En)}.jpg";
                var image = AddImage(folder, mediaFolder, fileName, seed.Title, number, imageSeed++);
                var description = seed.Title.Map((title, c) =>
                    $"<p>{title}. {Label(c, "type")}: {type.Label[c].ToLowerInvariant()}; {Label(c, "materials")}: {string.Join(", ", materialLabels.Select(m => m[c].ToLowerInvariant()))}; {Label(c, "dating")}: {seed.Dating}.</p><p>{Texts.SampleNote[c]}</p>");
                List<(string, string?, JsonNode?)> values =
                [
                    ("accessionNumber", null, $"{institution.Prefix}-{(institution.IsPrivate ? "PC" : "KP")}-{number:000}"),
                    .. Variant("title", seed.Title),
                    .. Variant("description", description),
                    ("objectType", null, Udi(terms[seed.Type])),
                    ("materials", null, string.Join(",", seed.Materials.Select(m => Udi(terms[m])))),
                    .. Variant("dimensions", seed.Dimensions),
                    ("dating", null, seed.Dating),
                    ("condition", null, new JsonArray(number % 4 == 0 ? "fair" : "good")),
                    .. Variant("creditLine", institution.Name.Map((n, c) => $"{n}, {Texts.SampleNote[c].Split(':')[0].ToLowerInvariant()}")),
                    ("rightsStatement", null, new JsonArray(institution.IsPrivate ? "http://rightsstatements.org/vocab/InC/1.0/" : "http://rightsstatements.org/vocab/NoC-NC/1.0/")),
                    ("images", null, new JsonArray(new JsonObject { ["key"] = Keys.For("pick:" + image).ToString(), ["mediaKey"] = image.ToString(), ["mediaTypeAlias"] = "Image", ["crops"] = new JsonArray(), ["focalPoint"] = null })),
                    .. Variant("note", Texts.SampleNote),
                    ("tags", null, new JsonArray("sample", type.Label.En.ToLowerInvariant())),
                    ("valuation", null, (100_000 + number * 25_000).ToString()),
                    ("insuranceValue", null, (150_000 + number * 30_000).ToString()),
                ];
                if (institution.IsPrivate)
                    values.Add(("ownerContact", null, $"{institution.Name.En}: office contact on request (sample), +7 700 000 {number:00} {number:00}"));
                // One object of each private collection is lent for study only: a private record.
                if (institution.IsPrivate && number == 4)
                    values.Add(("privateRecord", null, "1"));
                var placeTerm = seed.Place ?? institution.CityTerm;
                values.Add(("placeOfOrigin", null, Udi(terms[placeTerm])));
                if ((seed.People ?? institution.People) is { } peopleTerm)
                    values.Add(("peoples", null, Udi(terms[peopleTerm])));
                if ((seed.Maker ?? institution.Person) is { } maker && seed.Maker is not null)
                    values.Add(("maker", null, Udi(people[maker])));
                artefacts.Add(Add(false, $"{institution.Id}:artefact:{number}", "artefact", collection, seed.Title, number - 1, values));
            }
        }

        var venuesRoot = Add(false, "venues", "venues", null, new("Өтетін орындар", "Площадки", "Venues"), 12, []);
        var venues = new Dictionary<string, Guid>();
        var venueSort = 0;
        foreach (var venue in DemoData.Venues)
            venues[venue.Id] = Add(false, "venue:" + venue.Id, "venue", venuesRoot, venue.Name, venueSort++,
            [
                .. Variant("address", venue.Address),
                .. Variant("city", venue.City),
                ("location", null, new JsonObject { ["latitude"] = venue.Latitude, ["longitude"] = venue.Longitude }),
            ]);

        var exhibitionsRoot = Add(false, "exhibitions", "exhibitions", null, new("Көрмелер", "Выставки", "Exhibitions"), 13, []);
        var title = new Texts("Алуан түрлілік бірлігі: жазушылар мен халықтар (үлгі)", "Единство в многообразии: писатели и народы (образец)", "Unity in diversity: writers and peoples (sample)");
        var exhibition = Add(false, "exhibition:unity", "exhibition", exhibitionsRoot, title, 0,
        [
            .. Variant("title", title),
            .. Variant("description", title.Map((t, c) => $"<p>{t}. {Texts.SampleNote[c]}</p>")),
            ("curator", null, Udi(people["curator"])),
            ("objects", null, string.Join(",", artefacts.Where((_, i) => i % 5 == 0).Select(Udi))),
            .. Variant("note", Texts.SampleNote),
        ]);
        Add(false, "stop:astana", "exhibitionStop", exhibition, new("Астана", "Астана", "Astana"), 0,
            [("venue", null, Udi(venues["astana-hall"])), .. Variant("city", new("Астана", "Астана", "Astana")), ("openingDate", null, "2026-03-01T10:00:00"), ("closingDate", null, "2026-05-31T18:00:00")]);
        Add(false, "stop:almaty", "exhibitionStop", exhibition, new("Алматы", "Алматы", "Almaty"), 1,
            [("venue", null, Udi(venues["almaty-hall"])), .. Variant("city", new("Алматы", "Алматы", "Almaty")), ("openingDate", null, "2026-06-15T10:00:00"), ("closingDate", null, "2026-09-15T18:00:00")]);

        var storiesRoot = Add(false, "stories", "stories", null, new("Әңгімелер", "Истории", "Stories"), 14, []);
        var storyTitle = new Texts("Бір көрменің жолы (үлгі)", "Путь одной выставки (образец)", "The journey of an exhibition (sample)");
        Add(false, "story:journey", "story", storiesRoot, storyTitle, 0,
        [
            .. Variant("summary", storyTitle.Map((t, c) => $"{t}. {Texts.SampleNote[c]}")),
            .. Variant("body", storyTitle.Map((t, c) => StoryBody(t, c, artefacts[0]))),
            ("relatedArtefacts", null, string.Join(",", artefacts.Take(3).Select(Udi))),
            .. Variant("note", Texts.SampleNote),
        ]);
    }

    private static string StoryBody(string title, string culture, Guid artefact)
    {
        var text = Keys.For($"block:text:{culture}");
        var quote = Keys.For($"block:quote:{culture}");
        return new JsonObject
        {
            ["contentData"] = new JsonArray(
                new JsonObject
                {
                    ["contentTypeKey"] = ArchiveSchema.TextBlock.Key.ToString(), ["key"] = text.ToString(), ["values"] = new JsonArray(
                    new JsonObject { ["alias"] = "text", ["culture"] = null, ["editorAlias"] = null, ["segment"] = null, ["value"] = new JsonObject { ["markup"] = $"<p>{title}. {Texts.SampleNote[culture]}</p>", ["blocks"] = null } })
                },
                new JsonObject
                {
                    ["contentTypeKey"] = ArchiveSchema.QuoteBlock.Key.ToString(), ["key"] = quote.ToString(), ["values"] = new JsonArray(
                    new JsonObject
                    {
                        ["alias"] = "quote", ["culture"] = null, ["editorAlias"] = null, ["segment"] = null, ["value"] = culture switch
                        {
                            "kk" => "Алуан түрлілік бірлігі.",
                            "ru" => "Единство в многообразии.",
                            _ => "Unity in diversity.",
                        }
                    })
                }),
            ["settingsData"] = new JsonArray(),
            ["expose"] = new JsonArray(
                new JsonObject { ["contentKey"] = text.ToString(), ["culture"] = null, ["segment"] = null },
                new JsonObject { ["contentKey"] = quote.ToString(), ["culture"] = null, ["segment"] = null }),
            ["layout"] = new JsonObject
            {
                ["Umbraco.BlockList"] = new JsonArray(
                new JsonObject { ["contentKey"] = text.ToString(), ["settingsKey"] = null },
                new JsonObject { ["contentKey"] = quote.ToString(), ["settingsKey"] = null })
            },
        }.ToJsonString();
    }

    private static string Label(string culture, string what) => (culture, what) switch
    {
        ("kk", "type") => "Түрі",
        ("ru", "type") => "Тип",
        (_, "type") => "Type",
        ("kk", "materials") => "Материалдары",
        ("ru", "materials") => "Материалы",
        (_, "materials") => "Materials",
        ("kk", "dating") => "Мерзімі",
        ("ru", "dating") => "Датировка",
        _ => "Dating",
    };

    private Guid AddImage(Guid folder, string mediaFolder, string fileName, Texts title, int number, int seed)
    {
        var path = Path.Combine(_mediaRoot, mediaFolder, fileName);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, DemoImages.Jpeg(seed));
        var alt = title.Map((t, c) => c switch
        {
            "kk" => $"{t}: үлгі кескін (ойдан жасалған өрнек)",
            "ru" => $"{t}: иллюстрация-образец (сгенерированный орнамент)",
            _ => $"{t}: sample illustration (a generated ornament)",
        });
        return Add(true, $"image:{mediaFolder}:{number}", "Image", folder, title, number - 1,
        [
            ("umbracoFile", null, new JsonObject { ["src"] = $"/media/{mediaFolder}/{fileName}" }),
            .. Variant("altText", alt),
            .. Variant("creditLine", new Texts("Архив, үлгі кескін", "Архив, иллюстрация-образец", "Archive, sample illustration")),
        ]);
    }

    private static IEnumerable<(string, string?, JsonNode?)> Variant(string alias, Texts texts) =>
        Cultures.Select(c => (alias, (string?)c, (JsonNode?)JsonValue.Create(texts[c])));

    private static string Udi(Guid key) => new Udi("document", key).ToString();

    private static string UrlSegmentOf(string text) => Archive.Engine.Segments.UrlSegment.From(text);

    private Guid Add(bool isMedia, string id, string typeAlias, Guid? parent, Texts name, int sortOrder, IEnumerable<(string Alias, string? Culture, JsonNode? Value)> values)
    {
        var key = Keys.For((isMedia ? "media:" : "node:") + id);
        var type = _schema.FindType(typeAlias, isMedia ? ContentTypeKind.Media : ContentTypeKind.Document)
            ?? throw new InvalidOperationException($"No type {typeAlias}");
        var data = CatalogueData.Build(_schema, type, id, name, Cultures, values);
        (string Name, string Path) parentInfo = parent is { } p ? _written[p] : ("", "");
        var level = parent is null ? 1 : parentInfo.Path.Count(ch => ch == '/') + 1;
        var path = $"{parentInfo.Path}/{USyncFileNames.SafeAlias(name.Kk)}";
        var node = new USyncNode
        {
            Key = key,
            IsMedia = isMedia,
            Name = name.Kk,
            ContentTypeAlias = type.Alias,
            ParentKey = parent ?? Guid.Empty,
            ParentName = parentInfo.Name,
            Path = path,
            Level = level,
            SortOrder = sortOrder,
            CreateDate = Created,
            CultureNames = type.VariesByCulture ? Cultures.ToDictionary(c => c, c => name[c]) : new Dictionary<string, string>(),
            PublishedDefault = true,
            PublishedCultures = type.VariesByCulture && !isMedia ? Cultures.ToDictionary(c => c, _ => true) : new Dictionary<string, bool>(),
            Values = NodeValues.From(type, _schema, data, isMedia),
        };
        _written[key] = (name.Kk, path);
        var baseName = USyncFileNames.ForNode(name.Kk);
        var file = $"{(isMedia ? "Media" : "Content")}/{baseName}.config";
        if (!_files.Add(file))
        {
            file = $"{(isMedia ? "Media" : "Content")}/{USyncFileNames.WithSuffix(baseName, key)}.config";
            _files.Add(file);
        }
        _nodes.Add((node, file));
        return key;
    }
}
