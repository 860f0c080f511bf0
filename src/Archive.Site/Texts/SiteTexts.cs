using System.Collections.Frozen;
using System.Globalization;
using System.Text.Json;
using Archive.Engine.Cultures;

namespace Archive.Site.Texts;

/// A text and, when it is not in the page's language, the language it is in (for its `lang`).
public readonly record struct Localized(string Text, string? Lang)
{
    public override string ToString() => Text;
}

/// The site's own words (menus, headings, buttons) in every language it ships, one JSON file per language in
/// Texts/. A language without a file, or a word a file lacks, is said in English and marked as English.
public sealed class SiteTexts
{
    private readonly FrozenDictionary<string, FrozenDictionary<string, string>> _byLanguage;

    public SiteTexts()
    {
        var assembly = typeof(SiteTexts).Assembly;
        var languages = new Dictionary<string, FrozenDictionary<string, string>>(StringComparer.OrdinalIgnoreCase);
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith("Archive.Site.Texts.", StringComparison.Ordinal) && n.EndsWith(".json", StringComparison.Ordinal)))
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            var words = JsonSerializer.Deserialize<Dictionary<string, string>>(stream)!;
            languages[name["Archive.Site.Texts.".Length..^".json".Length]] = words.ToFrozenDictionary(StringComparer.Ordinal);
        }
        _byLanguage = languages.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
    }

    public const string Last = "en";

    /// The languages that have a file of their own.
    public IEnumerable<string> Languages => _byLanguage.Keys;

    public IReadOnlyCollection<string> KeysOf(string language) => _byLanguage.TryGetValue(language, out var words) ? words.Keys : [];

    /// A word in the language of a page (its prefix: Latin-script Kazakh reads the Kazakh file), else in English.
    public Localized Get(string prefix, string key, params object[] args)
    {
        var language = prefix == KazakhLatin.Culture ? "kk" : prefix;
        if (_byLanguage.TryGetValue(language, out var words) && words.TryGetValue(key, out var text))
            return new Localized(Format(text, args), null);
        if (_byLanguage.TryGetValue(Last, out var english) && english.TryGetValue(key, out var fallback))
            return new Localized(Format(fallback, args), Last);
        return new Localized(key, Last);
    }

    public bool Has(string prefix, string key) =>
        _byLanguage.TryGetValue(prefix == KazakhLatin.Culture ? "kk" : prefix, out var words) && words.ContainsKey(key);

    private static string Format(string text, object[] args) => args.Length == 0 ? text : string.Format(CultureInfo.InvariantCulture, text, args);
}
