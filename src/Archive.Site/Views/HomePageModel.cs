using Archive.Delivery.Cache;
using Archive.Delivery.Exhibitions;
using Archive.Site.Links;
using Archive.Site.Texts;

namespace Archive.Site.Views;

/// What is on view today at one stop: the stop, its city and its objects.
public sealed record OnView(StopLine Stop, Localized? City, IReadOnlyList<Card> Objects);

/// The front page of a language: what is on view now (by city), current and upcoming exhibitions, stories, collections.
public sealed record HomePageModel(SitePage Page, IReadOnlyList<OnView> OnView, IReadOnlyList<StopLine> Current, IReadOnlyList<StopLine> Upcoming,
    IReadOnlyList<StopLine> Recent, IReadOnlyList<Card> Stories, IReadOnlyList<Card> Collections, MapModel? Map)
{
    private const int ObjectsPerStop = 8;

    public static HomePageModel Build(SiteContext context)
    {
        var page = context.NewPage(context.T("site.name"), context.Everywhere(""), null);
        page.Description = context.T("site.tagline").Text;
        var today = context.Today;
        var stops = ExhibitionStops.All(context.Cache).Where(s => context.UrlOf(s.Node) is not null).ToList();
        var open = stops.Where(s => s.IsOpenOn(today)).OrderBy(s => s.Opening).ToList();
        var onView = open.Select(s => new OnView(ItemPages.StopLineOf(context, s), CityOf(context, s),
            s.OnView.Select(context.Cache.Find).OfType<PublishedNode>().Where(n => context.UrlOf(n) is not null).Take(ObjectsPerStop).Select(n => context.CardOf(n)).ToList())).ToList();
        var upcoming = stops.Where(s => s.Opening > today).OrderBy(s => s.Opening).Take(6).Select(s => ItemPages.StopLineOf(context, s)).ToList();
        // With nothing open or coming, the most recent stops keep the front page from being empty.
        var recent = open.Count + upcoming.Count == 0
            ? stops.Where(s => s.Closing is { } closing && closing < today).OrderByDescending(s => s.Closing).Take(4).Select(s => ItemPages.StopLineOf(context, s)).ToList()
            : [];
        var stories = context.Services.Navigation.RootOf(SiteTypes.Stories) is { } storiesRoot
            ? context.Cache.ChildrenOf(storiesRoot.Key).Where(n => context.UrlOf(n) is not null).Take(6).Select(n => context.CardOf(n, context.View(n)?.Text("summary"))).ToList()
            : [];
        var collections = context.Cache.Roots(media: false).Where(r => r.ContentTypeAlias == SiteTypes.Institution && context.UrlOf(r) is not null)
            .Select(r => context.CardOf(r, context.T("type.institution"))).ToList();
        var map = MapModel.Of(context, "map-home", context.T("map.home"), new Archive.Delivery.Geo.GeoQuery(new HashSet<string>(), null, null));
        page.HasMap = map is not null;
        page.JsonLd = Seo.JsonLd.Site(context, page);
        return new HomePageModel(page, onView, open.Select(s => ItemPages.StopLineOf(context, s)).ToList(), upcoming, recent, stories, collections, map);
    }

    private static Localized? CityOf(SiteContext context, ScheduledStop stop) =>
        stop.Venue is { } venue && context.View(venue)?.Text("city") is { } city ? city : null;
}
