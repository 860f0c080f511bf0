namespace Archive.Engine.Dating;

/// A date as curators write it ("c. 1840", "конец XIX века") with the span of years it stands for.
public sealed record HistoricalDate(string Text, int Earliest, int Latest)
{
    public bool Overlaps(int? from, int? to) => (from is null || Latest >= from) && (to is null || Earliest <= to);

    /// Every century the span touches, as 1-based numbers (1840–1910 → 19, 20).
    public IEnumerable<int> Centuries()
    {
        for (var c = CenturyOf(Earliest); c <= CenturyOf(Latest); c++)
            yield return c;
    }

    // "19th century" is 1800–1899 in museum practice, so the century of a year is year / 100 + 1.
    private static int CenturyOf(int year) => year >= 0 ? year / 100 + 1 : year / 100 - 1;
}
