namespace Archive.Delivery.Cache;

/// Published items by parent, culture ("" for invariant items) and lower-cased URL segment: how a route is followed,
/// one segment at a time. An item has a segment in each culture, so it is held once for each.
internal sealed class SegmentIndex(int expected = 0) : ItemSlots<SegmentIndex.Segment>(expected)
{
    public readonly record struct Segment(Guid Parent, string Culture, string Lower);

    /// Holds the item under its segment in each of its cultures, in place of whatever item had the same one.
    public void Add(PublishedNode node)
    {
        foreach (var segment in KeysOf(node))
            Put(segment, node);
    }

    /// Takes the item out of the entries it holds, except those a replacement is about to take over (the same parent,
    /// culture and segment): those stay until the replacement's Add writes over them, so a reader always finds one.
    public void Remove(PublishedNode node, PublishedNode? replacement)
    {
        foreach (var segment in KeysOf(node))
            if (replacement is null || !Matches(replacement, segment))
                Remove(segment, node);
    }

    protected override IEnumerable<Segment> KeysOf(PublishedNode node) =>
        node.Cultures.Select(c => new Segment(node.ParentKey, c.Key, c.Value.Segment.ToLowerInvariant()));

    protected override bool Matches(PublishedNode node, in Segment key) =>
        node.ParentKey == key.Parent && node.Cultures.TryGetValue(key.Culture, out var published)
        && string.Equals(published.Segment.ToLowerInvariant(), key.Lower, StringComparison.Ordinal);

    // Cultures are compared as an item's cultures are (any case); segments once lower-cased.
    protected override int Hash(in Segment key) =>
        HashCode.Combine(key.Parent, StringComparer.OrdinalIgnoreCase.GetHashCode(key.Culture), key.Lower.GetHashCode(StringComparison.Ordinal));
}
