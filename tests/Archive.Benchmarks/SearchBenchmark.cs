using System.Diagnostics;
using Archive.Catalogues.Schema;
using Archive.Catalogues.Synthetic;
using Archive.Engine.Content;
using Archive.Engine.Cultures;
using Archive.Engine.Editors;
using Archive.Engine.Schema;
using Archive.Engine.USync;
using Archive.Search.Analysis;
using Archive.Search.Indexing;
using Archive.Search.Querying;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Store;

namespace Archive.Benchmarks;

/// Index build of N synthetic artefacts × 3 cultures through the archive's pipeline, beside a bare
/// Lucene.Net loop that indexes the same texts into the same analysed fields; then query latency
/// (one and two words, five facets) and autocomplete latency.
public static class SearchBenchmark
{
    public static async Task<int> RunAsync(int count, int queries, string? keep)
    {
        var schema = new SchemaSnapshot(new CultureSet(ArchiveSchema.Languages), ArchiveSchema.DataTypes, ArchiveTypes.All);
        var analyzers = new ArchiveAnalyzers(new HunspellDictionaries());
        analyzers.ForField("text_ru").GetTokenStream("x", "прогрев").Dispose(); // load the dictionaries outside the timings
        var root = keep ?? System.IO.Directory.CreateTempSubdirectory("archive-bench-index").FullName;
        using var index = new SearchIndex(root, analyzers);
        if (keep is not null && index.Exists)
            // A finished index needs no catalogue: queries run without its gigabytes in the same process.
            Console.WriteLine("Reusing the finished index in the kept folder.");
        else
        {
            var package = new SyntheticCatalogue().Generate(count);
            var headers = package.Nodes.ToDictionary(n => n.Key);
            IndexedNode Prepare(USyncNodeEntry entry) => PrepareNode(entry, headers, schema);
            if (keep is not null)
                await BuildResumableAsync(index, root, package, Prepare);
            else
                await BuildBesideBareLuceneAsync(index, root, package, analyzers, Prepare);
        }
        GC.Collect();

        var search = new SearchService(index);
        var suggest = new SuggestService(index);
        string[] words = ["самовар", "ковёр", "письмо", "manuscript", "silver", "кітап", "домбыра", "rare", "wedding", "шёлковый", "қолжазба", "carpet"];
        string[] cultures = ["ru", "ru", "ru", "en", "en", "kk", "kk", "en", "en", "ru", "kk", "en"];
        string[] facets = [FacetNames.Institution, FacetNames.Collection, FacetNames.Century, FacetNames.HasImage, FacetNames.Material];
        foreach (var (label, withFacets, highlight) in new[] { ("no facets, no highlights", false, false), ("facets only", true, false), ("highlights only", false, true) })
        {
            var probe = new List<double>();
            for (var i = 0; i < 120; i++)
            {
                var timer = Stopwatch.StartNew();
                search.Search(new SearchRequest { Query = words[i % words.Length], Culture = cultures[i % words.Length], Take = 20, Facets = withFacets ? facets : [], Highlight = highlight });
                if (i >= 20) probe.Add(timer.Elapsed.TotalMilliseconds);
            }
            Console.WriteLine($"  (1 word, {label}: p50 {Stats.Percentile(probe, 50):F2} ms, p99 {Stats.Percentile(probe, 99):F2} ms)");
        }
        // Facets counted over every hit (the baseline) and as served (a sample above FacetSampling.Default's limit).
        foreach (var (wordsPerQuery, sampling) in new[] { (1, FacetSampling.Never), (1, FacetSampling.Default), (2, FacetSampling.Never), (2, FacetSampling.Default) })
        {
            var samples = new List<double>();
            var sampled = 0;
            var hits = new List<int>();
            var worst = 0.0;
            // The same questions for both ways of counting.
            var questions = new Random(wordsPerQuery);
            for (var i = 0; i < queries + 20; i++)
            {
                var pick = questions.Next(words.Length);
                var text = wordsPerQuery == 1 ? words[pick] : $"{words[pick]} {words[(pick + 7) % words.Length]}";
                var timer = Stopwatch.StartNew();
                var result = search.Search(new SearchRequest { Query = text, Culture = cultures[pick], Take = 20, Facets = facets, Sampling = sampling });
                timer.Stop();
                if (result.Status != SearchStatus.Success)
                    throw new InvalidOperationException(result.Problem);
                if (i < 20)
                    continue;
                samples.Add(timer.Elapsed.TotalMilliseconds);
                hits.Add(result.Total);
                if (result.FacetSample is not null)
                {
                    sampled++;
                    // The widest margin of a shown count, as a share of the hits.
                    worst = Math.Max(worst, result.Facets.Values.SelectMany(v => v).Select(v => (double)v.Margin / result.Total).DefaultIfEmpty().Max());
                }
            }
            var how = sampling == FacetSampling.Never ? "counted over every hit" : $"as served ({sampled} of {samples.Count} queries sampled, widest margin {worst:P2} of the hits)";
            Console.WriteLine($"Query, {wordsPerQuery} word(s), 5 facets {how}, page of 20: p50 {Stats.Percentile(samples, 50):F2} ms, p99 {Stats.Percentile(samples, 99):F2} ms; " +
                $"hits p50 {Stats.Percentile(hits.Select(h => (double)h).ToList(), 50):N0}, max {hits.Max():N0}");
        }
        var suggestions = new List<double>();
        string[] prefixes = ["са", "ков", "пис", "man", "sil", "кіт", "дом", "we", "шё", "қол"];
        for (var i = 0; i < queries + 20; i++)
        {
            var timer = Stopwatch.StartNew();
            suggest.Suggest(prefixes[i % prefixes.Length], cultures[i % prefixes.Length]);
            timer.Stop();
            if (i >= 20)
                suggestions.Add(timer.Elapsed.TotalMilliseconds);
        }
        Console.WriteLine($"Autocomplete: p50 {Stats.Percentile(suggestions, 50):F2} ms, p99 {Stats.Percentile(suggestions, 99):F2} ms");
        return 0;
    }

    private static IndexedNode PrepareNode(USyncNodeEntry entry, Dictionary<Guid, USyncNodeEntry> headers, SchemaSnapshot schema)
    {
        var node = entry.Load();
        var type = schema.FindType(node.ContentTypeAlias, ContentTypeKind.Document)!;
        var data = new ContentData();
        foreach (var (culture, name) in node.CultureNames) data.Names[culture] = name;
        foreach (var (alias, values) in node.Values)
            foreach (var (culture, value) in values.Where(v => v.Value.Length > 0))
                data.SetValue(alias, culture, value);
        var ancestors = new List<Ancestor>();
        for (var parent = node.ParentKey; parent != Guid.Empty && headers.TryGetValue(parent, out var p); parent = p.ParentKey)
            ancestors.Insert(0, new Ancestor(p.Key, p.ContentTypeAlias));
        var cultures = node.CultureNames.Keys.Select(c => IndexedNodeBuilder.Culture(data, c, true, type, schema, PropertyEditors.Default, ancestors, [])).ToList();
        return new IndexedNode(node.Key, node.ContentTypeAlias, false, ancestors.Select(a => a.Key).ToList(), node.Level, node.SortOrder, node.CreateDate, node.CreateDate, cultures);
    }

    /// Items prepared in memory first, so both timings cover indexing alone: a bare Lucene loop over
    /// the same texts and analysed fields, then the archive's pipeline.
    private static async Task BuildBesideBareLuceneAsync(SearchIndex index, string root, USyncPackage package, ArchiveAnalyzers analyzers, Func<USyncNodeEntry, IndexedNode> prepare)
    {
        Console.WriteLine($"Preparing {package.Nodes.Count:N0} items…");
        var nodes = package.Nodes.Select(prepare).ToList();
        var bareFolder = System.IO.Directory.CreateTempSubdirectory("archive-bench-lucene").FullName;
        var bare = Stopwatch.StartNew();
        using (var directory = FSDirectory.Open(bareFolder))
        using (var writer = new IndexWriter(directory, new IndexWriterConfig(ArchiveAnalyzers.Version, analyzers.PerField) { OpenMode = OpenMode.CREATE }))
        {
            foreach (var node in nodes)
                foreach (var culture in node.Cultures)
                {
                    var document = new Document
                    {
                        new StringField(IndexFields.Key, node.Key.ToString(), Field.Store.YES),
                        new TextField(IndexFields.Text(culture.Culture), culture.Text, Field.Store.NO),
                        new TextField(IndexFields.Folded, culture.Text, Field.Store.NO),
                        new TextField(IndexFields.Skeleton, culture.Text, Field.Store.NO),
                    };
                    if (culture.Culture == "ru")
                        document.Add(new TextField(IndexFields.RussianSnowball, culture.Text, Field.Store.NO));
                    writer.AddDocument(document);
                }
            writer.Commit();
        }
        bare.Stop();
        var documents = nodes.Sum(n => n.Cultures.Count);

        long peak, start;
        var build = Stopwatch.StartNew();
        await using (var sampler = new MemorySampler())
        {
            index.Rebuild(nodes, 1);
            build.Stop();
            (peak, start) = (sampler.PeakBytes, sampler.StartBytes);
        }
        var size = System.IO.Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories).Sum(f => new FileInfo(f).Length);
        Console.WriteLine($"Index build ({nodes.Count:N0} items, {documents:N0} documents): {build.Elapsed.TotalSeconds:F1} s, {documents / build.Elapsed.TotalSeconds:N0} docs/s, " +
                          $"index {size / 1024.0 / 1024.0:F0} MB, peak working set {Stats.Mb(peak)} ({Stats.Mb(start)} before)");
        Console.WriteLine($"Bare Lucene loop, same texts and analysed fields: {bare.Elapsed.TotalSeconds:F1} s, {documents / bare.Elapsed.TotalSeconds:N0} docs/s; " +
                          $"the pipeline runs at {bare.Elapsed.TotalSeconds / build.Elapsed.TotalSeconds:P0} of its rate (text extraction excluded: done before both)");
        System.IO.Directory.Delete(bareFolder, true);

    }

    /// Streams items through a resumable build in a kept folder, checkpointing every 10,000: an
    /// interrupted run (a 1M build takes a while) continues where it stopped; a finished index is reused.
    private static async Task BuildResumableAsync(SearchIndex index, string root, USyncPackage package, Func<USyncNodeEntry, IndexedNode> prepare)
    {
        using var build = index.StartBuild(position: 1);
        var skip = int.TryParse(build.ResumeAfter, out var done) ? done : 0;
        Console.WriteLine(skip > 0 ? $"Resuming after {skip:N0} of {package.Nodes.Count:N0} items…" : $"Streaming {package.Nodes.Count:N0} items into the index…");
        var documents = 0;
        var timer = Stopwatch.StartNew();
        long peak;
        await using (var sampler = new MemorySampler())
        {
            for (var i = skip; i < package.Nodes.Count; i++)
            {
                var node = prepare(package.Nodes[i]);
                build.Add(node);
                documents += node.Cultures.Count;
                if ((i + 1) % 10_000 == 0)
                {
                    build.Checkpoint((i + 1).ToString());
                    Console.Write($"\r  {i + 1:N0}/{package.Nodes.Count:N0}");
                }
            }
            build.Complete();
            peak = sampler.PeakBytes;
        }
        Console.WriteLine();
        var size = System.IO.Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories).Sum(f => new FileInfo(f).Length);
        Console.WriteLine($"Index build, this run ({package.Nodes.Count - skip:N0} items, {documents:N0} documents, text extraction included): {timer.Elapsed.TotalSeconds:F1} s, " +
                          $"{documents / timer.Elapsed.TotalSeconds:N0} docs/s, index {size / 1024.0 / 1024.0:F0} MB, peak working set {Stats.Mb(peak)}");
    }
}
