using System.Globalization;
using System.Text.RegularExpressions;
using Archive.Delivery.Cache;
using Archive.Engine.Editors;
using Archive.Engine.Schema;
using Archive.Search.Analysis;
using Archive.Search.Indexing;
using Archive.Search.Querying;

namespace Archive.Delivery.Querying;

/// What a fetch, filter or sort handler needs from the request: the culture, the start item and the cache.
public sealed record QueryContext(string Culture, PublishedNode? StartItem, PublishedCache Cache, SchemaSnapshot Schema);

/// A handler's verdict on an option it recognised but cannot use (an unparseable date, an unknown property).
public sealed class InvalidQueryOptionException(string parameter, string message) : Exception(message)
{
    public string Parameter { get; } = parameter;
}

/// `fetch` options, as Umbraco's ISelectorHandler: the first whose prefix matches builds the option.
public interface ISelectorHandler
{
    bool CanHandle(string fetch);

    /// The selector; null when the item it names cannot be found (an empty result, not an error).
    SelectorOption? Build(string fetch, QueryContext context);
}

/// `filter` options, as Umbraco's IFilterHandler.
public interface IFilterHandler
{
    bool CanHandle(string filter);

    /// For handlers whose options come from the schema (facets): whether this schema has the option.
    bool CanHandle(string filter, QueryContext context) => CanHandle(filter);

    IEnumerable<FilterOption> Build(string filter, QueryContext context);
}

/// `sort` options, as Umbraco's ISortHandler.
public interface ISortHandler
{
    bool CanHandle(string sort);
    SortOption Build(string sort, QueryContext context);
}

/// children:, descendants:, ancestors: with an item's key or route.
public sealed class TreeSelectorHandler(string prefix) : ISelectorHandler
{
    public static readonly ISelectorHandler[] All = [new TreeSelectorHandler("children:"), new TreeSelectorHandler("descendants:"), new TreeSelectorHandler("ancestors:")];

    public bool CanHandle(string fetch) => fetch.StartsWith(prefix, StringComparison.OrdinalIgnoreCase);

    public SelectorOption? Build(string fetch, QueryContext context)
    {
        var value = fetch[prefix.Length..];
        var node = Guid.TryParse(value, out var key)
            ? context.Cache.Find(key) is { IsMedia: false } found && context.Cache.IsVisible(found, context.Culture) ? found : null
            : value.Length == 0 ? null : context.Cache.FindByRoute(value, context.Culture, context.StartItem);
        if (node is null)
            return null;
        return prefix switch
        {
            "children:" => new SelectorOption(IndexFields.Parent, [node.Key.ToString()]),
            "descendants:" => new SelectorOption(IndexFields.Path, [node.Key.ToString()]),
            _ => new SelectorOption(IndexFields.Key, node.AncestorKeys.Select(k => k.ToString()).ToList()),
        };
    }
}

/// Shared parsing: `alias:value`, `alias:!value`, `alias>value`, `alias>:value`, `alias<value`, `alias<:value`.
public abstract partial class ComparisonFilterHandler(string name) : IFilterHandler
{
    public bool CanHandle(string filter) => filter.StartsWith(name, StringComparison.OrdinalIgnoreCase) && filter.Length > name.Length && filter[name.Length] is ':' or '<' or '>';

    public IEnumerable<FilterOption> Build(string filter, QueryContext context)
    {
        var (operation, value) = Split(filter[name.Length..]);
        return Build(operation, value, context, filter);
    }

    protected abstract IEnumerable<FilterOption> Build(FilterOperation operation, string value, QueryContext context, string filter);

    public static (FilterOperation, string) Split(string rest) => rest switch
    {
        _ when rest.StartsWith(":!") => (FilterOperation.IsNot, rest[2..]),
        _ when rest.StartsWith(">:") => (FilterOperation.GreaterThanOrEqual, rest[2..]),
        _ when rest.StartsWith("<:") => (FilterOperation.LessThanOrEqual, rest[2..]),
        _ when rest.StartsWith('>') => (FilterOperation.GreaterThan, rest[1..]),
        _ when rest.StartsWith('<') => (FilterOperation.LessThan, rest[1..]),
        _ => (FilterOperation.Is, rest[1..]),
    };

    protected static string[] List(string value) => value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

    protected static InvalidQueryOptionException Invalid(string filter, string why) => new("filter", $"The filter '{filter}' {why}");

    public static bool IsRange(FilterOperation operation) => operation is not (FilterOperation.Is or FilterOperation.IsNot);
}

/// contentType:a,b and contentType:!a
public sealed class ContentTypeFilterHandler() : ComparisonFilterHandler("contentType")
{
    protected override IEnumerable<FilterOption> Build(FilterOperation operation, string value, QueryContext context, string filter)
    {
        if (IsRange(operation))
            throw Invalid(filter, "compares content types with ':' or ':!' only.");
        return [new FilterOption(IndexFields.ContentType, List(value), operation)];
    }
}

/// name:text (contains, any case), name:a,b, name:!text
public sealed class NameFilterHandler() : ComparisonFilterHandler("name")
{
    protected override IEnumerable<FilterOption> Build(FilterOperation operation, string value, QueryContext context, string filter)
    {
        if (IsRange(operation))
            throw Invalid(filter, "compares names with ':' or ':!' only.");
        return [new FilterOption(IndexFields.NameLower, List(value), operation == FilterOperation.IsNot ? FilterOperation.DoesNotContain : FilterOperation.Contains)];
    }
}

/// createDate and updateDate with every operator; dates that do not parse are refused (Umbraco skips them silently).
public sealed class DateFilterHandler(string name, string field) : ComparisonFilterHandler(name)
{
    public static readonly IFilterHandler[] All = [new DateFilterHandler("createDate", IndexFields.CreateDate), new DateFilterHandler("updateDate", IndexFields.UpdateDate)];

    protected override IEnumerable<FilterOption> Build(FilterOperation operation, string value, QueryContext context, string filter)
    {
        if (!DateTime.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var date))
            throw Invalid(filter, $"has '{value}', which is not a date (use ISO 8601, e.g. 2024-01-31 or 2024-01-31T12:00:00).");
        var ticks = date.Ticks.ToString(CultureInfo.InvariantCulture);
        return [new FilterOption(field, [ticks], operation, FieldKind.Int64)];
    }
}

/// Archive facets, as the schema offers them (FacetNames.Of): institution:, collection:, exhibition: and every
/// public picker's facet (objectType:, material:, people:, maker:, placeOfOrigin: …) take keys; hasImage:true|false.
public sealed partial class FacetFilterHandler : IFilterHandler
{
    [GeneratedRegex(@"^(?<name>[A-Za-z_][A-Za-z0-9_]*)(?<rest>:.*|[<>].*)$")]
    private static partial Regex Pattern();

    /// Without a schema only the archive's own facets are known.
    public bool CanHandle(string filter) => Name(filter) is { } name && FacetNames.Own.Contains(name);

    public bool CanHandle(string filter, QueryContext context) => Name(filter) is { } name && FacetNames.Of(context.Schema).Contains(name);

    private static string? Name(string filter) => Pattern().Match(filter) is { Success: true } match ? match.Groups["name"].Value : null;

    public IEnumerable<FilterOption> Build(string filter, QueryContext context)
    {
        var match = Pattern().Match(filter);
        var facet = match.Groups["name"].Value;
        var (operation, value) = ComparisonFilterHandler.Split(match.Groups["rest"].Value);
        if (ComparisonFilterHandler.IsRange(operation))
            throw Invalid(filter, "compares with ':' or ':!' only.");
        var values = value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (facet == FacetNames.HasImage)
        {
            if (values.Length != 1 || !bool.TryParse(values[0], out var has))
                throw Invalid(filter, "takes true or false.");
            return [new FilterOption(FacetNames.Field(facet), [has ? "true" : "false"], operation)];
        }
        if (facet == FacetNames.Century)
            throw Invalid(filter, "is not a filter; use dating: to filter by years.");
        var keys = values.Select(v => Guid.TryParse(v, out var key) ? key.ToString() : throw Invalid(filter, $"has '{v}', which is not a key.")).ToList();
        return [new FilterOption(FacetNames.Field(facet), keys, operation)];
    }

    private static InvalidQueryOptionException Invalid(string filter, string why) => new("filter", $"The filter '{filter}' {why}");
}

/// dating:1850, dating>:1800, dating<1900 …: years compared with the item's span, overlap semantics.
public sealed class DatingFilterHandler() : ComparisonFilterHandler("dating")
{
    protected override IEnumerable<FilterOption> Build(FilterOperation operation, string value, QueryContext context, string filter)
    {
        if (!int.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var year) || year is < -10000 or > 10000)
            throw Invalid(filter, $"has '{value}', which is not a year.");
        var y = year.ToString(CultureInfo.InvariantCulture);
        return operation switch
        {
            // The span reaches the year: it starts no later and ends no earlier.
            FilterOperation.Is => [new(IndexFields.DatingEarliest, [y], FilterOperation.LessThanOrEqual, FieldKind.Int32), new(IndexFields.DatingLatest, [y], FilterOperation.GreaterThanOrEqual, FieldKind.Int32)],
            FilterOperation.IsNot => throw Invalid(filter, "does not take ':!'; use dating< or dating> instead."),
            FilterOperation.GreaterThan or FilterOperation.GreaterThanOrEqual => [new(IndexFields.DatingLatest, [y], operation, FieldKind.Int32)],
            _ => [new(IndexFields.DatingEarliest, [y], operation, FieldKind.Int32)],
        };
    }
}

/// property:alias:value and property:alias>:value … for any text, number, date or tag property.
public sealed partial class PropertyFilterHandler(PropertyEditors editors) : IFilterHandler
{
    public bool CanHandle(string filter) => filter.StartsWith("property:", StringComparison.OrdinalIgnoreCase);

    [GeneratedRegex(@"^property:(?<alias>[A-Za-z_][A-Za-z0-9_]*)(?<rest>[:<>].*)$", RegexOptions.IgnoreCase)]
    private static partial Regex Pattern();

    public IEnumerable<FilterOption> Build(string filter, QueryContext context)
    {
        var match = Pattern().Match(filter);
        if (!match.Success)
            throw new InvalidQueryOptionException("filter", $"The filter '{filter}' should read property:<alias>:<value> (or >, >:, <, <:, :!).");
        var alias = match.Groups["alias"].Value;
        var kind = PropertyKinds.Of(alias, context.Schema, editors) ?? throw new InvalidQueryOptionException("filter",
            $"The filter '{filter}' names '{alias}', which is not a text, number, date or tag property of any content type.");
        var (operation, value) = ComparisonFilterHandler.Split(match.Groups["rest"].Value);
        var values = value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (values.Length == 0)
            throw new InvalidQueryOptionException("filter", $"The filter '{filter}' has no value.");
        return kind switch
        {
            PropertyKind.Number => [new FilterOption(IndexFields.PropertyNumber(alias), values.Select(v => double.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out var n)
                ? n.ToString("R", CultureInfo.InvariantCulture) : throw new InvalidQueryOptionException("filter", $"The filter '{filter}' has '{v}', which is not a number.")).ToList(), operation, FieldKind.Double)],
            PropertyKind.Date => [new FilterOption(IndexFields.PropertyNumber(alias), values.Select(v => DateTime.TryParse(v, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var d)
                ? new DateTimeOffset(d, TimeSpan.Zero).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture) : throw new InvalidQueryOptionException("filter", $"The filter '{filter}' has '{v}', which is not a date.")).ToList(), operation, FieldKind.Double)],
            _ => [new FilterOption(IndexFields.PropertyText(alias), values.Select(v => v.ToLowerInvariant()).ToList(), operation)],
        };
    }
}

public enum PropertyKind
{
    Text,
    Number,
    Date,
}

/// Which properties can be filtered and sorted on: non-private ones whose editor yields comparable values.
public static class PropertyKinds
{
    public static PropertyKind? Of(string alias, SchemaSnapshot schema, PropertyEditors editors)
    {
        var property = schema.ContentTypes.SelectMany(t => t.Properties).FirstOrDefault(p => p.Alias == alias);
        if (property is null || property.IsSensitive)
            return null;
        return editors.For(property.EditorAlias) switch
        {
            IntegerEditor or DecimalEditor => PropertyKind.Number,
            DateTimeEditor => PropertyKind.Date,
            TextBoxEditor or DropDownEditor or TagsEditor => PropertyKind.Text,
            _ => null,
        };
    }
}

/// name, createDate, updateDate, level, sortOrder, path; Archive's dating and property:alias.
public sealed class SortHandler(string name, string field, SortKind kind) : ISortHandler
{
    public static readonly ISortHandler[] All =
    [
        new SortHandler("name", IndexFields.NameSort, SortKind.String), new SortHandler("createDate", IndexFields.CreateDateSort, SortKind.Int64),
        new SortHandler("updateDate", IndexFields.UpdateDateSort, SortKind.Int64), new SortHandler("level", IndexFields.LevelSort, SortKind.Int64),
        new SortHandler("sortOrder", IndexFields.SortOrder, SortKind.Int64), new SortHandler("path", IndexFields.PathOrder, SortKind.String),
        new SortHandler("dating", IndexFields.DatingSort, SortKind.Int64),
    ];

    public bool CanHandle(string sort) => sort.StartsWith(name + ":", StringComparison.OrdinalIgnoreCase);

    // As Umbraco: a direction starting with a lower-case "asc" is ascending, anything else descending.
    public SortOption Build(string sort, QueryContext context) => new(field, !sort[(name.Length + 1)..].StartsWith("asc", StringComparison.Ordinal), kind);
}

public sealed class PropertySortHandler(PropertyEditors editors) : ISortHandler
{
    public bool CanHandle(string sort) => sort.StartsWith("property:", StringComparison.OrdinalIgnoreCase);

    public SortOption Build(string sort, QueryContext context)
    {
        var parts = sort.Split(':');
        if (parts.Length != 3 || PropertyKinds.Of(parts[1], context.Schema, editors) is not { } kind)
            throw new InvalidQueryOptionException("sort", $"The sort '{sort}' should name a text, number, date or tag property: property:<alias>:asc|desc.");
        var descending = !parts[2].StartsWith("asc", StringComparison.Ordinal);
        return kind == PropertyKind.Text
            ? new SortOption(IndexFields.PropertyTextSort(parts[1]), descending, SortKind.String)
            : new SortOption(IndexFields.PropertyNumberSort(parts[1]), descending, SortKind.Double);
    }
}
