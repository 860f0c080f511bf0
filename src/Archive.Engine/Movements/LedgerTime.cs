using System.Globalization;

namespace Archive.Engine.Movements;

/// Instants of the ledger as registrars write them: a date ("2026-03-01") or a wall time ("2026-03-01T09:30") is in
/// Kazakhstan (UTC+5); a value naming its offset ("…Z", "…+06:00") is taken as it says. Stored as UTC.
public static class LedgerTime
{
    /// The instant a value names; a bare date names the start of that day, or its end where endOfDay is asked
    /// ("where was it on 1 April" is where it was that evening).
    public static DateTime? Parse(string? value, bool endOfDay = false)
    {
        if (string.IsNullOrWhiteSpace(value))
            return null;
        var trimmed = value.Trim();
        if (DateOnly.TryParseExact(trimmed, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            return endOfDay ? Ledger.EndOfDay(day) : new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), Exhibitions.ExhibitionDays.KazakhstanTime).UtcDateTime;
        if (!trimmed.Contains('T'))
            return null;
        if (DateTimeOffset.TryParseExact(trimmed, ["yyyy-MM-ddTHH:mmzzz", "yyyy-MM-ddTHH:mm:sszzz", "yyyy-MM-ddTHH:mm:ss.FFFFFFFzzz", "yyyy-MM-ddTHH:mmZ", "yyyy-MM-ddTHH:mm:ssZ", "yyyy-MM-ddTHH:mm:ss.FFFFFFFZ"],
                CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var withOffset))
            return withOffset.UtcDateTime;
        if (DateTime.TryParseExact(trimmed, ["yyyy-MM-ddTHH:mm", "yyyy-MM-ddTHH:mm:ss", "yyyy-MM-ddTHH:mm:ss.FFFFFFF"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var wall))
            return new DateTimeOffset(wall, Exhibitions.ExhibitionDays.KazakhstanTime).UtcDateTime;
        return null;
    }

    /// An instant as Kazakhstan wall time with its offset, as the API answers.
    public static string Format(DateTime utc) =>
        new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc)).ToOffset(Exhibitions.ExhibitionDays.KazakhstanTime).ToString("yyyy-MM-ddTHH:mm:sszzz", CultureInfo.InvariantCulture);
}
