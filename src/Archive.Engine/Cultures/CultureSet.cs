using System.Globalization;

namespace Archive.Engine.Cultures;

/// The cultures the archive accepts, resolved from the uSync Languages files.
/// Resolution is forgiving about case and region ("kk-KZ" → "kk") but never invents a culture.
public sealed class CultureSet
{
    private readonly Dictionary<string, Language> _byIso;

    public CultureSet(IEnumerable<Language> languages)
    {
        _byIso = new Dictionary<string, Language>(StringComparer.OrdinalIgnoreCase);
        foreach (var language in languages)
            _byIso[language.IsoCode] = language;
        Default = _byIso.Values.FirstOrDefault(l => l.IsDefault) ?? _byIso.Values.FirstOrDefault();
    }

    public static CultureSet Empty { get; } = new([]);

    public Language? Default { get; }

    public IReadOnlyCollection<Language> Languages => _byIso.Values;

    public bool IsEmpty => _byIso.Count == 0;

    /// The cultures' codes in lower case, the default first, then in the order of their codes: the order other systems
    /// receive language variants in (harvest records, spreadsheet columns).
    public IReadOnlyList<string> InOrder()
    {
        var all = _byIso.Values.Select(l => l.IsoCode.ToLowerInvariant()).OrderBy(c => c, StringComparer.Ordinal).ToList();
        if (Default?.IsoCode.ToLowerInvariant() is { } first && all.Remove(first))
            all.Insert(0, first);
        return all;
    }

    /// Returns the configured ISO code for a requested culture, or null when it is not one of ours.
    public string? Resolve(string? requested)
    {
        if (string.IsNullOrWhiteSpace(requested))
            return null;
        var tag = requested.Trim().Replace('_', '-');
        if (_byIso.TryGetValue(tag, out var exact))
            return exact.IsoCode;
        var dash = tag.IndexOf('-');
        if (dash > 0 && _byIso.TryGetValue(tag[..dash], out var neutral))
            return neutral.IsoCode;
        // A neutral request ("en") may match a single regional language ("en-US").
        var regional = _byIso.Values.Where(l => l.IsoCode.StartsWith(tag + "-", StringComparison.OrdinalIgnoreCase)).ToList();
        return regional.Count == 1 ? regional[0].IsoCode : null;
    }

    public bool Contains(string? culture) => Resolve(culture) is not null;

    /// The chain of cultures to try for a value: the culture itself, then its fallbacks, without cycles.
    public IReadOnlyList<string> FallbackChain(string culture)
    {
        var chain = new List<string>();
        var current = Resolve(culture);
        while (current is not null && !chain.Contains(current, StringComparer.OrdinalIgnoreCase))
        {
            chain.Add(current);
            current = _byIso.TryGetValue(current, out var language) ? Resolve(language.FallbackIsoCode) : null;
        }
        return chain;
    }

    public static bool IsWellFormedTag(string tag)
    {
        try
        {
            return !string.IsNullOrWhiteSpace(tag) && !CultureInfo.GetCultureInfo(tag, predefinedOnly: false).Equals(CultureInfo.InvariantCulture);
        }
        catch (CultureNotFoundException)
        {
            return false;
        }
    }
}
