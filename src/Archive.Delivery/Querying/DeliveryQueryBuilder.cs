using Archive.Engine.Editors;
using Archive.Search.Querying;

namespace Archive.Delivery.Querying;

/// Umbraco's three query errors, with their exact titles and details.
public enum QueryError
{
    None,
    FilterOptionNotFound,
    SelectorOptionNotFound,
    SortOptionNotFound,
}

public sealed record QueryBuild(ContentQuery? Query, QueryError Error = QueryError.None, bool Empty = false)
{
    public static (string Title, string Detail) Describe(QueryError error) => error switch
    {
        QueryError.FilterOptionNotFound => ("Filter option not found", "One of the attempted 'filter' options does not exist"),
        QueryError.SelectorOptionNotFound => ("Selector option not found", "The attempted 'fetch' option does not exist"),
        QueryError.SortOptionNotFound => ("Sort option not found", "One of the attempted 'sort' options does not exist"),
        _ => ("Unknown content query status", $"Content query status \"{error}\" was not expected here"),
    };
}

/// Turns the query endpoint's fetch, filter and sort strings into an index query through the
/// handler registries (first handler that can handle an option wins, as in Umbraco).
public sealed class DeliveryQueryBuilder(IEnumerable<ISelectorHandler> selectors, IEnumerable<IFilterHandler> filters, IEnumerable<ISortHandler> sorts)
{
    public static DeliveryQueryBuilder Default(PropertyEditors editors) => new(
        TreeSelectorHandler.All,
        [new ContentTypeFilterHandler(), new NameFilterHandler(), .. DateFilterHandler.All, new DatingFilterHandler(), new PlaceFilterHandler(), new OnViewFilterHandler(), new FacetFilterHandler(), new PropertyFilterHandler(editors)],
        [.. SortHandler.All, new PropertySortHandler(editors)]);

    /// Throws InvalidQueryOptionException for a recognised option with a bad value.
    public QueryBuild Build(string? fetch, IEnumerable<string> filterValues, IEnumerable<string> sortValues, QueryContext context, DeliveryApiSettings settings,
        bool preview, int skip, int take)
    {
        SelectorOption? selector = null;
        if (!string.IsNullOrEmpty(fetch))
        {
            var handler = selectors.FirstOrDefault(h => h.CanHandle(fetch));
            if (handler is null)
                return new QueryBuild(null, QueryError.SelectorOptionNotFound);
            selector = handler.Build(fetch, context);
            if (selector is null)
                return new QueryBuild(null, Empty: true);
        }
        else if (context.StartItem is { } start)
            selector = new SelectorOption(Archive.Search.Analysis.IndexFields.Path, [start.Key.ToString()]);

        var filterOptions = new List<FilterOption>();
        foreach (var filter in filterValues.Where(f => !string.IsNullOrWhiteSpace(f)))
        {
            var handler = filters.FirstOrDefault(h => h.CanHandle(filter, context));
            if (handler is null)
                return new QueryBuild(null, QueryError.FilterOptionNotFound);
            filterOptions.AddRange(handler.Build(filter, context));
        }
        var sortOptions = new List<SortOption>();
        foreach (var sort in sortValues.Where(s => !string.IsNullOrWhiteSpace(s)))
        {
            var handler = sorts.FirstOrDefault(h => h.CanHandle(sort));
            if (handler is null)
                return new QueryBuild(null, QueryError.SortOptionNotFound);
            sortOptions.Add(handler.Build(sort, context));
        }
        return new QueryBuild(new ContentQuery
        {
            Selector = selector,
            Filters = filterOptions,
            Sorts = sortOptions,
            Culture = context.Culture,
            Preview = preview,
            Skip = skip,
            Take = take,
            AllowedContentTypes = settings.AllowedContentTypeAliases,
            ExcludedContentTypes = settings.AllowedContentTypeAliases.Length > 0 ? [] : settings.DisallowedContentTypeAliases,
        });
    }
}
