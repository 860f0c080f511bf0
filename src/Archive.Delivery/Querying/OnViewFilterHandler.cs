using System.Globalization;
using Archive.Delivery.Exhibitions;
using Archive.Search.Analysis;
using Archive.Search.Querying;

namespace Archive.Delivery.Querying;

/// onView:{yyyy-mm-dd}: the objects on view that day at any published exhibition stop — past, present or future —
/// by the stop's checklist (the exhibition's objects where it has none) — the organiser's own objects, the others only
/// under a signed or active loan covering the stop —, days in Kazakhstan time, the closing day included. onViewAt:{venue key}[,…]: the objects of the stops at those venues. ':!' takes the others.
public sealed class OnViewFilterHandler : IFilterHandler
{
    private const string OnView = "onView", OnViewAt = "onViewAt";

    public bool CanHandle(string filter) =>
        filter.StartsWith(OnView + ":", StringComparison.OrdinalIgnoreCase) || filter.StartsWith(OnViewAt + ":", StringComparison.OrdinalIgnoreCase);

    public IEnumerable<FilterOption> Build(string filter, QueryContext context)
    {
        var at = filter.StartsWith(OnViewAt, StringComparison.OrdinalIgnoreCase);
        var (operation, value) = ComparisonFilterHandler.Split(filter[(at ? OnViewAt : OnView).Length..]);
        if (ComparisonFilterHandler.IsRange(operation))
            throw Invalid(filter, "compares with ':' or ':!' only.");
        var stops = ExhibitionStops.All(context.Cache);
        if (at)
        {
            var venues = value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
                .Select(v => Guid.TryParse(v, out var key) ? key : throw Invalid(filter, $"has '{v}', which is not a key.")).ToHashSet();
            if (venues.Count == 0)
                throw Invalid(filter, "names no venue.");
            stops = stops.Where(s => s.Venue is { } venue && venues.Contains(venue.Key)).ToList();
        }
        else
        {
            if (!DateOnly.TryParseExact(value.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
                throw Invalid(filter, $"has '{value}', which is not a date (yyyy-mm-dd).");
            stops = stops.Where(s => s.IsOpenOn(day)).ToList();
        }
        var objects = stops.SelectMany(s => s.OnView).Distinct().Select(k => k.ToString()).ToList();
        return [new FilterOption(IndexFields.Key, objects, operation)];
    }

    private static InvalidQueryOptionException Invalid(string filter, string why) => new("filter", $"The filter '{filter}' {why}");
}
