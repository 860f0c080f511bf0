using System.Globalization;
using System.Text.Json.Nodes;
using System.Xml.Linq;
using Archive.Catalogues.Demo;
using Archive.Catalogues.Schema;
using Archive.Engine.Content;
using Archive.Engine.Cultures;
using Archive.Engine.Editors;
using Archive.Engine.Schema;
using Archive.Engine.USync;

namespace Archive.Catalogues.Synthetic;

/// A deterministic (seeded) catalogue of N artefacts with kk/ru/en text, spread over institutions
/// and collections, as uSync Content items: what benchmarks import and query.
public sealed class SyntheticCatalogue(int seed = 20261125)
{
    private static readonly string[] Cultures = ArchiveSchema.MainCultures;
    private readonly SchemaSnapshot _schema = new(new CultureSet(ArchiveSchema.Languages), ArchiveSchema.DataTypes, ArchiveTypes.All);

    /// Institutions (one per 10,000 artefacts, at least one), a collection per 500 artefacts, then the
    /// artefacts. Each artefact's XML is written compressed to a temporary file and read back when the importer asks
    /// for it, as a uSync folder's files would be: the process holds headers only, so what a benchmark measures of
    /// memory is its own (at a million artefacts the XML alone would be 2.3 GB of the process).
    public USyncPackage Generate(int artefacts)
    {
        var package = new USyncPackage();
        var spill = new SpillFile();
        var institutions = Math.Max(1, artefacts / 10_000);
        var collectionsPerInstitution = Math.Max(1, (int)Math.Ceiling(artefacts / 500.0 / institutions));
        var collections = new List<(Guid Key, string Path, int Institution)>();
        for (var i = 0; i < institutions; i++)
        {
            var name = new Texts($"Синтетикалық мұражай {i + 1}", $"Синтетический музей {i + 1}", $"Synthetic museum {i + 1}");
            var institution = Add(package, Node($"synthetic:institution:{seed}:{i}", "institution", null, "", 1, name, i,
                [("institutionKind", null, new JsonArray("museum")), .. Variant("city", WordPools.Places[i % WordPools.Places.Length])]));
            for (var c = 0; c < collectionsPerInstitution; c++)
            {
                var collectionName = new Texts($"Коллекция {i + 1}.{c + 1}", $"Коллекция {i + 1}.{c + 1}", $"Collection {i + 1}.{c + 1}");
                var collection = Add(package, Node($"synthetic:collection:{seed}:{i}:{c}", "collection", institution.Key, institution.Path, 2, collectionName, c, []));
                collections.Add((collection.Key, collection.Path, i));
            }
        }
        var numbers = new int[institutions];
        for (var n = 0; n < artefacts; n++)
        {
            var (key, path, institution) = collections[n % collections.Count];
            var number = ++numbers[institution];
            var node = Artefact(n, key, path, institution, number, n / collections.Count);
            var xml = NodeSerializer.Write(node);
            // Kept as compressed XML, as a file on disk would be: loading it costs a parse, like an import from a folder.
            var stored = spill.Append(Compress(xml.ToString(SaveOptions.DisableFormatting)));
            package.Nodes.Add(new USyncNodeEntry(FileOf(node), node, USyncEntry<XElement>.HashOf(xml), spill, stored));
        }
        spill.Flush();
        return package;
    }

    private USyncNode Artefact(int n, Guid collection, string collectionPath, int institution, int number, int sortOrder)
    {
        var random = new Random(seed + n * 7919);
        var obj = Pick(random, WordPools.Objects);
        var adj = Pick(random, WordPools.Adjectives);
        var place = Pick(random, WordPools.Places);
        var owner = Pick(random, WordPools.Owners);
        var title = new Texts($"{Capital(adj.Kk)} {obj.Kk} №{number}", $"{Capital(adj.Ru)} {obj.Ru} №{number}", $"{Capital(adj.En)} {obj.En} No. {number}");
        var description = title.Map((_, c) => "<p>" + Fill(WordPools.SentenceA[c], adj[c], obj[c], place[c], owner[c]) + " " + WordPools.SentenceB[c] + "</p><p>" + WordPools.SentenceC[c] + "</p>");
        return Node($"synthetic:artefact:{seed}:{n}", "artefact", collection, collectionPath, 3, title, sortOrder,
        [
            ("accessionNumber", null, $"SYN{institution + 1}-{number:000000}"),
            .. Variant("title", title),
            .. Variant("description", description),
            .. Variant("dimensions", Dimensions(random)),
            ("dating", null, Dating(random)),
            ("tags", null, new JsonArray("synthetic", obj.En)),
            ("valuation", null, (random.Next(10, 5000) * 1000).ToString(CultureInfo.InvariantCulture)),
        ]);
    }

    private static (Guid Key, string Path) Add(USyncPackage package, USyncNode node)
    {
        package.Nodes.Add(new USyncNodeEntry(FileOf(node), node, USyncEntry<XElement>.HashOf(NodeSerializer.Write(node))));
        return (node.Key, node.Path);
    }

    private static byte[] Compress(string text)
    {
        using var output = new MemoryStream();
        using (var brotli = new System.IO.Compression.BrotliStream(output, System.IO.Compression.CompressionLevel.Fastest))
            brotli.Write(System.Text.Encoding.UTF8.GetBytes(text));
        return output.ToArray();
    }

    /// Compressed items in one temporary file (deleted when the package is gone): a folder's files without a million
    /// inodes. Reads are positional, so any number of threads may load items at once.
    private sealed class SpillFile : IUSyncNodeSource
    {
        // An item's place in the file as one number: its offset in the high 40 bits, its length in the low 24.
        private const int LengthBits = 24;

        private readonly FileStream _file;

        public SpillFile()
        {
            var path = Path.Combine(Path.GetTempPath(), $"archive-synthetic-{Guid.NewGuid():N}.bin");
            _file = new FileStream(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.Delete, 1 << 16, FileOptions.DeleteOnClose);
            // Unlinked at once where the system allows it, so a process killed or ending without finalizers leaves nothing.
            if (!OperatingSystem.IsWindows())
                File.Delete(path);
        }

        public long Append(byte[] bytes)
        {
            if (bytes.Length >= 1 << LengthBits)
                throw new InvalidOperationException("A synthetic item is larger than a spill entry may be.");
            var offset = _file.Position;
            _file.Write(bytes);
            return offset << LengthBits | (long)bytes.Length;
        }

        public USyncNode Load(string file, long position) => NodeSerializer.Read(XElement.Parse(Decompress(Read(position))), file);

        public void Flush() => _file.Flush();

        private byte[] Read(long position)
        {
            var bytes = new byte[(int)(position & ((1L << LengthBits) - 1))];
            var offset = position >> LengthBits;
            var read = 0;
            while (read < bytes.Length)
                read += RandomAccess.Read(_file.SafeFileHandle, bytes.AsSpan(read), offset + read);
            return bytes;
        }
    }

    private static string Decompress(byte[] bytes)
    {
        using var brotli = new System.IO.Compression.BrotliStream(new MemoryStream(bytes), System.IO.Compression.CompressionMode.Decompress);
        using var reader = new StreamReader(brotli, System.Text.Encoding.UTF8);
        return reader.ReadToEnd();
    }

    private static string FileOf(USyncNode node) => $"Content/{node.Key:N}.config";

    private static Texts Dimensions(Random random)
    {
        var size = $"{random.Next(5, 200)} × {random.Next(5, 200)}";
        return new Texts(size + " см", size + " см", size + " cm");
    }

    private static string Dating(Random random)
    {
        var template = Pick(random, WordPools.Datings);
        var year = random.Next(1780, 1990);
        return template.Replace("{0}", year.ToString(CultureInfo.InvariantCulture))
            .Replace("{1}", (year + random.Next(1, 30)).ToString(CultureInfo.InvariantCulture))
            .Replace("{d}", (year / 10 * 10).ToString(CultureInfo.InvariantCulture));
    }

    private static string Fill(string sentence, string adj, string obj, string place, string owner) =>
        sentence.Replace("{adj}", adj).Replace("{obj}", obj).Replace("{place}", place).Replace("{owner}", owner);

    private static string Capital(string word) => char.ToUpper(word[0], CultureInfo.InvariantCulture) + word[1..];

    private static T Pick<T>(Random random, T[] items) => items[random.Next(items.Length)];

    private static IEnumerable<(string, string?, JsonNode?)> Variant(string alias, Texts texts) =>
        Cultures.Where(c => texts[c].Length > 0).Select(c => (alias, (string?)c, (JsonNode?)JsonValue.Create(texts[c])));

    private USyncNode Node(string id, string typeAlias, Guid? parent, string parentPath, int level, Texts name, int sortOrder,
        IEnumerable<(string Alias, string? Culture, JsonNode? Value)> values)
    {
        var key = Keys.For(id);
        var type = _schema.FindType(typeAlias, ContentTypeKind.Document)!;
        var data = CatalogueData.Build(_schema, type, id, name, Cultures, values);
        var path = $"{parentPath}/{USyncFileNames.SafeAlias(name.En)}";
        return new USyncNode
        {
            Key = key,
            IsMedia = false,
            Name = name.Kk,
            ContentTypeAlias = typeAlias,
            ParentKey = parent ?? Guid.Empty,
            Path = path,
            Level = level,
            SortOrder = sortOrder,
            CreateDate = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc),
            CultureNames = Cultures.ToDictionary(c => c, c => name[c]),
            PublishedDefault = true,
            PublishedCultures = Cultures.ToDictionary(c => c, _ => true),
            Values = NodeValues.From(type, _schema, data, isMedia: false),
        };
    }
}
