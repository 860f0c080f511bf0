using System.Text.RegularExpressions;
using Archive.Site.Texts;

namespace Archive.Integration.Tests.Site;

/// The site's own words: complete in Kazakh, Russian, English and Uyghur; in every language, no word the site does
/// not use and the same placeholders as the English.
public sealed partial class SiteTextsTests
{
    [GeneratedRegex(@"\{\d+\}")]
    private static partial Regex Placeholder();

    [Fact]
    public void The_main_languages_have_every_word_and_no_language_has_a_stray_one()
    {
        var texts = new SiteTexts();
        var english = texts.KeysOf("en");
        Assert.True(english.Count > 150);
        foreach (var complete in new[] { "kk", "ru", "ug" })
            Assert.Empty(english.Except(texts.KeysOf(complete)));
        foreach (var language in texts.Languages)
            foreach (var key in texts.KeysOf(language))
            {
                Assert.Contains(key, english);
                Assert.Equal(Placeholder().Matches(texts.Get("en", key, []).Text).Select(m => m.Value).Order(),
                    Placeholder().Matches(texts.Get(language, key, []).Text).Select(m => m.Value).Order());
            }
    }

    [Fact]
    public void A_word_a_language_lacks_is_said_in_English_and_marked_as_English()
    {
        var texts = new SiteTexts();
        Assert.Equal(new Localized("Поиск", null), texts.Get("ru", "nav.search"));
        Assert.Equal(new Localized("Rights", "en"), texts.Get("tt", "field.rightsStatement"));
        Assert.Equal(new Localized("Іздеу", null), texts.Get("kk-latn", "nav.search"));
    }
}
