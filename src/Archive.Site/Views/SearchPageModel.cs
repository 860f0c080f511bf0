using Archive.Delivery.Cache;
using Archive.Delivery.Querying;
using Archive.Search.Analysis;
using Archive.Search.Indexing;
using Archive.Search.Querying;
using Archive.Site.Links;
using Archive.Site.Texts;
using Microsoft.AspNetCore.Http;

namespace Archive.Site.Views;

/// A hit: its card and the passages where the words were found (marked, escaped by the index's highlighter).
public sealed record Hit(Card Card, Localized? Type, IReadOnlyList<string> Highlights);

/// A facet value as a link that narrows the search (or, when active, widens it again).
public sealed record FacetLink(Localized Label, int Count, string Url, bool Active);

public sealed record FacetGroup(string Name, Localized Heading, IReadOnlyList<FacetLink> Values);

/// An active filter and the address without it.
public sealed record ActiveFilter(Localized Label, string RemoveUrl);

/// The search page: the archive search with words, a browse of the whole catalogue without; facets, active filters,
/// sort and pages as links; "did you mean" and the other languages that have matches when nothing is found.
public sealed record SearchPageModel(SitePage Page, string Query, int Total, IReadOnlyList<Hit> Hits, IReadOnlyList<FacetGroup> Facets,
    IReadOnlyList<ActiveFilter> Active, string? ClearUrl, IReadOnlyList<FacetLink> Sorts, Pager? Pager, string? DidYouMean, string? DidYouMeanUrl,
    IReadOnlyList<FacetLink> OtherCultures, Localized? Problem, int Status)
{
    /// The sample the facets' counts were estimated from; null when they are exact.
    public FacetSample? FacetSample { get; init; }

    private static readonly string[] Hidden = [SiteTypes.Loan, SiteTypes.ObjectLabel, SiteTypes.Location];
    private static readonly string[] SortNames = ["relevance", "name", "dating", "updated"];
    private static readonly string[] Shown = [FacetNames.Institution, FacetNames.Collection, FacetNames.ObjectType, FacetNames.Material, FacetNames.People, "maker", "placeOfOrigin",
        FacetNames.Century, FacetNames.Exhibition, FacetNames.HasImage];

    public static SearchPageModel Build(SiteContext context, IQueryCollection query)
    {
        var text = query["q"].ToString().Trim();
        var filters = query["filter"].OfType<string>().Where(f => !string.IsNullOrWhiteSpace(f)).Distinct().Take(20).ToList();
        var century = int.TryParse(query["century"], out var c) && c is > 0 and < 30 ? c : (int?)null;
        var sort = SortNames.Contains(query["sort"].ToString()) ? query["sort"].ToString() : text.Length == 0 ? "name" : "relevance";
        var pageNumber = int.TryParse(query["page"], out var p) && p is > 0 and <= 1000 ? p : 1;
        var size = context.Services.Options.PageSize;
        var culture = context.QueryCulture;

        string Url(string? q, IEnumerable<string> f, int? cent, string? s, int page)
        {
            var parts = new List<string>();
            if (!string.IsNullOrEmpty(q))
                parts.Add("q=" + Uri.EscapeDataString(q));
            parts.AddRange(f.Select(x => "filter=" + Uri.EscapeDataString(x)));
            if (cent is { } cc)
                parts.Add("century=" + cc);
            if (s is { } so && so != (string.IsNullOrEmpty(q) ? "name" : "relevance"))
                parts.Add("sort=" + so);
            if (page > 1)
                parts.Add("page=" + page);
            return $"/{context.Culture.Prefix}/search" + (parts.Count > 0 ? "?" + string.Join('&', parts) : "");
        }

        var page = context.NewPage(text.Length > 0 ? context.T("search.titleFor", text) : context.T("search.title"),
            context.Services.Cultures.All.ToDictionary(x => x.Prefix, x => $"/{x.Prefix}/search" + (Url(text, filters, century, sort, pageNumber).Split('?') is [_, var qs] ? "?" + qs : "")),
            "search");
        page.NoIndex = text.Length > 0 || filters.Count > 0 || pageNumber > 1;

        Localized? problem = null;
        var status = 200;
        var options = new List<FilterOption>();
        var valid = new List<string>();
        foreach (var filter in filters)
        {
            try
            {
                var built = context.Services.QueryBuilder.Build(null, [filter], [], new QueryContext(culture, null, context.Cache, context.Cache.Schema), context.Services.Delivery, false, 0, 0);
                if (built.Query is null)
                    throw new InvalidQueryOptionException("filter", filter);
                options.AddRange(built.Query.Filters);
                valid.Add(filter);
            }
            catch (InvalidQueryOptionException)
            {
                problem = context.T("search.badFilter", filter);
                status = 400;
            }
        }
        if (century is { } cy)
            options.AddRange(context.Services.QueryBuilder.Build(null, [$"dating>:{(cy - 1) * 100 + 1}", $"dating<:{cy * 100}"], [], new QueryContext(culture, null, context.Cache, context.Cache.Schema),
                context.Services.Delivery, false, 0, 0).Query!.Filters);
        if (text.Length > SearchRequest.MaxQueryLength)
        {
            problem = context.T("search.tooLong", SearchRequest.MaxQueryLength);
            status = 400;
            text = text[..SearchRequest.MaxQueryLength];
        }

        var known = FacetNames.Of(context.Cache.Schema);
        // The facets a visitor narrows the catalogue's objects by (the API offers every picker; the page, these).
        var shown = Shown.Where(known.Contains).ToList();
        SearchResult Run(string inCulture, int skip, int take, bool facets) => context.Services.Search.Search(new SearchRequest
        {
            Query = text,
            Browse = true,
            Culture = inCulture,
            Skip = skip,
            Take = take,
            Facets = facets ? shown : [],
            KnownFacets = known,
            FacetValues = 12,
            Filters = [.. options, new FilterOption(IndexFields.Kind, ["content"], FilterOperation.Is)],
            Sort = sort switch { "name" => SearchSort.Name, "dating" => SearchSort.Dating, "updated" => SearchSort.UpdateDate, _ => SearchSort.Relevance },
            Descending = sort == "updated",
            ExcludedContentTypes = [.. Hidden, .. context.Services.Delivery.DisallowedContentTypeAliases],
            AllowedContentTypes = context.Services.Delivery.AllowedContentTypeAliases,
        });
        var result = Run(culture, (pageNumber - 1) * size, size, facets: true);
        if (result.Status == SearchStatus.IndexNotReady)
            return new SearchPageModel(page, text, 0, [], [], [], null, [], null, null, null, [], context.T("search.notReady"), 503);

        var hits = result.Items.Select(h => context.Cache.Find(h.Key) is { IsMedia: false } node && context.UrlOf(node) is not null
            ? new Hit(context.CardOf(node), context.T("type." + node.ContentTypeAlias), h.Highlights)
            : null).OfType<Hit>().ToList();

        var facetGroups = result.Facets.Where(f => f.Value.Count > 0).Select(f => new FacetGroup(f.Key, context.T("facet." + f.Key), f.Value.Select(v =>
        {
            if (f.Key == FacetNames.Century && int.TryParse(v.Value, out var cv))
                return new FacetLink(new Localized(v.Label, null), v.Count, Url(text, valid, century == cv ? null : cv, sort, 1), century == cv);
            var filter = $"{f.Key}:{v.Value}";
            var active = valid.Contains(filter);
            var label = Guid.TryParse(v.Value, out var key) && context.Cache.Find(key) is { } picked ? context.NameOf(picked)
                : f.Key == FacetNames.HasImage ? context.T(v.Value == "true" ? "yes" : "no") : new Localized(v.Label, null);
            return new FacetLink(label, v.Count, Url(text, active ? valid.Where(x => x != filter) : [.. valid, filter], century, sort, 1), active);
        }).ToList())).ToList();

        var activeFilters = valid.Select(f => new ActiveFilter(LabelOf(context, f), Url(text, valid.Where(x => x != f), century, sort, 1))).ToList();
        if (century is { } ac)
            activeFilters.Add(new ActiveFilter(new Localized(result.Facets.GetValueOrDefault(FacetNames.Century)?.FirstOrDefault(v => v.Value == ac.ToString())?.Label ?? ac.ToString(), null),
                Url(text, valid, null, sort, 1)));
        var sorts = SortNames.Where(s => text.Length > 0 || s != "relevance")
            .Select(s => new FacetLink(context.T("sort." + s), 0, Url(text, valid, century, s, 1), s == sort)).ToList();
        var count = (result.Total + size - 1) / size;
        var pager = count > 1 ? new Pager(pageNumber, Math.Min(count, 1000), n => Url(text, valid, century, sort, n)) : null;

        // Help when little is found: the nearest spelling the archive's names use, and the languages that have matches.
        string? didYouMean = null;
        var others = new List<FacetLink>();
        if (text.Length > 0 && result.Total < 3)
        {
            didYouMean = context.Services.Spelling.DidYouMean(text, culture);
            if (result.Total == 0)
                foreach (var other in context.Services.Cultures.All.Where(x => x.Prefix != context.Culture.Prefix && !x.IsKazakhLatin))
                {
                    var found = Run(other.Content, 0, 0, facets: false);
                    if (found.Total > 0)
                        others.Add(new FacetLink(new Localized(other.NativeName, other.Lang), found.Total, $"/{other.Prefix}/search?q={Uri.EscapeDataString(text)}", false));
                }
        }
        return new SearchPageModel(page, text, result.Total, hits, facetGroups, activeFilters, activeFilters.Count > 0 ? Url(text, [], null, sort, 1) : null, sorts, pager,
            didYouMean, didYouMean is null ? null : Url(didYouMean, valid, century, null, 1), others, problem, status)
        { FacetSample = facetGroups.Count > 0 ? result.FacetSample : null };
    }

    /// A filter as visitors read it: the facet's name and the value's ("Material: Wood").
    private static Localized LabelOf(SiteContext context, string filter)
    {
        var colon = filter.IndexOf(':');
        var name = colon > 0 ? filter[..colon] : filter;
        var value = colon > 0 ? filter[(colon + 1)..] : "";
        var label = Guid.TryParse(value, out var key) && context.Cache.Find(key) is { } node ? context.NameOf(node).Text
            : name == FacetNames.HasImage ? context.T(value == "true" ? "yes" : "no").Text : value;
        return new Localized($"{context.T("facet." + name).Text}: {label}", null);
    }
}
