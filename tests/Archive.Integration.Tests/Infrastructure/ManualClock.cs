namespace Archive.Integration.Tests.Infrastructure;

/// A clock the test moves by hand (schedules, audit times).
public sealed class ManualClock(DateTimeOffset start) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = start;

    public override DateTimeOffset GetUtcNow() => Now;

    public void Advance(TimeSpan by) => Now += by;
}
