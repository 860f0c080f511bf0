using Archive.Engine.Movements;

namespace Archive.Engine.Tests;

public sealed class MovementRulesTests
{
    private static readonly Guid Obj = Guid.NewGuid(), Store = Guid.NewGuid(), Hall = Guid.NewGuid(), Crate = Guid.NewGuid();
    private static readonly DateTime Recorded = new(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    private static Movement Move(Guid? from, Guid to, string departed, string? arrived = null, string reason = MovementReasons.Exhibition, Guid? crate = null, Guid? supersedes = null) =>
        new(Guid.NewGuid(), Obj, from, to, LedgerTime.Parse(departed)!.Value, LedgerTime.Parse(arrived), reason, null, null, crate, null, null, null, supersedes, Recorded, "registrar");

    [Fact]
    public void A_first_movement_from_anywhere_is_accepted() => Assert.Empty(MovementRules.Check(Move(null, Store, "2026-01-10"), []));

    [Fact]
    public void A_movement_cannot_start_before_the_previous_one_ended_and_names_it()
    {
        var first = Move(Store, Hall, "2026-02-01", "2026-02-03");
        var problem = Assert.Single(MovementRules.Check(Move(Hall, Store, "2026-02-02"), [first]));
        Assert.Equal("$.departed", problem.Path);
        Assert.Equal(first.Key, problem.Conflicting);
        Assert.Empty(MovementRules.Check(Move(Hall, Store, "2026-02-03"), [first]));
    }

    [Fact]
    public void A_movement_starts_where_the_ledger_has_the_object()
    {
        var first = Move(Store, Hall, "2026-02-01");
        Assert.Equal("$.from", Assert.Single(MovementRules.Check(Move(Store, Hall, "2026-03-01"), [first])).Path);
    }

    [Fact]
    public void Only_packing_and_unpacking_stay_in_place_and_arrival_follows_departure()
    {
        Assert.Equal("$.to", Assert.Single(MovementRules.Check(Move(Store, Store, "2026-01-10"), [])).Path);
        Assert.Empty(MovementRules.Check(Move(Store, Store, "2026-01-10", reason: MovementReasons.Packing, crate: Crate), []));
        Assert.Equal("$.arrived", Assert.Single(MovementRules.Check(Move(Store, Hall, "2026-01-10", "2026-01-09"), [])).Path);
        Assert.Equal("$.reason", Assert.Single(MovementRules.Check(Move(Store, Hall, "2026-01-10", reason: "whim"), [])).Path);
    }

    [Fact]
    public void A_correction_replaces_only_the_latest_standing_entry()
    {
        var first = Move(null, Store, "2026-01-01");
        var second = Move(Store, Hall, "2026-02-01");
        Assert.Empty(MovementRules.Check(Move(Store, Crate, "2026-02-01", supersedes: second.Key), [first, second]));
        Assert.Equal("$.supersedes", Assert.Single(MovementRules.Check(Move(null, Hall, "2026-01-01", supersedes: first.Key), [first, second])).Path);
    }

    [Fact]
    public void Where_it_was_follows_standing_entries_and_transit()
    {
        var first = Move(null, Store, "2026-01-01");
        var second = Move(Store, Hall, "2026-02-01T08:00", "2026-02-02T12:00");
        var fixedSecond = second with { Key = Guid.NewGuid(), To = Crate, Supersedes = second.Key, Recorded = Recorded.AddDays(1) };
        var standing = Ledger.Standing([first, second]);
        Assert.Equal(Store, Ledger.At(standing, Ledger.EndOfDay(new DateOnly(2026, 1, 31))).Location);
        Assert.True(Ledger.At(standing, LedgerTime.Parse("2026-02-01T20:00")!.Value).InTransit);
        Assert.Equal(Hall, Ledger.At(standing, Ledger.EndOfDay(new DateOnly(2026, 2, 2))).Location);
        Assert.Equal(Crate, Ledger.At(Ledger.Standing([first, second, fixedSecond]), Ledger.EndOfDay(new DateOnly(2026, 3, 1))).Location);
        Assert.Null(Ledger.At(standing, LedgerTime.Parse("2025-12-31")!.Value).Location);
    }

    [Theory]
    [InlineData("2026-04-01", false, "2026-03-31T19:00:00Z")]
    [InlineData("2026-04-01", true, "2026-04-01T18:59:59.9999999Z")]
    [InlineData("2026-04-01T09:30", false, "2026-04-01T04:30:00Z")]
    [InlineData("2026-04-01T09:30+06:00", false, "2026-04-01T03:30:00Z")]
    [InlineData("2026-04-01T09:30:00Z", false, "2026-04-01T09:30:00Z")]
    public void Ledger_times_are_Kazakhstan_time_unless_they_name_an_offset(string value, bool endOfDay, string utc) =>
        Assert.Equal(DateTime.Parse(utc, null, System.Globalization.DateTimeStyles.AdjustToUniversal), LedgerTime.Parse(value, endOfDay));

    [Theory]
    [InlineData("2026-02-30")]
    [InlineData("1 April")]
    [InlineData("2026-04-01T25:00")]
    [InlineData("")]
    public void Malformed_ledger_times_are_refused(string value) => Assert.Null(LedgerTime.Parse(value));
}
