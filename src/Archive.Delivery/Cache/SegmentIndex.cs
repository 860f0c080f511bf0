namespace Archive.Delivery.Cache;

/// Published items by parent, culture and lower-cased URL segment: how a route is followed, one segment at a time.
/// An item has a segment in each culture, so a catalogue of a million items × three cultures has three million of
/// them. A concurrent dictionary of (parent, culture, segment) → key took about 290 bytes an item (a node object per
/// entry, its key tuple and bucket); this table holds the items themselves in one array of references, open-addressed,
/// about 36 bytes an item. A slot is checked against the item it holds (its parent and its segment in the culture), so
/// no key is stored.
///
/// One writer at a time (the cache's write lock); readers never lock. A slot is one reference, written whole, and an
/// outgrown table is replaced by a new one made beside it, so a reader sees each entry either before or after a write.
internal sealed class SegmentIndex
{
    /// What a removed entry leaves, so that probes for entries placed after it go on past it.
    private static readonly PublishedNode Removed = new([], DataCodec.Plain);

    private const double MaxLoad = 0.8;

    private sealed class Table(int capacity)
    {
        public readonly PublishedNode?[] Slots = new PublishedNode?[capacity];
        /// Slots holding an item or a removal mark: what makes probes long.
        public int Used;
        public int Live;
    }

    private volatile Table _table;

    public SegmentIndex(int expected = 0) => _table = new Table(CapacityFor(expected));

    public int Count => _table.Live;

    /// The item with this segment (lower-cased) in the culture ("" for invariant items) under the parent.
    public PublishedNode? Find(Guid parent, string culture, string lowerSegment)
    {
        var table = _table;
        var slots = table.Slots;
        var index = Start(Hash(parent, culture, lowerSegment), slots.Length);
        for (var probes = 0; probes < slots.Length; probes++)
        {
            var node = Volatile.Read(ref slots[index]);
            if (node is null)
                return null;
            if (!ReferenceEquals(node, Removed) && Matches(node, parent, culture, lowerSegment))
                return node;
            index = index + 1 == slots.Length ? 0 : index + 1;
        }
        return null;
    }

    /// Puts the item under its segment in each of its cultures, in place of whatever item had the same one.
    public void Add(PublishedNode node)
    {
        foreach (var (culture, published) in node.Cultures)
            Put(node, culture, published.Segment.ToLowerInvariant());
    }

    /// Takes the item out of the entries it holds, except those a replacement is about to take over (the same parent,
    /// culture and segment): those stay until the replacement's Add writes over them, so a reader always finds one.
    public void Remove(PublishedNode node, PublishedNode? replacement)
    {
        foreach (var (culture, published) in node.Cultures)
        {
            var lower = published.Segment.ToLowerInvariant();
            if (replacement is not null && replacement.ParentKey == node.ParentKey && replacement.Cultures.TryGetValue(culture, out var kept)
                && kept.Segment.ToLowerInvariant() == lower)
                continue;
            var table = _table;
            if (Slot(table, node.ParentKey, culture, lower) is { } slot && ReferenceEquals(table.Slots[slot], node))
            {
                Volatile.Write(ref table.Slots[slot], Removed);
                table.Live--;
            }
        }
    }

    private void Put(PublishedNode node, string culture, string lower)
    {
        var table = _table;
        if (Slot(table, node.ParentKey, culture, lower) is { } existing)
        {
            Volatile.Write(ref table.Slots[existing], node);
            return;
        }
        if (table.Used + 1 > table.Slots.Length * MaxLoad)
            table = Grow(table);
        var slots = table.Slots;
        var index = Start(Hash(node.ParentKey, culture, lower), slots.Length);
        while (slots[index] is { } taken && !ReferenceEquals(taken, Removed))
            index = index + 1 == slots.Length ? 0 : index + 1;
        if (slots[index] is null)
            table.Used++;
        table.Live++;
        Volatile.Write(ref slots[index], node);
    }

    /// The slot of the entry for this parent, culture and segment, whichever item holds it.
    private static int? Slot(Table table, Guid parent, string culture, string lower)
    {
        var slots = table.Slots;
        var index = Start(Hash(parent, culture, lower), slots.Length);
        for (var probes = 0; probes < slots.Length; probes++)
        {
            var node = slots[index];
            if (node is null)
                return null;
            if (!ReferenceEquals(node, Removed) && Matches(node, parent, culture, lower))
                return index;
            index = index + 1 == slots.Length ? 0 : index + 1;
        }
        return null;
    }

    /// A new table with room for twice the live entries, without removal marks, filled before readers are moved to it.
    private Table Grow(Table old)
    {
        var next = new Table(CapacityFor(Math.Max(old.Live * 2, 16)));
        foreach (var node in old.Slots)
        {
            if (node is null || ReferenceEquals(node, Removed))
                continue;
            // An item sits in one slot per culture; each slot is moved for the culture that placed it there.
            foreach (var (culture, published) in node.Cultures)
            {
                var lower = published.Segment.ToLowerInvariant();
                if (Slot(old, node.ParentKey, culture, lower) is { } at && ReferenceEquals(old.Slots[at], node) && Slot(next, node.ParentKey, culture, lower) is null)
                    Place(next, node, culture, lower);
            }
        }
        _table = next;
        return next;
    }

    private static void Place(Table table, PublishedNode node, string culture, string lower)
    {
        var slots = table.Slots;
        var index = Start(Hash(node.ParentKey, culture, lower), slots.Length);
        while (slots[index] is not null)
            index = index + 1 == slots.Length ? 0 : index + 1;
        slots[index] = node;
        table.Used++;
        table.Live++;
    }

    private static bool Matches(PublishedNode node, Guid parent, string culture, string lower) =>
        node.ParentKey == parent && node.Cultures.TryGetValue(culture, out var published) && string.Equals(published.Segment.ToLowerInvariant(), lower, StringComparison.Ordinal);

    // Cultures are compared as the item's cultures are (any case); segments once lower-cased.
    private static int Hash(Guid parent, string culture, string lower) =>
        HashCode.Combine(parent, StringComparer.OrdinalIgnoreCase.GetHashCode(culture), lower.GetHashCode(StringComparison.Ordinal));

    private static int Start(int hash, int length) => (int)((uint)hash % (uint)length);

    private static int CapacityFor(int entries) => Math.Max(16, (int)(entries / MaxLoad * 1.25));
}
