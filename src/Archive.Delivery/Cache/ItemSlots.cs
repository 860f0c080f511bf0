namespace Archive.Delivery.Cache;

/// Published items in one array of references, open-addressed by a key each item can be asked for (its own key, its
/// segment under its parent in a culture). No key or entry object is stored: a slot is checked against the item it
/// holds. A concurrent dictionary spends a node object of 48 to 80 bytes per entry; this spends a reference and the
/// free room, 10 to 13 bytes, which at a million items × three cultures is hundreds of megabytes.
///
/// One writer at a time (the cache's write lock); readers never lock. A slot is one reference, written whole, and an
/// outgrown table is replaced by a new one made beside it, so a reader sees each entry as it was before a write or after.
internal abstract class ItemSlots<TKey>
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

    protected ItemSlots(int expected) => _table = new Table(CapacityFor(expected));

    protected abstract int Hash(in TKey key);

    protected abstract bool Matches(PublishedNode node, in TKey key);

    /// The keys an item is found by here (its slots).
    protected abstract IEnumerable<TKey> KeysOf(PublishedNode node);

    /// Entries held (an item found by several keys counts once for each).
    public int Count => _table.Live;

    public PublishedNode? Find(in TKey key)
    {
        // The item matched is the one given back: the slot may be written again in between.
        Slot(_table, key, volatileRead: true, out var node);
        return node;
    }

    /// Every item held, once for each key it is held under (a snapshot of the moment, read without locking).
    public IEnumerable<PublishedNode> Items()
    {
        var slots = _table.Slots;
        for (var i = 0; i < slots.Length; i++)
            if (Volatile.Read(ref slots[i]) is { } node && !ReferenceEquals(node, Removed))
                yield return node;
    }

    /// Holds the item under the key, in place of whichever item was held under it.
    public void Put(in TKey key, PublishedNode node)
    {
        var table = _table;
        if (Slot(table, key, volatileRead: false, out _) is { } existing)
        {
            Volatile.Write(ref table.Slots[existing], node);
            return;
        }
        if (table.Used + 1 > table.Slots.Length * MaxLoad)
            table = Grow(table);
        Place(table, Hash(key), node, reuseRemoved: true);
    }

    /// Takes out the entry under the key if this item holds it (an item that took the key over since keeps it).
    public void Remove(in TKey key, PublishedNode node)
    {
        var table = _table;
        if (Slot(table, key, volatileRead: false, out var held) is { } at && ReferenceEquals(held, node))
        {
            Volatile.Write(ref table.Slots[at], Removed);
            table.Live--;
        }
    }

    /// The slot holding an item found by the key, and that item.
    private int? Slot(Table table, in TKey key, bool volatileRead, out PublishedNode? found)
    {
        var slots = table.Slots;
        var index = Start(Hash(key), slots.Length);
        for (var probes = 0; probes < slots.Length; probes++)
        {
            var node = volatileRead ? Volatile.Read(ref slots[index]) : slots[index];
            if (node is null)
                break;
            if (!ReferenceEquals(node, Removed) && Matches(node, key))
            {
                found = node;
                return index;
            }
            index = index + 1 == slots.Length ? 0 : index + 1;
        }
        found = null;
        return null;
    }

    /// A new table with room for twice the live entries and no removal marks, filled before readers are moved to it.
    private Table Grow(Table old)
    {
        var next = new Table(CapacityFor(Math.Max(old.Live * 2, 16)));
        foreach (var node in old.Slots)
        {
            if (node is null || ReferenceEquals(node, Removed))
                continue;
            // An item held under several keys is met once per slot: each key is moved by the visit that finds its slot
            // held by this item, and only once.
            foreach (var key in KeysOf(node))
                if (Slot(old, key, volatileRead: false, out var held) is not null && ReferenceEquals(held, node) && Slot(next, key, volatileRead: false, out _) is null)
                    Place(next, Hash(key), node, reuseRemoved: false);
        }
        _table = next;
        return next;
    }

    private static void Place(Table table, int hash, PublishedNode node, bool reuseRemoved)
    {
        var slots = table.Slots;
        var index = Start(hash, slots.Length);
        while (slots[index] is { } taken && !(reuseRemoved && ReferenceEquals(taken, Removed)))
            index = index + 1 == slots.Length ? 0 : index + 1;
        if (slots[index] is null)
            table.Used++;
        table.Live++;
        Volatile.Write(ref slots[index], node);
    }

    private static int Start(int hash, int length) => (int)((uint)hash % (uint)length);

    private static int CapacityFor(int entries) => Math.Max(16, (int)(entries / MaxLoad * 1.25));
}

/// Published items by key.
internal sealed class ItemsByKey(int expected = 0) : ItemSlots<Guid>(expected)
{
    protected override int Hash(in Guid key) => key.GetHashCode();

    protected override bool Matches(PublishedNode node, in Guid key) => node.Key == key;

    protected override IEnumerable<Guid> KeysOf(PublishedNode node) => [node.Key];

    public void Put(PublishedNode node) => Put(node.Key, node);
}
