using Archive.Engine.Cultures;

namespace Archive.Engine.Schema;

/// An immutable snapshot of languages, data types and content types with compositions resolved.
public sealed class SchemaSnapshot
{
    private readonly Dictionary<string, ContentType> _byAlias;
    private readonly Dictionary<Guid, ContentType> _byKey;
    private readonly Dictionary<Guid, DataType> _dataTypes;
    private readonly Dictionary<Guid, IReadOnlyList<PropertyType>> _composed = [];

    public SchemaSnapshot(CultureSet cultures, IEnumerable<DataType> dataTypes, IEnumerable<ContentType> contentTypes)
    {
        Cultures = cultures;
        _dataTypes = dataTypes.ToDictionary(d => d.Key);
        var types = contentTypes.ToList();
        // Media and document types may share an alias in principle; documents win alias lookups.
        _byAlias = new Dictionary<string, ContentType>(StringComparer.OrdinalIgnoreCase);
        foreach (var type in types.OrderBy(t => t.Kind == ContentTypeKind.Document ? 1 : 0))
            _byAlias[type.Alias] = type;
        _byKey = types.ToDictionary(t => t.Key);
    }

    public static SchemaSnapshot Empty { get; } = new(CultureSet.Empty, [], []);

    public CultureSet Cultures { get; }

    /// The dictionary: item key → culture → translation. Public labels (field names in IIIF manifests and
    /// the public site) are looked up here, so curators translate them without a code change.
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> Dictionary { get; init; } =
        new Dictionary<string, IReadOnlyDictionary<string, string>>(StringComparer.OrdinalIgnoreCase);

    /// A property's public label in every culture it is translated into: the dictionary item
    /// `archive_field_{alias}` (or the one a `#key` name points at), else the schema name as a
    /// language-neutral label.
    public IReadOnlyDictionary<string, string> LabelOf(PropertyType property)
    {
        var key = property.Name.StartsWith('#') ? property.Name[1..] : FieldLabelPrefix + property.Alias;
        if (Dictionary.TryGetValue(key, out var translations) && translations.Values.Any(v => v.Length > 0))
            return translations;
        return new Dictionary<string, string> { [NoLanguage] = property.Name.TrimStart('#') };
    }

    /// The dictionary key prefix of public field labels.
    public const string FieldLabelPrefix = "archive_field_";

    /// IIIF's and JSON-LD's tag for text in no particular language.
    public const string NoLanguage = "none";

    public IEnumerable<ContentType> ContentTypes => _byKey.Values;

    public IEnumerable<DataType> DataTypes => _dataTypes.Values;

    public ContentType? FindType(string alias) => _byAlias.GetValueOrDefault(alias);

    public ContentType? FindType(Guid key) => _byKey.GetValueOrDefault(key);

    public ContentType? FindType(string alias, ContentTypeKind kind) =>
        _byKey.Values.FirstOrDefault(t => t.Kind == kind && string.Equals(t.Alias, alias, StringComparison.OrdinalIgnoreCase));

    public DataType? FindDataType(Guid key) => _dataTypes.GetValueOrDefault(key);

    /// The type's own properties plus those of its compositions (recursively), each alias once.
    public IReadOnlyList<PropertyType> PropertiesOf(ContentType type)
    {
        lock (_composed)
        {
            if (_composed.TryGetValue(type.Key, out var cached))
                return cached;
            var seen = new HashSet<Guid>();
            var result = new Dictionary<string, PropertyType>(StringComparer.OrdinalIgnoreCase);
            Collect(type, seen, result);
            var list = result.Values.OrderBy(p => p.SortOrder).ThenBy(p => p.Alias, StringComparer.Ordinal).ToList();
            _composed[type.Key] = list;
            return list;
        }
    }

    private void Collect(ContentType type, HashSet<Guid> seen, Dictionary<string, PropertyType> result)
    {
        if (!seen.Add(type.Key))
            return;
        foreach (var property in type.Properties)
            result.TryAdd(property.Alias, property);
        foreach (var composition in type.Compositions)
            if (FindType(composition.Key) is { } composed)
                Collect(composed, seen, result);
    }

    public PropertyType? FindProperty(ContentType type, string alias) =>
        PropertiesOf(type).FirstOrDefault(p => string.Equals(p.Alias, alias, StringComparison.OrdinalIgnoreCase));

    public IEnumerable<PropertyType> SensitiveProperties(ContentType type) => PropertiesOf(type).Where(p => p.IsSensitive);

    public bool IsAllowedChild(ContentType parent, ContentType child) =>
        parent.AllowedChildren.Any(c => c.Key == child.Key || string.Equals(c.Alias, child.Alias, StringComparison.OrdinalIgnoreCase));
}
