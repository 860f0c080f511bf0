namespace Archive.Engine.Movements;

/// Where something was at an instant: at a location (in a crate or not), or on its way between two.
public sealed record Whereabouts(Guid? Location, bool InTransit, Guid? From, Guid? Crate, Movement? Last)
{
    public static readonly Whereabouts Unknown = new(null, false, null, null, null);
}

/// Reads a subject's ledger: which entries stand, where it was at an instant.
public static class Ledger
{
    /// The entries that stand (none superseded by another), oldest first.
    public static IReadOnlyList<Movement> Standing(IEnumerable<Movement> entries)
    {
        var all = entries.ToList();
        var superseded = all.Where(m => m.Supersedes is not null).Select(m => m.Supersedes!.Value).ToHashSet();
        return all.Where(m => !superseded.Contains(m.Key)).OrderBy(m => m.Departed).ThenBy(m => m.Recorded).ToList();
    }

    /// Where the subject was at the instant, from its standing entries.
    public static Whereabouts At(IEnumerable<Movement> standing, DateTime instant)
    {
        var last = standing.Where(m => m.Departed <= instant).MaxBy(m => (m.Departed, m.Recorded));
        return Of(last, instant);
    }

    /// What the last entry before an instant says about the subject at it.
    public static Whereabouts Of(Movement? last, DateTime instant) => last switch
    {
        null => Whereabouts.Unknown,
        { Arrived: { } arrived } when arrived > instant => new Whereabouts(null, true, last.From, last.Crate, last),
        _ => new Whereabouts(last.To, false, null, last.Crate, last),
    };

    /// The instant ending a day in Kazakhstan (UTC+5), as UTC: "where was it on 1 April" is where it was that evening.
    public static DateTime EndOfDay(DateOnly day) =>
        new DateTimeOffset(day.AddDays(1).ToDateTime(TimeOnly.MinValue), Exhibitions.ExhibitionDays.KazakhstanTime).UtcDateTime.AddTicks(-1);
}
