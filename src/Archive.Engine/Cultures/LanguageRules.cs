using Archive.Engine.Content;

namespace Archive.Engine.Cultures;

/// What a set of languages must stay: unique, well-formed ISO codes; exactly one default; fallbacks
/// that name another existing language and never lead back to where they started.
public static class LanguageRules
{
    /// Problems with saving <paramref name="proposed"/> (new when no language has its code yet) among <paramref name="current"/>.
    public static IReadOnlyList<ContentProblem> CheckSave(IReadOnlyCollection<Language> current, Language proposed, bool creating)
    {
        var problems = new List<ContentProblem>();
        var existing = current.FirstOrDefault(l => l.IsoCode.Equals(proposed.IsoCode, StringComparison.OrdinalIgnoreCase));
        if (!CultureSet.IsWellFormedTag(proposed.IsoCode))
            problems.Add(new("$.isoCode", null, $"'{proposed.IsoCode}' is not a culture code (e.g. kk, ru-RU, ug-Arab-CN)."));
        else if (creating && existing is not null)
            problems.Add(new("$.isoCode", null, $"The language {existing.IsoCode} exists already."));
        if (string.IsNullOrWhiteSpace(proposed.Name))
            problems.Add(new("$.name", null, "A name is required."));
        if (!proposed.IsDefault && existing is { IsDefault: true })
            problems.Add(new("$.isDefault", null, "The archive needs a default language: make another one the default instead."));
        if (proposed.FallbackIsoCode is { Length: > 0 } fallback)
        {
            var after = current.Where(l => !l.IsoCode.Equals(proposed.IsoCode, StringComparison.OrdinalIgnoreCase)).Append(proposed)
                .ToDictionary(l => l.IsoCode, l => l.FallbackIsoCode, StringComparer.OrdinalIgnoreCase);
            if (!after.ContainsKey(fallback))
                problems.Add(new("$.fallbackIsoCode", null, $"There is no language {fallback} to fall back to."));
            else if (LeadsBack(after, proposed.IsoCode))
                problems.Add(new("$.fallbackIsoCode", null, $"Falling back to {fallback} would lead back to {proposed.IsoCode}."));
        }
        return problems;
    }

    /// Problems with deleting a language: the default stays, and so does any language others fall back to.
    public static IReadOnlyList<ContentProblem> CheckDelete(IReadOnlyCollection<Language> current, Language doomed)
    {
        var problems = new List<ContentProblem>();
        if (doomed.IsDefault)
            problems.Add(new("$.isoCode", null, "The default language cannot be deleted: make another one the default first."));
        foreach (var dependent in current.Where(l => doomed.IsoCode.Equals(l.FallbackIsoCode, StringComparison.OrdinalIgnoreCase)))
            problems.Add(new("$.isoCode", null, $"{dependent.IsoCode} falls back to {doomed.IsoCode}: change its fallback first."));
        return problems;
    }

    private static bool LeadsBack(Dictionary<string, string?> fallbacks, string start)
    {
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { start };
        var next = fallbacks[start];
        while (next is { Length: > 0 } && fallbacks.TryGetValue(next, out var after))
        {
            if (!seen.Add(next))
                return true;
            next = after;
        }
        return false;
    }
}
