using System.Text.Json;
using Archive.Delivery.Cache;
using Archive.Delivery.Exhibitions;
using Archive.Delivery.Geo;
using Archive.Site.Links;
using Archive.Site.Seo;
using Archive.Site.Texts;

namespace Archive.Site.Views;

/// Builds an item's page: what every type shows, then what its type adds.
public static class ItemPages
{
    private static readonly string[] ArtefactOrder =
    [
        "accessionNumber", "objectType", "dating", "maker", "placeOfOrigin", "peoples", "materials", "techniques", "dimensions", "inscriptions",
        "creditLine", "rightsStatement", "tags",
    ];

    private static readonly string[] TextSections = ["description", "biography", "provenance"];

    public static ItemPageModel Build(SiteContext context, ItemView item, int pageNumber)
    {
        var node = item.Node;
        var page = context.NewPage(item.Name, context.Everywhere(node), SectionOf(context, node));
        page.Crumbs = Crumbs(context, node);
        var figures = Figures(context, item);
        page.Image = figures.Count > 0 ? item.Images()[0].GetProperty("url").GetString() + "?width=1200&format=webp" : null;
        var summary = item.Text("summary");
        var description = item.Markup("description");
        page.Description = summary?.Text ?? (description is { } d ? Plain(d.Markup) : item.Text("note")?.Text);
        var model = new ItemPageModel
        {
            Page = page,
            Item = item,
            Figures = figures,
            Facts = node.ContentTypeAlias == SiteTypes.Artefact ? Facts.Of(item, context, ArtefactOrder) : Facts.Of(item, context),
            Sections = TextSections.Select(alias => (alias, text: item.Markup(alias))).Where(s => s.text is not null)
                .Select(s => new Section(FieldLabel(context, item, s.alias), RichText.ForSite(s.text!.Value.Markup, context.Culture, context.Cache, context.Links), s.text.Value.Lang))
                .ToList(),
            Blocks = Blocks(context, item),
            Recordings = Recordings.Of(item),
            AudioDescription = Recordings.Description(item),
            Summary = summary,
            Note = item.Text("note"),
        };
        model = node.ContentTypeAlias switch
        {
            SiteTypes.Artefact => Artefact(context, item, model),
            SiteTypes.Collection => Objects(context, item, model, pageNumber, "collection:" + node.Key),
            SiteTypes.Institution => Institution(context, item, model, pageNumber),
            SiteTypes.Person => Objects(context, item, model, pageNumber, "maker:" + node.Key, children: false),
            SiteTypes.Term => Term(context, item, model, pageNumber),
            SiteTypes.Exhibition => Exhibition(context, item, model, pageNumber),
            SiteTypes.ExhibitionStop => Stop(context, item, model),
            SiteTypes.Venue => Venue(context, item, model),
            SiteTypes.Route => Route(context, item, model),
            SiteTypes.Story => Story(context, item, model),
            SiteTypes.Exhibitions => ExhibitionList(context, item, model),
            _ => Children(context, item, model, pageNumber),
        };
        page.JsonLd = JsonLd.Of(context, model);
        page.OpenGraphType = node.ContentTypeAlias is SiteTypes.Artefact or SiteTypes.Story ? "article" : "website";
        page.HasMap = model.Map is not null;
        page.NoIndex = pageNumber > 1;
        return model;
    }

    private static string? SectionOf(SiteContext context, PublishedNode node)
    {
        var root = node.AncestorKeys.Count > 0 ? context.Cache.Find(node.AncestorKeys[0]) : node;
        return root?.ContentTypeAlias switch
        {
            SiteTypes.Institution => "collections",
            SiteTypes.Exhibitions => "exhibitions",
            SiteTypes.People => "people",
            SiteTypes.Stories => "stories",
            SiteTypes.Vocabularies or SiteTypes.Venues => "places",
            _ => null,
        };
    }

    private static IReadOnlyList<Crumb> Crumbs(SiteContext context, PublishedNode node)
    {
        var crumbs = new List<Crumb> { new(context.T("home"), $"/{context.Culture.Prefix}/") };
        foreach (var ancestor in node.AncestorKeys.Select(context.Cache.Find).OfType<PublishedNode>())
            crumbs.Add(new Crumb(context.NameOf(ancestor), context.UrlOf(ancestor)));
        crumbs.Add(new Crumb(context.NameOf(node), null));
        return crumbs;
    }

    private static Localized FieldLabel(SiteContext context, ItemView item, string alias) =>
        item.Properties.FirstOrDefault(p => p.Alias == alias) is { } property ? item.LabelOf(property, context.Texts) : context.T("field." + alias);

    /// An object lent under a loan in force that forbids zooming (`noZoom`) shows its images without deep zoom.
    private static IReadOnlyList<Figure> Figures(SiteContext context, ItemView item)
    {
        var zoom = item.Type != SiteTypes.Artefact || !Archive.Delivery.Exhibitions.PublishedLoans.Of(context.Cache, item.Key).Any(l => l.IsInForce && l.NoZoom);
        return item.Images().Select(image => FigureOf(context, image, null, zoom)).ToList();
    }

    public static Figure FigureOf(SiteContext context, JsonElement image, Localized? caption, bool zoom = true)
    {
        var key = Images.KeyOf(image);
        return new Figure(Images.Src(image), Images.SrcSet(image), Images.Width(image), Images.Height(image), context.AltOf(image),
            zoom && key is { } k ? $"/iiif/3/{k:D}/info.json" : null, caption);
    }

    private static string Plain(string markup)
    {
        var text = System.Text.RegularExpressions.Regex.Replace(markup, "<[^>]+>", " ");
        text = System.Net.WebUtility.HtmlDecode(System.Text.RegularExpressions.Regex.Replace(text, @"\s+", " ")).Trim();
        return text.Length > 200 ? text[..197] + "…" : text;
    }

    private static ItemPageModel Artefact(SiteContext context, ItemView item, ItemPageModel model)
    {
        var key = item.Key;
        var whereabouts = item.Text("currentLocation");
        var stops = ExhibitionStops.All(context.Cache).Where(s => s.OnView.Contains(key) && context.Cache.IsVisible(s.Node, context.Links.ContentCultureOf(s.Node, context.Culture) ?? ""))
            .OrderByDescending(s => s.Opening).Select(s => StopLineOf(context, s)).ToList();
        var institution = item.Node.AncestorKeys.Count > 0 ? context.Cache.Find(item.Node.AncestorKeys[0]) : null;
        var accession = item.Text("accessionNumber");
        var permanent = SiteLinks.PermanentUrlOf(key, context.Culture);
        var citation = string.Join(". ", new[] { institution is null ? null : context.NameOf(institution).Text, item.Name.Text, accession?.Text, context.BaseUrl + permanent }
            .Where(p => !string.IsNullOrWhiteSpace(p)));
        return model with
        {
            Stops = stops,
            StopsHeading = context.T("artefact.exhibitions"),
            Whereabouts = whereabouts,
            InTransit = item.Flag("inTransit"),
            NoPhotography = item.Flag("noPhotography"),
            LoanCredit = item.Text("loanCreditLine"),
            Manifest = $"/iiif/3/manifest/{key:D}",
            PermanentUrl = permanent,
            Citation = new Localized(citation, null),
        };
    }

    /// The objects gathered under an item or naming it (a collection's, a maker's, a term's), a page at a time, with
    /// the search that narrows the whole catalogue to them.
    private static ItemPageModel Objects(SiteContext context, ItemView item, ItemPageModel model, int pageNumber, string filter, bool children = true)
    {
        var size = context.Services.Options.PageSize;
        var (total, keys) = SiteQueries.Objects(context, [filter], (pageNumber - 1) * size, size);
        var url = context.UrlOf(item.Node)!;
        return model with { List = keys.Select(context.Cache.Find).OfType<PublishedNode>().Select(n => context.CardOf(n)).ToList(), ListHeading = context.T("objects.count", total), Pager = Pager(pageNumber, total, size, url), SearchUrl = total > 0 ? $"/{context.Culture.Prefix}/search?filter={Uri.EscapeDataString(filter)}" : null, SearchTotal = total };
    }

    private static ItemPageModel Institution(SiteContext context, ItemView item, ItemPageModel model, int pageNumber)
    {
        var collections = context.Cache.ChildrenOf(item.Key).Where(c => context.Links.HasPage(c) && context.UrlOf(c) is not null).Select(c => context.CardOf(c, context.T("type.collection"))).ToList();
        var (total, _) = SiteQueries.Objects(context, ["institution:" + item.Key], 0, 0);
        var map = MapModel.Of(context, "map-" + item.Key.ToString("N"), context.T("map.of", item.Name.Text), new GeoQuery(new HashSet<string>(), null, null),
            f => f["id"]?.GetValue<string>() == item.Key.ToString());
        return model with { List = collections, ListHeading = context.T("collections"), SearchUrl = total > 0 ? $"/{context.Culture.Prefix}/search?filter=institution:{item.Key}" : null, SearchTotal = total, Map = map };
    }

    private static ItemPageModel Term(SiteContext context, ItemView item, ItemPageModel model, int pageNumber)
    {
        var kind = context.View(item.Node)?.Value("termKind")?.Value.GetString();
        var filter = kind switch
        {
            "objectType" => "objectType:",
            "material" => "material:",
            "people" => "people:",
            _ => "place:",
        } + item.Key;
        var withObjects = Objects(context, item, model, pageNumber, filter);
        if (kind != "place")
            return withObjects;
        var map = MapModel.Of(context, "map-" + item.Key.ToString("N"), context.T("map.of", item.Name.Text), new GeoQuery(new HashSet<string>(), null, null),
            f => Locality(context, f) == item.Key);
        return withObjects with { Map = map };
    }

    // The place a venue's or museum's feature is in.
    private static Guid? Locality(SiteContext context, System.Text.Json.Nodes.JsonObject feature) =>
        feature["properties"]?["place"]?["id"]?.GetValue<string>() is { } id && Guid.TryParse(id, out var key) ? key : null;

    private static ItemPageModel Exhibition(SiteContext context, ItemView item, ItemPageModel model, int pageNumber)
    {
        var stops = ExhibitionStops.All(context.Cache).Where(s => s.Node.ParentKey == item.Key && context.UrlOf(s.Node) is not null).OrderBy(s => s.Opening)
            .Select(s => StopLineOf(context, s)).ToList();
        var withObjects = Objects(context, item, model, pageNumber, "exhibition:" + item.Key);
        var map = MapModel.Of(context, "map-" + item.Key.ToString("N"), context.T("map.itinerary", item.Name.Text), new GeoQuery(new HashSet<string> { GeoFeatures.Stop }, item.Key, null));
        return withObjects with { Stops = stops, StopsHeading = context.T("exhibition.itinerary"), Map = map };
    }

    private static ItemPageModel Stop(SiteContext context, ItemView item, ItemPageModel model)
    {
        var scheduled = ExhibitionStops.Of(context.Cache, item.Node);
        var objects = (scheduled?.OnView ?? []).Select(context.Cache.Find).OfType<PublishedNode>().Where(n => context.UrlOf(n) is not null).ToList();
        // The stop's own wall label for an object, where it has one.
        var labels = WallLabels.Of(context, item.Key);
        var cards = objects.Select(o => context.CardOf(o, labels.TryGetValue(o.Key, out var label) ? label : null)).ToList();
        var map = MapModel.Of(context, "map-" + item.Key.ToString("N"), context.T("map.of", item.Name.Text), new GeoQuery(new HashSet<string> { GeoFeatures.Stop }, null, null),
            f => f["id"]?.GetValue<string>() == item.Key.ToString());
        return model with { List = cards, ListHeading = context.T("stop.onView", cards.Count), Stops = scheduled is null ? [] : [StopLineOf(context, scheduled)], Map = map };
    }

    private static ItemPageModel Venue(SiteContext context, ItemView item, ItemPageModel model)
    {
        var stops = ExhibitionStops.All(context.Cache).Where(s => s.Venue?.Key == item.Key && context.UrlOf(s.Node) is not null).OrderByDescending(s => s.Opening)
            .Select(s => StopLineOf(context, s)).ToList();
        var map = MapModel.Of(context, "map-" + item.Key.ToString("N"), context.T("map.of", item.Name.Text), new GeoQuery(new HashSet<string>(), null, null),
            f => f["id"]?.GetValue<string>() == item.Key.ToString());
        return model with { Stops = stops, StopsHeading = context.T("venue.exhibitions"), Map = map };
    }

    private static ItemPageModel Route(SiteContext context, ItemView item, ItemPageModel model)
    {
        var places = item.Picked("stops").Where(n => context.UrlOf(n) is not null).Select(n => context.CardOf(n, context.T("type." + n.ContentTypeAlias))).ToList();
        var keys = places.Select(p => p.Key.ToString()).Append(item.Key.ToString()).ToHashSet();
        var map = MapModel.Of(context, "map-" + item.Key.ToString("N"), context.T("map.of", item.Name.Text), new GeoQuery(new HashSet<string>(), null, null),
            f => f["id"]?.GetValue<string>() is { } id && keys.Contains(id));
        return model with { List = places, ListHeading = context.T("route.stops"), Map = map };
    }

    private static ItemPageModel Story(SiteContext context, ItemView item, ItemPageModel model)
    {
        var related = item.Picked("relatedArtefacts").Where(n => context.UrlOf(n) is not null).Select(n => context.CardOf(n)).ToList();
        return model with { List = related, ListHeading = context.T("story.related") };
    }

    /// The exhibitions container: its exhibitions by what is on now, what is coming and what is past.
    private static ItemPageModel ExhibitionList(SiteContext context, ItemView item, ItemPageModel model)
    {
        var stops = ExhibitionStops.All(context.Cache).Where(s => context.UrlOf(s.Node) is not null).OrderBy(s => s.Opening).Select(s => StopLineOf(context, s)).ToList();
        var exhibitions = context.Cache.ChildrenOf(item.Key).Where(c => context.UrlOf(c) is not null).Select(c => context.CardOf(c)).ToList();
        var map = MapModel.Of(context, "map-" + item.Key.ToString("N"), context.T("map.stops"), new GeoQuery(new HashSet<string> { GeoFeatures.Stop }, null, null));
        return model with { List = exhibitions, ListHeading = context.T("exhibitions.all"), Stops = stops, StopsHeading = context.T("exhibition.calendar"), Map = map };
    }

    private static ItemPageModel Children(SiteContext context, ItemView item, ItemPageModel model, int pageNumber)
    {
        var size = context.Services.Options.PageSize;
        var children = context.Cache.ChildrenOf(item.Key).Where(c => context.UrlOf(c) is not null).ToList();
        var people = item.Node.ContentTypeAlias is SiteTypes.People or SiteTypes.Vocabulary;
        if (people)
            children = children.OrderBy(c => context.NameOf(c).Text, StringComparer.Create(Format(context), false)).ToList();
        var cards = children.Skip((pageNumber - 1) * size).Take(size).Select(c => context.CardOf(c)).ToList();
        return model with { List = cards, ListHeading = cards.Count > 0 ? context.T("contents.count", children.Count) : null, Pager = Pager(pageNumber, children.Count, size, context.UrlOf(item.Node)!) };
    }

    private static System.Globalization.CultureInfo Format(SiteContext context)
    {
        try
        {
            return System.Globalization.CultureInfo.GetCultureInfo(context.Culture.Content);
        }
        catch (System.Globalization.CultureNotFoundException)
        {
            return System.Globalization.CultureInfo.InvariantCulture;
        }
    }

    public static StopLine StopLineOf(SiteContext context, ScheduledStop stop)
    {
        var today = context.Today;
        var when = stop.IsOpenOn(today) ? "now" : stop.Opening > today ? "upcoming" : "past";
        var dates = stop.Closing is { } closing
            ? $"{Facts.Day(stop.Opening, context)} – {Facts.Day(closing, context)}"
            : Facts.Day(stop.Opening, context);
        return new StopLine(context.CardOf(stop.Node, context.T("when." + when)), stop.Exhibition is null ? null : context.NameOf(stop.Exhibition), context.UrlOf(stop.Exhibition),
            stop.Venue is null ? null : context.NameOf(stop.Venue), context.UrlOf(stop.Venue), dates, when);
    }

    private static IReadOnlyList<StoryBlock> Blocks(SiteContext context, ItemView item)
    {
        if (item.Value("body") is not { } body || !body.Value.TryGetProperty("items", out var items))
            return [];
        var lang = item.LangOf(body.Culture);
        var blocks = new List<StoryBlock>();
        foreach (var block in items.EnumerateArray())
        {
            if (!block.TryGetProperty("content", out var content) || content.ValueKind != JsonValueKind.Object || !content.TryGetProperty("properties", out var properties))
                continue;
            var type = content.TryGetProperty("contentType", out var t) ? t.GetString() : null;
            string? Text(string alias) => properties.TryGetProperty(alias, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
            switch (type)
            {
                case "textBlock" when properties.TryGetProperty("text", out var text) && text.ValueKind == JsonValueKind.Object && text.GetProperty("markup").GetString() is { Length: > 0 } markup:
                    blocks.Add(new StoryBlock("text", RichText.ForSite(markup, context.Culture, context.Cache, context.Links), null, null, null));
                    break;
                case "imageBlock" when properties.TryGetProperty("image", out var images) && images.ValueKind == JsonValueKind.Array && images.GetArrayLength() > 0:
                    blocks.Add(new StoryBlock("image", null, FigureOf(context, images[0], Text("caption") is { Length: > 0 } caption ? new Localized(caption, lang) : null), null, null));
                    break;
                case "quoteBlock" when Text("quote") is { Length: > 0 } quote:
                    blocks.Add(new StoryBlock("quote", null, null, new Localized(quote, lang), Text("attribution") is { Length: > 0 } by ? new Localized(by, lang) : null));
                    break;
            }
        }
        return blocks;
    }

    private static Pager? Pager(int current, int total, int size, string url)
    {
        var count = (total + size - 1) / size;
        return count <= 1 ? null : new Pager(current, count, n => n == 1 ? url : $"{url}?page={n}");
    }
}
