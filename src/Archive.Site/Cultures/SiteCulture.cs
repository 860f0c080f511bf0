using System.Globalization;
using Archive.Engine.Cultures;

namespace Archive.Site.Cultures;

/// One language of the site: its address prefix (`kk`, `ug`, `kk-latn`), its BCP 47 tag for `lang` (`kk-Latn`), its
/// direction, its name in its own script, and the cultures its content is read from, in order (the culture itself,
/// its fallbacks, then the archive's default).
public sealed record SiteCulture(string Prefix, string Lang, bool RightToLeft, string NativeName, IReadOnlyList<string> ContentChain)
{
    public string Dir => RightToLeft ? "rtl" : "ltr";

    /// The culture whose content this one shows first ("kk" for Latin-script Kazakh).
    public string Content => ContentChain[0];

    /// Whether the page's text is written from a content culture's text by transliteration.
    public bool IsKazakhLatin => Prefix == KazakhLatin.Culture;

    /// Whether a value read in a content culture is in this page's own language (so it needs no `lang` of its own).
    public bool Speaks(string contentCulture) => string.Equals(contentCulture, Content, StringComparison.OrdinalIgnoreCase);

    public static SiteCulture For(Language language, CultureSet cultures)
    {
        var info = Info(language.IsoCode);
        return new SiteCulture(language.IsoCode.ToLowerInvariant(), language.IsoCode, info?.TextInfo.IsRightToLeft ?? false,
            NativeNameOf(info, language), Chain(language.IsoCode, cultures));
    }

    public static SiteCulture KazakhLatinOf(SiteCulture kazakh) =>
        new(KazakhLatin.Culture, "kk-Latn", false, Capitalised(KazakhLatin.Default.Transliterate(kazakh.NativeName)), kazakh.ContentChain);

    private static IReadOnlyList<string> Chain(string culture, CultureSet cultures)
    {
        var chain = cultures.FallbackChain(culture).ToList();
        foreach (var extra in cultures.Default is { } fallback ? cultures.FallbackChain(fallback.IsoCode) : [])
            if (!chain.Contains(extra, StringComparer.OrdinalIgnoreCase))
                chain.Add(extra);
        return chain;
    }

    private static CultureInfo? Info(string tag)
    {
        try
        {
            return CultureInfo.GetCultureInfo(tag);
        }
        catch (CultureNotFoundException)
        {
            return null;
        }
    }

    // The language's own name for itself ("ئۇيغۇرچە", "Қазақ тілі"), else the name the archive gives it.
    private static string NativeNameOf(CultureInfo? info, Language language)
    {
        var native = info?.NativeName;
        if (string.IsNullOrWhiteSpace(native) || native.StartsWith("Invariant", StringComparison.Ordinal))
            native = language.Name;
        return Capitalised(native);
    }

    private static string Capitalised(string text) => text.Length == 0 ? text : char.ToUpper(text[0], CultureInfo.InvariantCulture) + text[1..];
}
