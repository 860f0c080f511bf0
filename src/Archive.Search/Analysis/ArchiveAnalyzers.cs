using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.En;
using Lucene.Net.Analysis.Hunspell;
using Lucene.Net.Analysis.Icu;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Util;

namespace Archive.Search.Analysis;

/// The analyzers of the index's fields. Each language has its own text field; every document also has
/// a folded field (any language, ICU folding) and a skeleton field (cross-script, light Kazakh stemming).
public sealed class ArchiveAnalyzers
{
    public const LuceneVersion Version = LuceneVersion.LUCENE_48;

    private readonly Dictionary<string, Analyzer> _byField = new(StringComparer.Ordinal);

    public ArchiveAnalyzers(HunspellDictionaries dictionaries)
    {
        _byField[IndexFields.Text("ru")] = Hunspell(dictionaries.Russian);
        _byField[IndexFields.RussianSnowball] = Analyzer.NewAnonymous((_, reader) =>
        {
            var tokenizer = new StandardTokenizer(Version, reader);
            TokenStream stream = new LowerCaseFilter(Version, tokenizer);
            stream = new MapTermFilter(stream, Terms.FoldYo);
            stream = new Lucene.Net.Analysis.Snowball.SnowballFilter(stream, new Lucene.Net.Tartarus.Snowball.Ext.RussianStemmer());
            return new TokenStreamComponents(tokenizer, stream);
        });
        _byField[IndexFields.Text("uk")] = Hunspell(dictionaries.Ukrainian);
        _byField[IndexFields.Text("en")] = Analyzer.NewAnonymous((_, reader) =>
        {
            var tokenizer = new StandardTokenizer(Version, reader);
            TokenStream stream = new EnglishPossessiveFilter(Version, tokenizer);
            stream = new LowerCaseFilter(Version, stream);
            stream = new PorterStemFilter(stream);
            return new TokenStreamComponents(tokenizer, stream);
        });
        _byField[IndexFields.Text("kk")] = Analyzer.NewAnonymous((_, reader) =>
        {
            var tokenizer = new StandardTokenizer(Version, reader);
            TokenStream stream = new LowerCaseFilter(Version, tokenizer);
            stream = new MapTermFilter(stream, Terms.RepairCyrillic);
            stream = new MapTermFilter(stream, KazakhStemmer.Stem);
            return new TokenStreamComponents(tokenizer, stream);
        });
        Folded = Analyzer.NewAnonymous((_, reader) =>
        {
            var tokenizer = new StandardTokenizer(Version, reader);
            TokenStream stream = new MapTermFilter(tokenizer, Terms.RepairCyrillic);
            stream = new ICUFoldingFilter(stream);
            return new TokenStreamComponents(tokenizer, stream);
        });
        _byField[IndexFields.Folded] = Folded;
        _byField[IndexFields.Skeleton] = Analyzer.NewAnonymous((_, reader) =>
        {
            var tokenizer = new StandardTokenizer(Version, reader);
            TokenStream stream = new MapTermFilter(tokenizer, Terms.RepairCyrillic);
            stream = new MapTermFilter(stream, t => KazakhStemmer.StemSkeleton(Skeleton.Of(t)));
            return new TokenStreamComponents(tokenizer, stream);
        });
        Suggest = Analyzer.NewAnonymous((_, reader) =>
        {
            var tokenizer = new StandardTokenizer(Version, reader);
            return new TokenStreamComponents(tokenizer, new LowerCaseFilter(Version, tokenizer));
        });
        PerField = new SuggestAwareAnalyzer(new PerFieldAnalyzerWrapper(new KeywordAnalyzer(), _byField), Suggest);
    }

    /// Lower-cased words, unstemmed: what autocomplete offers.
    public Analyzer Suggest { get; }

    /// Suggest fields are named per culture, so they are recognised by prefix rather than listed.
    private sealed class SuggestAwareAnalyzer(Analyzer fields, Analyzer suggest) : AnalyzerWrapper(PER_FIELD_REUSE_STRATEGY)
    {
        protected override Analyzer GetWrappedAnalyzer(string fieldName) => fieldName.StartsWith("suggest", StringComparison.Ordinal) ? suggest : fields;
    }

    /// Other languages (German, Tatar, Uyghur, Korean…) are tokenised and folded.
    public Analyzer Folded { get; }

    /// The analyzer an IndexWriter uses: the field name picks it.
    public Analyzer PerField { get; }

    public Analyzer ForField(string field) => _byField.TryGetValue(field, out var analyzer) ? analyzer : Folded;

    private static Analyzer Hunspell(Dictionary dictionary) => Analyzer.NewAnonymous((_, reader) =>
    {
        var tokenizer = new StandardTokenizer(Version, reader);
        TokenStream stream = new LowerCaseFilter(Version, tokenizer);
        stream = new MapTermFilter(stream, Terms.FoldYo);
        stream = new HunspellStemFilter(stream, dictionary, dedup: true, longestOnly: true);
        return new TokenStreamComponents(tokenizer, stream);
    });
}
