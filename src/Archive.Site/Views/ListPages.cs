using Archive.Delivery.Cache;
using Archive.Delivery.Geo;
using Archive.Site.Links;
using Archive.Site.Pages;
using Archive.Site.Texts;
using Microsoft.AspNetCore.Http;

namespace Archive.Site.Views;

/// The archive's own listing pages: the collections, the places (the gazetteer and the Houses of Friendship), the map.
public static class ListPages
{
    public static Task<IResult> Collections(HttpContext http, SiteContext context)
    {
        var page = context.NewPage(context.T("nav.collections"), context.Everywhere("collections"), "collections");
        page.Description = context.T("collections.lede").Text;
        var institutions = context.Cache.Roots(media: false).Where(r => r.ContentTypeAlias == SiteTypes.Institution && context.UrlOf(r) is not null).ToList();
        var groups = new List<(Localized?, IReadOnlyList<Card>)> { (null, institutions.Select(i => context.CardOf(i, context.T("type.institution"))).ToList()) };
        foreach (var institution in institutions)
        {
            var collections = context.Cache.ChildrenOf(institution.Key).Where(c => c.ContentTypeAlias == SiteTypes.Collection && context.UrlOf(c) is not null)
                .Select(c => context.CardOf(c, context.T("type.collection"))).ToList();
            if (collections.Count > 0)
                groups.Add((context.NameOf(institution), collections));
        }
        return SiteRenderer.PageAsync<ListPage>(http, context, new() { ["Page"] = page, ["Lede"] = context.T("collections.lede"), ["Groups"] = groups });
    }

    public static Task<IResult> Places(HttpContext http, SiteContext context)
    {
        var page = context.NewPage(context.T("nav.places"), context.Everywhere("places"), "places");
        page.Description = context.T("places.lede").Text;
        var places = context.Cache.OfType(SiteTypes.Term).Where(t => context.UrlOf(t) is not null && context.View(t)?.Value("termKind")?.Value.GetString() == "place")
            .OrderBy(t => context.NameOf(t).Text, StringComparer.Ordinal)
            .Select(t => context.CardOf(t, context.View(t)?.Text("formerNames") is { } former ? former with { Text = former.Text.Replace('\n', ';') } : null)).ToList();
        var venues = context.Cache.OfType(SiteTypes.Venue).Where(v => context.UrlOf(v) is not null).OrderBy(v => context.NameOf(v).Text, StringComparer.Ordinal)
            .Select(v => context.CardOf(v, context.View(v)?.Text("city"))).ToList();
        var routes = context.Cache.OfType(SiteTypes.Route).Where(r => context.UrlOf(r) is not null).Select(r => context.CardOf(r, context.T("type.route"))).ToList();
        var groups = new List<(Localized?, IReadOnlyList<Card>)>();
        if (routes.Count > 0)
            groups.Add((context.T("places.routes"), routes));
        if (venues.Count > 0)
            groups.Add((context.T("places.venues"), venues));
        if (places.Count > 0)
            groups.Add((context.T("places.gazetteer"), places));
        var map = MapModel.Of(context, "map-places", context.T("map.home"), new GeoQuery(new HashSet<string>(), null, null));
        page.HasMap = map is not null;
        return SiteRenderer.PageAsync<ListPage>(http, context, new() { ["Page"] = page, ["Lede"] = context.T("places.lede"), ["Groups"] = groups, ["Map"] = map });
    }

    public static Task<IResult> Map(HttpContext http, SiteContext context)
    {
        var page = context.NewPage(context.T("nav.map"), context.Everywhere("map"), "map");
        page.Description = context.T("map.lede").Text;
        var map = MapModel.Of(context, "map-all", context.T("map.home"), new GeoQuery(new HashSet<string>(), null, null));
        page.HasMap = map is not null;
        return SiteRenderer.PageAsync<ListPage>(http, context, new() { ["Page"] = page, ["Lede"] = context.T("map.lede"), ["Map"] = map });
    }
}
