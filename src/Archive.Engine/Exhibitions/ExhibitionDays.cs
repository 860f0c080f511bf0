using System.Globalization;
using System.Text.RegularExpressions;

namespace Archive.Engine.Exhibitions;

/// Exhibition and loan dates are days in Kazakhstan (UTC+5): the date pickers hold the wall time a registrar
/// entered, and the day is its date; a value that names its offset is taken to Kazakhstan time first.
public static partial class ExhibitionDays
{
    public static readonly TimeSpan KazakhstanTime = TimeSpan.FromHours(5);

    [GeneratedRegex(@"(Z|[+-]\d\d:?\d\d)$")]
    private static partial Regex Offset();

    public static DateOnly? Day(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
            return null;
        var trimmed = value.Trim();
        if (trimmed.Contains('T') && Offset().IsMatch(trimmed) && DateTimeOffset.TryParse(trimmed, CultureInfo.InvariantCulture, DateTimeStyles.None, out var instant))
            return DateOnly.FromDateTime(instant.ToOffset(KazakhstanTime).DateTime);
        return DateTime.TryParse(trimmed, CultureInfo.InvariantCulture, DateTimeStyles.None, out var time) ? DateOnly.FromDateTime(time) : null;
    }

    /// Today in Kazakhstan.
    public static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(clock.GetUtcNow().ToOffset(KazakhstanTime).DateTime);
}
