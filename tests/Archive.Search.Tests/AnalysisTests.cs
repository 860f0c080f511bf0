using Archive.Search.Analysis;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace Archive.Search.Tests;

public class AnalysisTests
{
    private static readonly ArchiveAnalyzers Analyzers = new(new HunspellDictionaries());

    private static List<string> Tokens(string field, string text)
    {
        using var stream = Analyzers.ForField(field).GetTokenStream(field, text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        stream.Reset();
        var tokens = new List<string>();
        while (stream.IncrementToken())
            tokens.Add(term.ToString());
        stream.End();
        return tokens;
    }

    private static string One(string field, string word) => Assert.Single(Tokens(field, word).Distinct());

    [Theory]
    [InlineData("музея", "музей")]
    [InlineData("музеям", "музей")]
    [InlineData("Музеях", "музей")]
    [InlineData("рукописи", "рукопись")]
    [InlineData("рукописью", "рукопись")]
    public void Russian_word_forms_meet(string form, string lemma) =>
        Assert.Equal(One("text_ru", lemma), One("text_ru", form));

    [Fact]
    public void Russian_yo_and_ye_meet() => Assert.Equal(One("text_ru", "ёлка"), One("text_ru", "елка"));

    [Theory]
    [InlineData("музейлері", "музей")]
    [InlineData("музейде", "музей")]
    [InlineData("кітаптар", "кітап")]
    [InlineData("Абайдың", "Абай")]
    [InlineData("кiтап", "кітап")] // Latin i typed for Kazakh і
    public void Kazakh_plural_possessive_and_case_endings_meet(string form, string lemma) =>
        Assert.Equal(One("text_kk", lemma), One("text_kk", form));

    [Theory]
    [InlineData("Abai", "Абай")]
    [InlineData("Abay", "Абай")]
    [InlineData("Qazaqstan", "Қазақстан")]
    [InlineData("Abaidyñ", "Абай")]
    [InlineData("Zhambyl", "Жамбыл")]
    [InlineData("Jambyl", "Жамбыл")]
    [InlineData("Shymkent", "Шымкент")]
    [InlineData("Semey", "Семей")]
    [InlineData("Dostoevsky", "Достоевский")]
    [InlineData("Kazakhstan", "Казахстан")]
    public void Latin_and_Cyrillic_spellings_share_a_skeleton(string latin, string cyrillic) =>
        Assert.Equal(One("skeleton", cyrillic), One("skeleton", latin));

    [Fact]
    public void English_is_stemmed() => Assert.Equal(One("text_en", "manuscripts"), One("text_en", "manuscript"));

    [Fact]
    public void Other_languages_are_tokenised_and_folded()
    {
        Assert.Equal(["strasse", "cafe"], Tokens("fold", "Straße CAFÉ"));
        Assert.Equal(2, Tokens("text", "ئۇيغۇر تىلى").Count);
    }
}
