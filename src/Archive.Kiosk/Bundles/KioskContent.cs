using Archive.Delivery.Cache;
using Archive.Delivery.Exhibitions;
using Archive.Engine.Exhibitions;
using Archive.Engine.Kiosks;
using Archive.Engine.Publishing;

namespace Archive.Kiosk.Bundles;

/// One object or story a kiosk shows, with what its loans allow: the last day it may be shown, image size, zoom.
public sealed record ShownItem(PublishedNode Node, DateOnly? Until, int? MaxImageSize, bool NoZoom, bool NoPhotography, PublishedNode? Stop);

/// A section of the screen: what one pick of the kiosk's `shows` brings, in order.
public sealed record ShownSection(PublishedNode Source, IReadOnlyList<ShownItem> Items);

/// What a kiosk shows, read from the published cache: its sections and their objects, as the registrar's rules and
/// the loans allow them today. A stop shows what is on view there (its own checklist, the organiser's objects and those a
/// loan in force lends for it), an exhibition what its open stops show, a collection or institution its objects, a story
/// itself and the objects it relates. An object lent under a loan whose end has passed is not shown, nor one whose
/// loan is no longer in force: it leaves the screen at the next sync, and the screen hides it after its last day even
/// while offline.
public static class KioskContent
{
    public static IReadOnlyList<ShownSection> Of(PublishedCache cache, PublishedNode kiosk, KioskSettings settings, DateOnly today, int maxItems)
    {
        var sources = settings.Shows.Select(cache.Find).OfType<PublishedNode>().ToList();
        if (sources.Count == 0 && cache.Find(kiosk.ParentKey) is { } parent)
            sources = parent.ContentTypeAlias == ArchiveAliases.ExhibitionStop ? [parent] : StopsOpenAt(cache, parent.Key, today).Select(s => s.Node).ToList();
        var seen = new HashSet<Guid>();
        var sections = new List<ShownSection>();
        var budget = maxItems;
        foreach (var source in sources)
        {
            var items = ItemsOf(cache, source, today).Where(i => seen.Add(i.Node.Key)).Take(Math.Max(0, budget)).ToList();
            budget -= items.Count;
            sections.Add(new ShownSection(source, items));
        }
        return sections;
    }

    private static IEnumerable<ScheduledStop> StopsOpenAt(PublishedCache cache, Guid venue, DateOnly today) =>
        ExhibitionStops.All(cache).Where(s => s.Venue?.Key == venue && s.IsOpenOn(today));

    private static IEnumerable<ShownItem> ItemsOf(PublishedCache cache, PublishedNode source, DateOnly today)
    {
        switch (source.ContentTypeAlias)
        {
            case ArchiveAliases.ExhibitionStop:
                return ExhibitionStops.Of(cache, source) is { } stop ? OnView(cache, stop, today) : [];
            case ArchiveAliases.Exhibition:
                var stops = ExhibitionStops.All(cache).Where(s => s.Exhibition?.Key == source.Key).ToList();
                var open = stops.Where(s => s.IsOpenOn(today)).ToList();
                return (open.Count > 0 ? open : stops.Where(s => s.Opening > today).OrderBy(s => s.Opening).Take(1)).SelectMany(s => OnView(cache, s, today));
            case "story":
                var related = Archive.Engine.Editors.MultiNodeTreePickerEditor.Keys(ExhibitionStops.Data(source).GetValue("relatedArtefacts"));
                return new[] { Own(cache, source) }.Concat(related.Select(cache.Find).OfType<PublishedNode>().Where(IsArtefact).Select(n => Own(cache, n)))
                    .OfType<ShownItem>();
            default:
                // A collection or institution: its public objects, in the tree's order.
                return cache.OfType(ArchiveAliases.Artefact).Where(a => a.AncestorKeys.Contains(source.Key))
                    .OrderBy(a => a.Level).ThenBy(a => a.SortOrder).Select(a => Own(cache, a)).OfType<ShownItem>();
        }
    }

    private static bool IsArtefact(PublishedNode node) => node.ContentTypeAlias == ArchiveAliases.Artefact;

    /// An object shown where it belongs (its own collection, a story): the loans in force still cap its images.
    private static ShownItem? Own(PublishedCache cache, PublishedNode node)
    {
        var loans = IsArtefact(node) ? PublishedLoans.Of(cache, node.Key).Where(l => l.IsInForce).ToList() : [];
        return new ShownItem(node, null, loans.Select(l => l.MaxImageSize).Min(), loans.Any(l => l.NoZoom), loans.Any(l => l.NoPhotography), null);
    }

    private static IEnumerable<ShownItem> OnView(PublishedCache cache, ScheduledStop stop, DateOnly today)
    {
        foreach (var key in stop.OnView)
        {
            if (cache.Find(key) is not { } node)
                continue;
            var loans = PublishedLoans.Of(cache, key).Where(l => l.IsInForce).ToList();
            DateOnly? until = null;
            if (!ExhibitionStops.IsOrganisers(stop, node))
            {
                // Shown under a loan: only while one covering the stop has not ended.
                var current = loans.Where(l => l.Covers(stop) && (l.Terms.End is not { } end || end >= today)).ToList();
                if (current.Count == 0)
                    continue;
                until = current.Any(l => l.Terms.End is null) ? null : current.Max(l => l.Terms.End);
            }
            yield return new ShownItem(node, until, loans.Select(l => l.MaxImageSize).Min(), loans.Any(l => l.NoZoom), loans.Any(l => l.NoPhotography), stop.Node);
        }
    }
}
