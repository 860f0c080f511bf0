using System.Collections;
using System.Diagnostics.CodeAnalysis;

namespace Archive.Delivery.Cache;

/// An item's published cultures, by culture code in any case. An item has a handful (kk, ru, en and a few more), so
/// one array searched in order answers as fast as a dictionary in less than half its memory (a dictionary with its
/// buckets and entries took about 180 bytes an item at three cultures; this takes 96): at a million items, about
/// 100 MB less.
public sealed class CultureMap : IReadOnlyDictionary<string, PublishedCulture>
{
    public static readonly CultureMap Empty = new([]);

    private readonly KeyValuePair<string, PublishedCulture>[] _entries;

    private CultureMap(KeyValuePair<string, PublishedCulture>[] entries) => _entries = entries;

    /// The cultures given, codes held once each (they repeat from item to item). As in a dictionary that ignores case, a
    /// code given again in any case replaces the value and keeps the first spelling.
    public static CultureMap Of(IEnumerable<KeyValuePair<string, PublishedCulture>> cultures)
    {
        if (cultures is CultureMap map)
            return map;
        var entries = new List<KeyValuePair<string, PublishedCulture>>();
        foreach (var (culture, published) in cultures)
        {
            var at = entries.FindIndex(e => string.Equals(e.Key, culture, StringComparison.OrdinalIgnoreCase));
            if (at >= 0)
                entries[at] = KeyValuePair.Create(entries[at].Key, published);
            else
                entries.Add(KeyValuePair.Create(string.Intern(culture), published));
        }
        return entries.Count == 0 ? Empty : new CultureMap([.. entries]);
    }

    public PublishedCulture this[string key] => TryGetValue(key, out var value) ? value : throw new KeyNotFoundException($"No published culture '{key}'.");

    public IEnumerable<string> Keys => _entries.Select(e => e.Key);

    public IEnumerable<PublishedCulture> Values => _entries.Select(e => e.Value);

    public int Count => _entries.Length;

    public bool ContainsKey(string key) => TryGetValue(key, out _);

    public bool TryGetValue(string key, [MaybeNullWhen(false)] out PublishedCulture value)
    {
        foreach (var entry in _entries)
            if (ReferenceEquals(entry.Key, key) || string.Equals(entry.Key, key, StringComparison.OrdinalIgnoreCase))
            {
                value = entry.Value;
                return true;
            }
        value = null;
        return false;
    }

    public IEnumerator<KeyValuePair<string, PublishedCulture>> GetEnumerator() => ((IEnumerable<KeyValuePair<string, PublishedCulture>>)_entries).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
