using Archive.Delivery.Cache;
using Archive.Delivery.Exhibitions;
using Archive.Search.Analysis;
using Archive.Search.Querying;

namespace Archive.Delivery.Querying;

/// place:{key}[,{key}] and place:!{key}: items that pick the place, or a place within it, by any picker — made at,
/// found at, a venue's locality. A place is one item under all its names, current and former, so the filter finds
/// what was made in Alma-Ata when given Almaty; a region takes in the places whose parent region it is, at any depth.
public sealed class PlaceFilterHandler : IFilterHandler
{
    private const string Name = "place", PlaceType = "term";

    public bool CanHandle(string filter) => filter.StartsWith(Name + ":", StringComparison.OrdinalIgnoreCase);

    public IEnumerable<FilterOption> Build(string filter, QueryContext context)
    {
        var (operation, value) = ComparisonFilterHandler.Split(filter[Name.Length..]);
        if (ComparisonFilterHandler.IsRange(operation))
            throw new InvalidQueryOptionException("filter", $"The filter '{filter}' compares with ':' or ':!' only.");
        var keys = value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(v => Guid.TryParse(v, out var key) ? key : throw new InvalidQueryOptionException("filter", $"The filter '{filter}' has '{v}', which is not a key."))
            .ToList();
        if (keys.Count == 0)
            throw new InvalidQueryOptionException("filter", $"The filter '{filter}' names no place.");
        var picked = new FilterOption(IndexFields.Picked, Within(context.Cache, keys).Select(k => k.ToString()).ToList(), operation);
        // What lies at a place, not the places within it: those pick it as their parent region.
        return operation == FilterOperation.Is ? [picked, new FilterOption(IndexFields.ContentType, [PlaceType], FilterOperation.IsNot)] : [picked];
    }

    /// The places and every published place within them (whose parent region, or its parent's, is one of them).
    public static IReadOnlySet<Guid> Within(PublishedCache cache, IEnumerable<Guid> places)
    {
        var found = places.ToHashSet();
        var queue = new Queue<Guid>(found);
        while (queue.Count > 0)
        {
            var place = queue.Dequeue();
            // A narrower place references its parent region: among the parent's referrers.
            foreach (var referrer in cache.ReferrersOf(place).Select(cache.Find).OfType<PublishedNode>())
                if (referrer.ContentTypeAlias == PlaceType && !found.Contains(referrer.Key)
                    && ExhibitionStops.Picked(ExhibitionStops.Data(referrer).GetValue("broaderPlace")).Contains(place))
                {
                    found.Add(referrer.Key);
                    queue.Enqueue(referrer.Key);
                }
        }
        return found;
    }
}
