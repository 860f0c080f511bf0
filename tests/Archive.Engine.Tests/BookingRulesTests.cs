using Archive.Engine.Exhibitions;

namespace Archive.Engine.Tests;

public class BookingRulesTests
{
    private static readonly Guid Carpet = Guid.NewGuid(), Bowl = Guid.NewGuid();

    private static StopBooking Stop(string opening, string? closing, params Guid[] objects) =>
        new(Guid.NewGuid(), "", DateOnly.Parse(opening), closing is null ? null : DateOnly.Parse(closing), objects);

    [Theory]
    [InlineData("2026-05-31", true)]  // the closing day of one is the opening day of the other: both on view that day
    [InlineData("2026-06-01", false)]
    public void Stops_overlap_when_a_day_is_on_view_at_both(string secondOpening, bool overlap)
    {
        var first = Stop("2026-03-01", "2026-05-31", Carpet);
        var second = Stop(secondOpening, "2026-09-15", Carpet);
        Assert.Equal(overlap, first.Overlaps(second));
        Assert.Equal(overlap ? 1 : 0, BookingRules.DoubleBookings(second, [first]).Count);
    }

    [Fact]
    public void An_open_ended_stop_overlaps_everything_after_it_opens()
    {
        Assert.True(Stop("2026-03-01", null).Overlaps(Stop("2030-01-01", "2030-02-01")));
        Assert.False(Stop("2026-03-01", null).Overlaps(Stop("2026-01-01", "2026-02-28")));
    }

    [Fact]
    public void Only_a_loan_in_force_covering_the_stop_makes_an_object_available_and_the_organiser_s_own_need_none()
    {
        var stop = Stop("2026-06-15", "2026-09-15", Carpet, Bowl);
        LoanTerms Loan(string state, IReadOnlyList<Guid> stops, string? start = null, string? end = null) =>
            new(Guid.NewGuid(), "", state, [Carpet], stops, start is null ? null : DateOnly.Parse(start), end is null ? null : DateOnly.Parse(end));
        Assert.Equal([Carpet, Bowl], BookingRules.Uncovered(stop, _ => false, [Loan("agreed", [stop.Stop])]));
        Assert.Equal([Bowl], BookingRules.Uncovered(stop, _ => false, [Loan("signed", [stop.Stop])]));
        Assert.Equal([Bowl], BookingRules.Uncovered(stop, _ => false, [Loan("active", [], "2026-06-01", "2026-09-30")]));
        Assert.Equal([Carpet, Bowl], BookingRules.Uncovered(stop, _ => false, [Loan("signed", [], "2026-06-01", "2026-09-01")]));
        Assert.Empty(BookingRules.Uncovered(stop, o => o == Bowl, [Loan("signed", [stop.Stop])]));
    }

    [Fact]
    public void A_loan_is_outlasted_by_a_stop_it_covers_that_closes_after_it_ends()
    {
        var almaty = Stop("2026-06-15", "2026-09-15");
        var loan = new LoanTerms(Guid.NewGuid(), "", "signed", [], [almaty.Stop], DateOnly.Parse("2026-02-15"), DateOnly.Parse("2026-09-14"));
        Assert.Equal([almaty], BookingRules.OutlastedBy(loan, [almaty, Stop("2026-10-01", "2026-12-01")]));
        Assert.Empty(BookingRules.OutlastedBy(loan with { End = DateOnly.Parse("2026-09-15") }, [almaty]));
    }

    [Theory]
    [InlineData("2026-06-15T10:00:00", "2026-06-15")]
    [InlineData("2026-06-15 10:00:00", "2026-06-15")]
    [InlineData("2026-06-14T20:00:00Z", "2026-06-15")] // 01:00 in Kazakhstan
    [InlineData("2026-06-15T10:00:00+05:00", "2026-06-15")]
    [InlineData("not a date", null)]
    public void A_date_picker_value_is_a_day_in_Kazakhstan(string value, string? day) =>
        Assert.Equal(day is null ? null : DateOnly.Parse(day), ExhibitionDays.Day(value));
}
