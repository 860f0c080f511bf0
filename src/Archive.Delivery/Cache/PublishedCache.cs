using System.Collections.Concurrent;
using System.Runtime.CompilerServices;

namespace Archive.Delivery.Cache;

/// A route: the path relative to the root (root hidden, trailing slash) and the root it starts from.
public sealed record ItemRoute(string Path, Guid StartItemKey, string StartItemPath);

/// A domain bound to a root (Umbraco's Culture and Hostnames): "example.kz", "example.kz/ru".
public sealed record SiteDomain(string Name, string Culture, Guid RootKey);

/// A route an item no longer has (URL tracking): requests for it are redirected to the item.
public sealed record Redirect(Guid RootKey, string Culture, string Path, Guid ContentKey)
{
    /// Paths are compared lower-cased and without their trailing slash ("/" for the root).
    public static string Normalize(string path)
    {
        var trimmed = "/" + path.Trim('/').ToLowerInvariant();
        return trimmed;
    }
}

/// Published content and media in memory, as the Delivery API reads them: by key, by route, by parent.
/// One writer (the change-log follower) applies changes; any number of readers never wait for it.
public sealed class PublishedCache
{
    /// The item maps, replaced whole by a load so that a reader never sees them half-filled.
    private sealed class Maps(int expected = 0)
    {
        public readonly ItemsByKey Nodes = new(expected);
        public readonly ConcurrentDictionary<Guid, Guid[]> Children = new();
        public readonly SegmentIndex BySegment = new(expected * 3);
        public readonly ConcurrentDictionary<Guid, ConcurrentDictionary<Guid, byte>> Referrers = new();
        public readonly ConcurrentDictionary<string, Guid> ByFile = new(StringComparer.Ordinal);
        /// The keys of each type's items, listed when first asked for and again once an item of the type came or went
        /// (its version moved on): a type of a million objects costs nothing until a kiosk asks for it, and a few stops
        /// asked for by every page stay listed while objects change.
        public readonly ConcurrentDictionary<string, (long Version, Guid[] Keys)> ByType = new(StringComparer.Ordinal);
        public readonly ConcurrentDictionary<string, StrongBox<long>> TypeVersions = new(StringComparer.Ordinal);

        public long TypeVersion(string alias) => TypeVersions.TryGetValue(alias, out var version) ? Interlocked.Read(ref version.Value) : 0;

        /// Moved on after an item of the type was put in or taken out, so a listing made before is made again.
        public void TypeChanged(string alias) => Interlocked.Increment(ref TypeVersions.GetOrAdd(alias, _ => new StrongBox<long>()).Value);
    }

    private volatile Maps _maps = new();
    private readonly ConcurrentDictionary<(Guid Root, string Culture, string Path), Guid> _redirects = new();
    private IReadOnlyList<SiteDomain> _domains = [];
    private readonly object _write = new();

    /// Raised after changes with every key whose rendered responses may have changed.
    public event Action<IReadOnlyCollection<Guid>>? Changed;

    /// Raised after everything was replaced (start-up, a schema change).
    public event Action? Reloaded;

    /// Raised with the items, as they were, that left the public projection or no longer have the file
    /// they had: what caches outside the archive (browsers, a CDN) must forget.
    public event Action<IReadOnlyList<PublishedNode>>? Withdrawn;

    public bool IsLoaded { get; private set; }

    /// Types whose responses carry a summary of their children of the type beside them (an exhibition, its stops).
    private static readonly HashSet<string> SummarisesChildren = ["exhibition"], SummarisedByParent = ["exhibitionStop"];

    /// Types whose items are summarised in the responses of the items they reference (a loan, in its objects' credit).
    private static readonly HashSet<string> SummarisedByReferences = ["loan"];

    /// The schema the cached items are rendered with (replaced, with everything, when it changes).
    public Archive.Engine.Schema.SchemaSnapshot Schema { get; private set; } = Archive.Engine.Schema.SchemaSnapshot.Empty;

    public int Count => _maps.Nodes.Count;

    public PublishedNode? Find(Guid key) => _maps.Nodes.Find(key);

    /// The public media item whose file this is ("<folder>/<file>", exactly as stored), if any.
    public PublishedNode? FindByFile(string path) => _maps.ByFile.TryGetValue(path, out var key) ? Find(key) : null;

    /// The published items of one content or media type (a snapshot of the moment): what a map or an exhibition's
    /// schedule reads without walking the whole catalogue.
    public IReadOnlyList<PublishedNode> OfType(string alias)
    {
        var maps = _maps;
        // The version is read before the items: a change made during the listing moved it on, so the listing is not kept
        // as current.
        var version = maps.TypeVersion(alias);
        if (!maps.ByType.TryGetValue(alias, out var listed) || listed.Version != version)
        {
            // In key order, not the table's: what is built from a listing (a kiosk's bundle and its version, a map) must
            // not change when the table grows and nothing listed did.
            var keys = maps.Nodes.Items().Where(n => n.ContentTypeAlias == alias).Select(n => n.Key).ToArray();
            Array.Sort(keys);
            maps.ByType[alias] = listed = (version, keys);
        }
        return listed.Keys.Select(k => maps.Nodes.Find(k)).OfType<PublishedNode>().Where(n => n.ContentTypeAlias == alias).ToList();
    }

    /// Every published item (a snapshot of the moment).
    public IReadOnlyList<PublishedNode> All => _maps.Nodes.Items().ToList();

    /// Root items of content or media, in sort order.
    public IReadOnlyList<PublishedNode> Roots(bool media) => ChildrenOf(Guid.Empty).Where(n => n.IsMedia == media).ToList();

    public IReadOnlyList<PublishedNode> ChildrenOf(Guid parent) =>
        _maps.Children.TryGetValue(parent, out var keys) ? keys.Select(Find).OfType<PublishedNode>().ToList() : [];

    /// Published in the culture, and so is every ancestor (for invariant items: in that culture or invariant).
    public bool IsVisible(PublishedNode node, string culture) =>
        node.CultureOf(culture) is not null && node.AncestorKeys.All(k => Find(k) is { } a && a.CultureOf(culture) is not null);

    public ItemRoute? RouteOf(PublishedNode node, string culture)
    {
        if (!IsVisible(node, culture))
            return null;
        var root = node.AncestorKeys.Count == 0 ? node : Find(node.AncestorKeys[0])!;
        var segments = node.AncestorKeys.Skip(1).Select(k => Find(k)!.CultureOf(culture)!.Segment).ToList();
        if (node != root)
            segments.Add(node.CultureOf(culture)!.Segment);
        var path = segments.Count == 0 ? "/" : "/" + string.Join("/", segments) + "/";
        return new ItemRoute(path, root.Key, root.CultureOf(culture)!.Segment);
    }

    /// The root a Start-Item header names: a key, or a root's URL segment in the culture (slashes trimmed, any case).
    public PublishedNode? FindStartItem(string value, string culture)
    {
        var trimmed = value.Trim('/');
        if (Guid.TryParse(trimmed, out var key))
            return Find(key) is { IsMedia: false } byKey && IsVisible(byKey, culture) ? byKey : null;
        return Roots(media: false).FirstOrDefault(r => IsVisible(r, culture) && string.Equals(r.CultureOf(culture)!.Segment, trimmed, StringComparison.OrdinalIgnoreCase));
    }

    /// The content item at a route: relative to the start item when given, else to the first root that has it.
    public PublishedNode? FindByRoute(string path, string culture, PublishedNode? startItem)
    {
        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var roots = startItem is not null ? [startItem] : Roots(media: false).Where(r => IsVisible(r, culture));
        foreach (var root in roots)
        {
            var current = root;
            foreach (var segment in segments)
            {
                current = ChildBySegment(current.Key, culture, segment);
                if (current is null)
                    break;
            }
            if (current is not null && IsVisible(current, culture))
                return current;
        }
        return null;
    }

    private PublishedNode? ChildBySegment(Guid parent, string culture, string segment)
    {
        var lower = segment.ToLowerInvariant();
        var maps = _maps;
        return maps.BySegment.Find(new(parent, culture, lower)) ?? maps.BySegment.Find(new(parent, "", lower));
    }

    /// Media by folder and item names from the media root ("Brand assets/Logos/main logo"), any case.
    public PublishedNode? FindMediaByNames(string path)
    {
        PublishedNode? current = null;
        foreach (var name in path.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            current = (current is null ? Roots(media: true) : ChildrenOf(current.Key))
                .FirstOrDefault(c => c.IsMedia && c.Cultures.Values.Any(v => string.Equals(v.Name, name, StringComparison.OrdinalIgnoreCase)));
            if (current is null)
                return null;
        }
        return current;
    }

    public void SetDomains(IEnumerable<SiteDomain> domains) =>
        _domains = domains.Select(d => d with { Name = NormalizeDomain(d.Name) }).OrderByDescending(d => d.Name.Length).ToList();

    private static string NormalizeDomain(string name)
    {
        var trimmed = name.Trim().ToLowerInvariant();
        var scheme = trimmed.IndexOf("://", StringComparison.Ordinal);
        return (scheme >= 0 ? trimmed[(scheme + 3)..] : trimmed).TrimEnd('/');
    }

    /// The domain a request's host and path fall under (the longest match, at a segment boundary),
    /// with its root and the path that remains under it.
    public (SiteDomain Domain, PublishedNode Root, string Path)? MatchDomain(string host, string path)
    {
        var url = (host.ToLowerInvariant() + "/" + path.TrimStart('/')).TrimEnd('/');
        foreach (var domain in _domains)
        {
            if (!url.StartsWith(domain.Name, StringComparison.Ordinal) || (url.Length > domain.Name.Length && url[domain.Name.Length] != '/'))
                continue;
            if (Find(domain.RootKey) is { IsMedia: false } root)
                return (domain, root, "/" + url[domain.Name.Length..].Trim('/'));
        }
        return null;
    }

    public void AddRedirects(IEnumerable<Redirect> redirects)
    {
        foreach (var redirect in redirects)
            _redirects[(redirect.RootKey, redirect.Culture, Redirect.Normalize(redirect.Path))] = redirect.ContentKey;
    }

    /// The item that used to be at a route (under the start item, else under any root), if it is still published.
    public PublishedNode? FindRedirect(string path, string culture, PublishedNode? startItem)
    {
        var normalized = Redirect.Normalize(path);
        var roots = startItem is not null ? [startItem] : Roots(media: false);
        foreach (var root in roots)
            foreach (var c in new[] { culture, "" })
                if (_redirects.TryGetValue((root.Key, c, normalized), out var key) && Find(key) is { } node && IsVisible(node, culture))
                    return node;
        return null;
    }

    /// Whether a route under a start item once served an item that the public can no longer see (withdrawn, trashed
    /// or made private), and that no published item has taken since.
    public bool WasWithdrawnFrom(string path, string culture, PublishedNode startItem)
    {
        var normalized = Redirect.Normalize(path);
        foreach (var c in new[] { culture, "" })
            if (_redirects.TryGetValue((startItem.Key, c, normalized), out var key))
                return Find(key) is not { } node || !IsVisible(node, culture);
        return false;
    }

    /// Keys of the items that reference the given one (their responses embed it).
    public IEnumerable<Guid> ReferrersOf(Guid key) => _maps.Referrers.TryGetValue(key, out var set) ? set.Keys : [];

    /// How items' values are kept: trained on the catalogue at each load, then used for the items that change.
    public DataCodec Codec { get; private set; } = DataCodec.Plain;

    /// Replaces everything (the start-up load).
    public void Load(IEnumerable<PublishedNode> nodes, Archive.Engine.Schema.SchemaSnapshot schema, DataCodec? codec = null)
    {
        var withdrawn = new List<PublishedNode>();
        lock (_write)
        {
            Schema = schema;
            Codec = codec ?? Codec;
            var all = nodes.ToList();
            if (IsLoaded)
            {
                var next = all.ToDictionary(n => n.Key);
                withdrawn.AddRange(_maps.Nodes.Items().Where(old => !next.TryGetValue(old.Key, out var now) || LostFile(old, now)));
            }
            var maps = new Maps(all.Count);
            foreach (var node in all)
                Index(maps, node, withSiblings: false);
            foreach (var siblings in all.GroupBy(n => n.ParentKey))
                maps.Children[siblings.Key] = siblings.OrderBy(n => n.SortOrder).ThenBy(n => n.CreateDate).Select(n => n.Key).ToArray();
            _maps = maps;
            IsLoaded = true;
        }
        Reloaded?.Invoke();
        if (withdrawn.Count > 0)
            Withdrawn?.Invoke(withdrawn);
    }

    private static bool LostFile(PublishedNode before, PublishedNode after) => before.FilePath is not null && before.FilePath != after.FilePath;

    /// Adds or replaces changed items and drops removed ones; responses that embed any of them, and
    /// their descendants' (whose routes pass through them), are rendered again on next use.
    public IReadOnlyList<Redirect> Apply(IReadOnlyCollection<PublishedNode> upserts, IReadOnlyCollection<Guid> removals)
    {
        var touched = new HashSet<Guid>();
        var redirects = new List<Redirect>();
        var withdrawn = new List<PublishedNode>();
        lock (_write)
        {
            foreach (var key in removals)
                if (Find(key) is { } old)
                    withdrawn.Add(old);
            foreach (var node in upserts)
                if (Find(node.Key) is { } old && LostFile(old, node))
                    withdrawn.Add(old);
            // Routes before the change, of the changed items and everything beneath them.
            var before = upserts.Select(u => u.Key).SelectMany(k => Descendants(k).Prepend(k)).Distinct()
                .Select(Find).OfType<PublishedNode>()
                .SelectMany(n => n.Cultures.Keys.Select(c => (Node: n.Key, Culture: c, Route: RouteOf(n, c))))
                .Where(r => r.Route is not null).ToList();
            // Routes of the items leaving: remembered as pointing at themselves, so an address that once served an item
            // can say it is gone (410) rather than never was (404).
            var leaving = removals.Select(Find).OfType<PublishedNode>()
                .SelectMany(n => n.Cultures.Keys.Select(c => (Node: n.Key, Culture: c, Route: RouteOf(n, c))))
                .Where(r => r.Route is not null).ToList();
            var parents = new HashSet<Guid>();
            var replacements = new Dictionary<Guid, PublishedNode>();
            foreach (var node in upserts)
                replacements[node.Key] = node;
            foreach (var key in removals.Concat(replacements.Keys))
            {
                if (Find(key) is { } old)
                {
                    if (SummarisedByReferences.Contains(old.ContentTypeAlias))
                        touched.UnionWith(old.References);
                    Unindex(old, replacements.GetValueOrDefault(key));
                    parents.Add(old.ParentKey);
                }
                touched.Add(key);
            }
            foreach (var node in upserts)
            {
                Index(_maps, node);
                parents.Add(node.ParentKey);
                if (SummarisedByReferences.Contains(node.ContentTypeAlias))
                    touched.UnionWith(node.References);
            }
            foreach (var parent in parents)
                SortChildren(parent);
            foreach (var key in touched.ToList())
            {
                touched.UnionWith(ReferrersOf(key));
                touched.UnionWith(Descendants(key));
            }
            // Responses that summarise their children (an exhibition its itinerary) change with them.
            foreach (var key in touched.Select(Find).OfType<PublishedNode>().Where(n => SummarisedByParent.Contains(n.ContentTypeAlias)).Select(n => n.ParentKey)
                         .Concat(parents.Where(p => Find(p) is { } parent && SummarisesChildren.Contains(parent.ContentTypeAlias))).ToList())
                touched.Add(key);
            foreach (var key in touched)
                if (Find(key) is { } node)
                    node.Invalidate();
            foreach (var (key, culture, route) in before)
                if (Find(key) is { } now && RouteOf(now, culture) is { } current && (current.Path != route!.Path || current.StartItemKey != route.StartItemKey))
                    redirects.Add(new Redirect(route.StartItemKey, culture, Redirect.Normalize(route.Path), key));
            foreach (var (key, culture, route) in leaving)
                if (Find(key) is not { } now || RouteOf(now, culture) is null)
                    redirects.Add(new Redirect(route!.StartItemKey, culture, Redirect.Normalize(route.Path), key));
            AddRedirects(redirects);
        }
        Changed?.Invoke(touched);
        if (withdrawn.Count > 0)
            Withdrawn?.Invoke(withdrawn);
        return redirects;
    }

    private IEnumerable<Guid> Descendants(Guid key)
    {
        var stack = new Stack<Guid>([key]);
        while (stack.Count > 0)
            foreach (var child in _maps.Children.GetValueOrDefault(stack.Pop()) ?? [])
            {
                yield return child;
                stack.Push(child);
            }
    }

    private static void Index(Maps maps, PublishedNode node, bool withSiblings = true)
    {
        maps.Nodes.Put(node);
        maps.BySegment.Add(node);
        foreach (var reference in node.References)
            maps.Referrers.GetOrAdd(reference, _ => new())[node.Key] = 0;
        if (node.FilePath is { } file)
            maps.ByFile[file] = node.Key;
        maps.TypeChanged(node.ContentTypeAlias);
        if (withSiblings)
            maps.Children.AddOrUpdate(node.ParentKey, [node.Key], (_, keys) => keys.Contains(node.Key) ? keys : [.. keys, node.Key]);
    }

    /// Takes out what the old version of an item put in the maps. When a new version replaces it, only what the new
    /// one will not put back is taken out, so a reader never finds a republished item missing in between.
    private void Unindex(PublishedNode node, PublishedNode? replacement)
    {
        if (replacement is null)
            _maps.Nodes.Remove(node.Key, node);
        _maps.BySegment.Remove(node, replacement);
        foreach (var reference in node.References.Except(replacement?.References ?? []))
            if (_maps.Referrers.TryGetValue(reference, out var set))
                set.TryRemove(node.Key, out _);
        if (node.FilePath is { } file && file != replacement?.FilePath)
            _maps.ByFile.TryRemove(KeyValuePair.Create(file, node.Key));
        if (node.ContentTypeAlias != replacement?.ContentTypeAlias)
            _maps.TypeChanged(node.ContentTypeAlias);
        if (replacement?.ParentKey != node.ParentKey && _maps.Children.TryGetValue(node.ParentKey, out var siblings))
            _maps.Children[node.ParentKey] = siblings.Where(k => k != node.Key).ToArray();
    }

    private void SortChildren(Guid parent)
    {
        if (_maps.Children.TryGetValue(parent, out var keys))
            _maps.Children[parent] = keys.Select(Find).OfType<PublishedNode>().OrderBy(n => n.SortOrder).ThenBy(n => n.CreateDate).Select(n => n.Key).ToArray();
    }
}
