namespace Archive.Delivery.Cache;

/// Ancestor keys shared between siblings while a cache is loaded: the thousands of objects of one collection have the
/// same ancestors, so they hold one array of them instead of one each (about 60 bytes an item at two ancestors).
/// Used by one loader at a time; items changed later keep their own array.
public sealed class AncestorArrays
{
    private readonly Dictionary<Guid, Guid[]> _byParent = [];

    /// The ancestors (root first, the parent last) as an array, the same instance as a sibling's when they agree.
    public Guid[] Share(IEnumerable<Guid> ancestors)
    {
        var keys = ancestors as Guid[] ?? ancestors.ToArray();
        if (keys.Length == 0)
            return [];
        if (_byParent.TryGetValue(keys[^1], out var shared) && shared.AsSpan().SequenceEqual(keys))
            return shared;
        _byParent[keys[^1]] = keys;
        return keys;
    }
}
