namespace Archive.Engine.Exhibitions;

/// An exhibition stop as a booking: its days (the closing day included; none: open-ended) and the objects it shows.
public sealed record StopBooking(Guid Stop, string Name, DateOnly Opening, DateOnly? Closing, IReadOnlyList<Guid> Objects)
{
    public bool Overlaps(StopBooking other) => Opening <= (other.Closing ?? DateOnly.MaxValue) && other.Opening <= (Closing ?? DateOnly.MaxValue);
}

/// What a loan says about the objects it makes available.
public sealed record LoanTerms(Guid Loan, string Name, string State, IReadOnlyList<Guid> Objects, IReadOnlyList<Guid> Stops, DateOnly? Start, DateOnly? End)
{
    /// Signed or active: its objects may be shown.
    public bool IsInForce => State is "signed" or "active";

    /// Past its end (renewals included) and still out: the objects are not recorded as returned.
    public bool IsOverdue(DateOnly today) => IsInForce && End is { } end && end < today;

    public bool Covers(StopBooking stop) => Stops.Count > 0
        ? Stops.Contains(stop.Stop)
        : Start is { } start && End is { } end && start <= stop.Opening && (stop.Closing ?? stop.Opening) <= end;
}

/// The registrar's rules for touring exhibitions (Spectrum's loans out and location control): an object is at one
/// stop at a time; an object that is not the organiser's own is shown only under a signed or active loan covering
/// the stop; a loan does not end before the last stop it covers closes.
public static class BookingRules
{
    /// The objects of a stop booked at another stop whose days overlap, with that stop.
    public static IReadOnlyList<(Guid Object, StopBooking Other)> DoubleBookings(StopBooking stop, IEnumerable<StopBooking> others) =>
        others.Where(o => o.Stop != stop.Stop && o.Overlaps(stop))
            .SelectMany(o => stop.Objects.Intersect(o.Objects).Select(obj => (obj, o))).ToList();

    /// The objects of a stop that are not the organiser's own and that no loan in force covers.
    public static IReadOnlyList<Guid> Uncovered(StopBooking stop, Func<Guid, bool> isOrganisers, IEnumerable<LoanTerms> loans)
    {
        var inForce = loans.Where(l => l.IsInForce && l.Covers(stop)).ToList();
        return stop.Objects.Where(o => !isOrganisers(o) && !inForce.Any(l => l.Objects.Contains(o))).ToList();
    }

    /// The stops a loan covers that close after it ends (or never close).
    public static IReadOnlyList<StopBooking> OutlastedBy(LoanTerms loan, IEnumerable<StopBooking> stops) =>
        loan.End is not { } end ? [] : stops.Where(s => loan.Stops.Contains(s.Stop) && (s.Closing ?? DateOnly.MaxValue) > end).ToList();
}
