namespace Archive.Delivery.Rendering;

/// The v2 `expand` / `fields` bracket syntax: `properties[$all]`, `properties[a,b[properties[c]]]`.
/// One level of an item: which properties it names (or all), and for each the spec one level down.
public sealed class PropertySpec
{
    public const int MaxDepth = 8;

    public bool AllProperties { get; private init; }
    public IReadOnlyDictionary<string, PropertySpec> Properties { get; private init; } = new Dictionary<string, PropertySpec>();

    /// Nothing named (the default of `expand`).
    public static PropertySpec None { get; } = new();

    /// Every property (the default of `fields`).
    public static PropertySpec All { get; } = new() { AllProperties = true };

    public bool Names(string alias) => AllProperties || Properties.ContainsKey(alias);

    /// The spec for the item or elements behind a property, one level down.
    public PropertySpec Inside(string alias, PropertySpec whenUnnamed) =>
        Properties.TryGetValue(alias, out var nested) ? nested : AllProperties ? whenUnnamed : None;

    public bool IsDefaultExpand => !AllProperties && Properties.Count == 0;

    /// Parses a parameter value; null or empty gives the default. Returns null with an error when malformed.
    public static PropertySpec? Parse(string? text, PropertySpec whenEmpty, out string? error)
    {
        error = null;
        if (string.IsNullOrWhiteSpace(text))
            return whenEmpty;
        var position = 0;
        var nodes = ParseList(text, ref position, 0, ref error);
        if (error is null && position != text.Length)
            error = "unbalanced brackets";
        if (error is not null)
            return null;
        return FromNodes(nodes!, whenEmpty);
    }

    private sealed record Node(string Key, List<Node>? Children);

    /// `leaf` is what a property named without brackets means one level down: nothing further
    /// expanded (expand), every property (fields).
    private static PropertySpec FromNodes(List<Node> nodes, PropertySpec leaf)
    {
        // Top level: "$all" or "properties[...]".
        var all = nodes.Any(n => n.Key == "$all" && n.Children is null);
        var properties = nodes.FirstOrDefault(n => n.Key == "properties")?.Children ?? [];
        var named = new Dictionary<string, PropertySpec>(StringComparer.Ordinal);
        foreach (var property in properties)
        {
            if (property.Key == "$all")
            {
                all = true;
                if (property.Children is not null)
                    named["$all"] = FromNodes(property.Children, leaf);
                continue;
            }
            named[property.Key] = property.Children is null ? leaf : FromNodes(property.Children, leaf);
        }
        var spec = new PropertySpec { AllProperties = all, Properties = named };
        // "$all[properties[...]]" gives every property that nested spec.
        return named.Remove("$all", out var everyNested) ? new AllWith(spec, everyNested).Spec : spec;
    }

    private sealed record AllWith(PropertySpec Named, PropertySpec Every)
    {
        public PropertySpec Spec => new() { AllProperties = true, Properties = new WildcardDictionary(Named.Properties, Every) };
    }

    /// Named entries first; any other alias gets the `$all[...]` spec.
    private sealed class WildcardDictionary(IReadOnlyDictionary<string, PropertySpec> named, PropertySpec every) : IReadOnlyDictionary<string, PropertySpec>
    {
        public PropertySpec this[string key] => named.TryGetValue(key, out var spec) ? spec : every;
        public IEnumerable<string> Keys => named.Keys;
        public IEnumerable<PropertySpec> Values => named.Values;
        public int Count => named.Count;
        public bool ContainsKey(string key) => true;
        public bool TryGetValue(string key, out PropertySpec value)
        {
            value = this[key];
            return true;
        }
        public IEnumerator<KeyValuePair<string, PropertySpec>> GetEnumerator() => named.GetEnumerator();
        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }

    private static List<Node>? ParseList(string text, ref int position, int depth, ref string? error)
    {
        if (depth > MaxDepth * 2)
        {
            error = $"nesting deeper than {MaxDepth} levels";
            return null;
        }
        var nodes = new List<Node>();
        while (true)
        {
            var start = position;
            while (position < text.Length && text[position] is not ('[' or ']' or ','))
                position++;
            var key = text[start..position].Trim();
            if (key.Length == 0)
            {
                error = position < text.Length && text[position] == '[' ? "a '[' without a name before it" : "an empty name";
                return null;
            }
            List<Node>? children = null;
            if (position < text.Length && text[position] == '[')
            {
                position++;
                children = ParseList(text, ref position, depth + 1, ref error);
                if (error is not null)
                    return null;
                if (position >= text.Length || text[position] != ']')
                {
                    error = "unbalanced brackets";
                    return null;
                }
                position++;
            }
            nodes.Add(new Node(key, children));
            if (position < text.Length && text[position] == ',')
            {
                position++;
                continue;
            }
            return nodes;
        }
    }
}
