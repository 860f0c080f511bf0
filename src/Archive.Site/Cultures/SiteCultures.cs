using Archive.Delivery.Cache;
using Archive.Engine.Cultures;

namespace Archive.Site.Cultures;

/// The site's languages: every language the archive has (from its schema, so a language added by an administrator is
/// a site language at once) and Kazakh in the Latin alphabet beside Kazakh.
public sealed class SiteCultures(PublishedCache cache)
{
    private CultureSet? _for;
    private IReadOnlyList<SiteCulture> _all = [];

    public IReadOnlyList<SiteCulture> All
    {
        get
        {
            var cultures = cache.Schema.Cultures;
            if (!ReferenceEquals(cultures, _for))
            {
                _all = Build(cultures);
                _for = cultures;
            }
            return _all;
        }
    }

    public SiteCulture? Find(string prefix) => All.FirstOrDefault(c => string.Equals(c.Prefix, prefix, StringComparison.OrdinalIgnoreCase));

    public SiteCulture Default => All.FirstOrDefault(c => c.Prefix == cache.Schema.Cultures.Default?.IsoCode.ToLowerInvariant()) ?? All[0];

    /// The site language a visitor's `Accept-Language` names first, if any.
    public SiteCulture? FromAcceptLanguage(string? header)
    {
        foreach (var part in (header ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
                     .Select(p => p.Split(';')[0].Trim()))
        {
            if (Find(part) is { } exact)
                return exact;
            if (cache.Schema.Cultures.Resolve(part) is { } resolved && Find(resolved) is { } neutral)
                return neutral;
        }
        return null;
    }

    private static IReadOnlyList<SiteCulture> Build(CultureSet cultures)
    {
        // Kazakh, Russian and English first, the other languages of the archive after them.
        string[] first = ["kk", KazakhLatin.Culture, "ru", "en"];
        var all = new List<SiteCulture>();
        foreach (var language in cultures.Languages)
        {
            var culture = SiteCulture.For(language, cultures);
            all.Add(culture);
            if (culture.Prefix == "kk")
                all.Add(SiteCulture.KazakhLatinOf(culture));
        }
        if (all.Count == 0)
            all.Add(new SiteCulture("en", "en", false, "English", ["en"]));
        return all.OrderBy(c => Array.IndexOf(first, c.Prefix) is var i and >= 0 ? i : first.Length).ThenBy(c => c.Prefix, StringComparer.Ordinal).ToList();
    }
}
