using System.Globalization;
using Archive.Search.Analysis;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace Archive.Search.Querying;

/// Lucene clauses for structured options (selectors, filters, sorts), shared by content queries and searches.
internal static class QueryClauses
{
    public static Sort SortOf(IReadOnlyList<SortOption> sorts, bool relevance)
    {
        var fields = sorts.Select(s => new SortField(s.Field, s.Kind switch
        {
            SortKind.Int32 => SortFieldType.INT32,
            SortKind.Int64 => SortFieldType.INT64,
            SortKind.Double => SortFieldType.DOUBLE,
            _ => SortFieldType.STRING,
        }, s.Descending)).ToList();
        // Without a sort Umbraco's order is unspecified; tree order is deterministic and what a curator
        // expects. A search ranks by relevance first.
        if (relevance)
            fields.Add(SortField.FIELD_SCORE);
        fields.Add(new SortField(IndexFields.PathOrder, SortFieldType.STRING));
        return new Sort([.. fields]);
    }

    /// Adds the filters and content type restrictions to a query.
    public static void Add(BooleanQuery query, IReadOnlyList<FilterOption> filters, IReadOnlyCollection<string> allowedTypes, IReadOnlyCollection<string> excludedTypes)
    {
        foreach (var filter in filters)
            AddFilter(query, filter);
        if (allowedTypes.Count > 0)
            query.Add(Visibility.Restrict(AnyOf(IndexFields.ContentType, [.. allowedTypes])), Occur.MUST);
        if (excludedTypes.Count > 0)
            query.Add(AnyOf(IndexFields.ContentType, [.. excludedTypes]), Occur.MUST_NOT);
    }

    private static void AddFilter(BooleanQuery query, FilterOption filter)
    {
        var clause = filter.Operation switch
        {
            FilterOperation.Is or FilterOperation.IsNot => filter.Kind == FieldKind.Term ? AnyOf(filter.Field, filter.Values) : AnyNumber(filter, (v, f) => Range(f, v, v)),
            FilterOperation.Contains or FilterOperation.DoesNotContain => AnyContains(filter.Field, filter.Values),
            FilterOperation.LessThan => AnyNumber(filter, (v, f) => Range(f, null, v, upperInclusive: false)),
            FilterOperation.LessThanOrEqual => AnyNumber(filter, (v, f) => Range(f, null, v)),
            FilterOperation.GreaterThan => AnyNumber(filter, (v, f) => Range(f, v, null, lowerInclusive: false)),
            _ => AnyNumber(filter, (v, f) => Range(f, v, null)),
        };
        var negated = filter.Operation is FilterOperation.IsNot or FilterOperation.DoesNotContain;
        query.Add(negated ? clause : Visibility.Restrict(clause), negated ? Occur.MUST_NOT : Occur.MUST);
    }

    public static Query AnyOf(string field, IReadOnlyList<string> values)
    {
        if (values.Count == 1)
            return new TermQuery(new Term(field, values[0]));
        // Many values (the objects on view across a season's stops) go to one terms filter: a Boolean query takes at
        // most 1,024 clauses, and would quietly drop the rest.
        if (values.Count > 64)
            return new ConstantScoreQuery(new Lucene.Net.Queries.TermsFilter(values.Distinct().Select(v => new Term(field, v)).ToList()));
        var any = new BooleanQuery();
        foreach (var value in values)
            any.Add(new TermQuery(new Term(field, value)), Occur.SHOULD);
        return any;
    }

    /// "Contains" over a whole lower-cased value (a name): *value*, with the value's own wildcard
    /// characters escaped so they match literally.
    private static Query AnyContains(string field, IReadOnlyList<string> values)
    {
        var any = new BooleanQuery();
        foreach (var value in values.Take(32))
        {
            var escaped = value.ToLowerInvariant().Replace("\\", "\\\\").Replace("*", "\\*").Replace("?", "\\?");
            any.Add(new WildcardQuery(new Term(field, "*" + escaped + "*")), Occur.SHOULD);
        }
        return any;
    }

    private static Query AnyNumber(FilterOption filter, Func<string, FilterOption, Query> range)
    {
        var any = new BooleanQuery();
        foreach (var value in filter.Values.Take(64))
            any.Add(range(value, filter), Occur.SHOULD);
        return any;
    }

    private static Query Range(FilterOption filter, string? lower, string? upper, bool lowerInclusive = true, bool upperInclusive = true) => filter.Kind switch
    {
        FieldKind.Int32 => NumericRangeQuery.NewInt32Range(filter.Field, Parse(lower, int.Parse), Parse(upper, int.Parse), lowerInclusive, upperInclusive),
        FieldKind.Int64 => NumericRangeQuery.NewInt64Range(filter.Field, Parse(lower, long.Parse), Parse(upper, long.Parse), lowerInclusive, upperInclusive),
        FieldKind.Double => NumericRangeQuery.NewDoubleRange(filter.Field, Parse(lower, double.Parse), Parse(upper, double.Parse), lowerInclusive, upperInclusive),
        _ => new TermRangeQuery(filter.Field, lower is null ? null : new BytesRef(lower), upper is null ? null : new BytesRef(upper), lowerInclusive, upperInclusive),
    };

    private static T? Parse<T>(string? value, Func<string, IFormatProvider, T> parse) where T : struct =>
        value is null ? null : parse(value, CultureInfo.InvariantCulture);
}
