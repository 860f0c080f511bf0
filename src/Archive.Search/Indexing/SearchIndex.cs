using Archive.Search.Analysis;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Directory = Lucene.Net.Store.Directory;

namespace Archive.Search.Indexing;

/// The Lucene index on disk. Documents are one per node, culture and state (published or draft).
/// A rebuild writes a new generation beside the current one and switches when it is complete, so
/// searches keep being answered from the old index meanwhile, and a crash mid-rebuild leaves the old
/// one in place.
public sealed class SearchIndex : IDisposable
{
    private const string CurrentFile = "current";
    private readonly string _root;
    private readonly ArchiveAnalyzers _analyzers;
    private readonly object _switch = new();
    private Generation? _current;

    public SearchIndex(string root, ArchiveAnalyzers analyzers)
    {
        _root = root;
        _analyzers = analyzers;
        System.IO.Directory.CreateDirectory(root);
        OpenCurrent();
    }

    public ArchiveAnalyzers Analyzers => _analyzers;

    /// Whether a complete index exists (a rebuild has finished at least once).
    public bool Exists => _current is not null;

    /// The change-log position the index reflects (stored in the index's commit data).
    public long Position => _current?.Position ?? 0;

    private sealed class Generation(string path, Directory directory, IndexWriter writer, SearcherManager searchers) : IDisposable
    {
        public string Path { get; } = path;
        public IndexWriter Writer { get; } = writer;
        public SearcherManager Searchers { get; } = searchers;
        public long Position { get; set; }

        public void Dispose()
        {
            Searchers.Dispose();
            Writer.Dispose();
            directory.Dispose();
        }
    }

    /// Builds a new generation from all nodes and makes it current.
    public void Rebuild(IEnumerable<IndexedNode> nodes, long position, IProgress<int>? progress = null)
    {
        var name = $"g{DateTime.UtcNow:yyyyMMddHHmmssfff}";
        var path = Path.Combine(_root, name);
        var generation = Open(path, create: true);
        var count = 0;
        try
        {
            foreach (var node in nodes)
            {
                foreach (var document in Documents(node))
                    generation.Writer.AddDocument(document);
                if (++count % 1000 == 0)
                    progress?.Report(count);
            }
            generation.Position = position;
            Commit(generation);
        }
        catch
        {
            // The unfinished generation is dropped; the current one goes on answering.
            generation.Dispose();
            TryDelete(path);
            throw;
        }
        File.WriteAllText(Path.Combine(_root, CurrentFile + ".tmp"), name);
        File.Move(Path.Combine(_root, CurrentFile + ".tmp"), Path.Combine(_root, CurrentFile), overwrite: true);
        Generation? old;
        lock (_switch)
        {
            old = _current;
            _current = generation;
        }
        if (old is not null)
        {
            old.Dispose();
            TryDelete(old.Path);
        }
        progress?.Report(count);
    }

    /// Replaces the documents of changed nodes and removes those of deleted ones.
    public void Apply(IEnumerable<IndexedNode> changed, IEnumerable<Guid> removed, long position)
    {
        var generation = _current ?? throw new InvalidOperationException("The index has not been built yet.");
        foreach (var key in removed)
            generation.Writer.DeleteDocuments(new Term(IndexFields.Key, key.ToString()));
        foreach (var node in changed)
        {
            generation.Writer.DeleteDocuments(new Term(IndexFields.Key, node.Key.ToString()));
            foreach (var document in Documents(node))
                generation.Writer.AddDocument(document);
        }
        generation.Position = position;
        Commit(generation);
    }

    /// Keys of the items whose documents carry a facet value (e.g. the objects of an exhibition).
    public IReadOnlyList<Guid> KeysWithFacet(string facet, string value) => !Exists ? [] : Search(searcher =>
    {
        var top = searcher.Search(new TermQuery(new Term(FacetNames.Field(facet), value)), 100_000);
        return top.ScoreDocs.Select(d => Guid.Parse(searcher.Doc(d.Doc).Get(IndexFields.Key))).Distinct().ToList();
    });

    public T Search<T>(Func<IndexSearcher, T> search)
    {
        var generation = _current ?? throw new InvalidOperationException("The index has not been built yet.");
        var searcher = generation.Searchers.Acquire();
        try
        {
            return search(searcher);
        }
        finally
        {
            generation.Searchers.Release(searcher);
        }
    }

    private static void Commit(Generation generation)
    {
        generation.Writer.SetCommitData(new Dictionary<string, string> { ["position"] = generation.Position.ToString() });
        generation.Writer.Commit();
        generation.Searchers.MaybeRefreshBlocking();
    }

    private IEnumerable<Document> Documents(IndexedNode node)
    {
        foreach (var culture in node.Cultures)
        {
            var language = culture.Culture.Split('-')[0].ToLowerInvariant();
            var document = new Document
            {
                new StringField(IndexFields.Key, node.Key.ToString(), Field.Store.YES),
                new StringField(IndexFields.Culture, culture.Culture, Field.Store.YES),
                new StringField(IndexFields.ContentType, node.ContentTypeAlias, Field.Store.YES),
                new StringField(IndexFields.Published, culture.Published ? "y" : "n", Field.Store.YES),
                new StringField(IndexFields.Parent, node.AncestorKeys.Count > 0 ? node.AncestorKeys[^1].ToString() : "", Field.Store.NO),
                new Int32Field(IndexFields.Level, node.Level, Field.Store.NO),
                new NumericDocValuesField(IndexFields.SortOrder, node.SortOrder),
                new Int64Field(IndexFields.CreateDate, node.CreateDate.Ticks, Field.Store.NO),
                new Int64Field(IndexFields.UpdateDate, node.UpdateDate.Ticks, Field.Store.NO),
                new SortedDocValuesField(IndexFields.NameSort, new Lucene.Net.Util.BytesRef(culture.Name.ToLowerInvariant())),
                new StoredField(IndexFields.Name, culture.Name),
                new TextField(IndexFields.Text(language), culture.Text, Field.Store.NO),
                new TextField(IndexFields.Folded, culture.Text, Field.Store.NO),
                new TextField(IndexFields.Skeleton, culture.Text, Field.Store.NO),
            };
            foreach (var (facet, values) in culture.Facets)
                foreach (var value in values)
                {
                    document.Add(new StringField(FacetNames.Field(facet), value, Field.Store.NO));
                    document.Add(new SortedSetDocValuesField(FacetNames.Field(facet), new Lucene.Net.Util.BytesRef(value)));
                }
            document.Add(new StoredField(IndexFields.StoredText, culture.Text));
            // Only what the public may see is offered as you type.
            if (culture.Published)
                document.Add(new TextField(IndexFields.Suggest(culture.Culture), culture.Name, Field.Store.NO));
            document.Add(new NumericDocValuesField(IndexFields.UpdateDateSort, node.UpdateDate.Ticks));
            document.Add(new NumericDocValuesField(IndexFields.DatingSort, culture.DatingEarliest ?? int.MaxValue));
            foreach (var ancestor in node.AncestorKeys)
                document.Add(new StringField(IndexFields.Path, ancestor.ToString(), Field.Store.NO));
            if (language == "ru")
                document.Add(new TextField(IndexFields.RussianSnowball, culture.Text, Field.Store.NO));
            if (culture.DatingEarliest is { } earliest && culture.DatingLatest is { } latest)
            {
                document.Add(new Int32Field(IndexFields.DatingEarliest, earliest, Field.Store.NO));
                document.Add(new Int32Field(IndexFields.DatingLatest, latest, Field.Store.NO));
            }
            yield return document;
        }
    }

    private void OpenCurrent()
    {
        var pointer = Path.Combine(_root, CurrentFile);
        if (!File.Exists(pointer))
            return;
        var path = Path.Combine(_root, File.ReadAllText(pointer).Trim());
        try
        {
            var generation = Open(path, create: false);
            var data = generation.Writer.CommitData;
            generation.Position = data is not null && data.TryGetValue("position", out var p) && long.TryParse(p, out var position) ? position : 0;
            _current = generation;
        }
        catch (Exception ex) when (ex is IOException or CorruptIndexException or IndexNotFoundException or LockObtainFailedException)
        {
            // A damaged or missing generation: the caller sees no index and rebuilds.
            _current = null;
        }
    }

    private Generation Open(string path, bool create)
    {
        var directory = FSDirectory.Open(path);
        if (!create && !DirectoryReader.IndexExists(directory))
        {
            directory.Dispose();
            throw new IndexNotFoundException($"no index in {path}");
        }
        var config = new IndexWriterConfig(ArchiveAnalyzers.Version, _analyzers.PerField)
        {
            OpenMode = create ? OpenMode.CREATE : OpenMode.APPEND,
        };
        var writer = new IndexWriter(directory, config);
        return new Generation(path, directory, writer, new SearcherManager(writer, true, null));
    }

    private static void TryDelete(string path)
    {
        try
        {
            System.IO.Directory.Delete(path, recursive: true);
        }
        catch (IOException)
        {
            // Still open somewhere; the next rebuild tidies up.
        }
    }

    public void Dispose()
    {
        lock (_switch)
        {
            _current?.Dispose();
            _current = null;
        }
    }
}
