using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace Archive.Harvesting.Oai;

/// Where a list stopped: the request it continues and the last record sent, by datestamp, change-log position and key
/// (keyset paging over records in that order). A record changed between pages moves to a later position (and a
/// datestamp no earlier) and comes again further on, so nothing is missed and nothing half-changed is skipped. The
/// token holds all of it, signed and encrypted with the archive's Data Protection keys (kept on disk, or shared in a
/// cluster): it survives a restart, is accepted by every node, cannot be forged, and expires at the time it states.
public sealed record ResumptionToken(
    string Verb,
    string MetadataPrefix,
    string? Set,
    OaiDate? From,
    OaiDate? Until,
    DateTime AfterDatestamp,
    long AfterSequence,
    Guid AfterKey,
    int Cursor,
    int CompleteListSize,
    DateTime Expires)
{
    private const string Purpose = "Archive.Harvesting.Oai.ResumptionToken.v2";

    public string Protect(IDataProtectionProvider protection)
    {
        string Date(OaiDate? date) => date is null ? "" : (date.DayOnly ? "d" : "s") + date.Value.Ticks.ToString(CultureInfo.InvariantCulture);
        var text = string.Join('\n', Verb, MetadataPrefix, Set ?? "", Date(From), Date(Until),
            AfterDatestamp.Ticks.ToString(CultureInfo.InvariantCulture), AfterSequence.ToString(CultureInfo.InvariantCulture), AfterKey.ToString("N"),
            Cursor.ToString(CultureInfo.InvariantCulture), CompleteListSize.ToString(CultureInfo.InvariantCulture),
            Expires.Ticks.ToString(CultureInfo.InvariantCulture));
        return protection.CreateProtector(Purpose).Protect(text);
    }

    /// The token read back, or why it cannot be (the message of a badResumptionToken).
    public static (ResumptionToken? Token, string? Error) Read(string token, IDataProtectionProvider protection, DateTime now)
    {
        string text;
        try
        {
            text = protection.CreateProtector(Purpose).Unprotect(token);
        }
        catch (CryptographicException)
        {
            return (null, "The resumption token is not one this repository issued.");
        }
        var parts = text.Split('\n');
        if (parts.Length != 11)
            return (null, "The resumption token is not one this repository issued.");
        static OaiDate? Date(string part) => part.Length == 0 ? null
            : new OaiDate(new DateTime(long.Parse(part[1..], CultureInfo.InvariantCulture), DateTimeKind.Utc), part[0] == 'd');
        var read = new ResumptionToken(parts[0], parts[1], parts[2].Length == 0 ? null : parts[2], Date(parts[3]), Date(parts[4]),
            new DateTime(long.Parse(parts[5], CultureInfo.InvariantCulture), DateTimeKind.Utc), long.Parse(parts[6], CultureInfo.InvariantCulture),
            Guid.ParseExact(parts[7], "N"), int.Parse(parts[8], CultureInfo.InvariantCulture), int.Parse(parts[9], CultureInfo.InvariantCulture),
            new DateTime(long.Parse(parts[10], CultureInfo.InvariantCulture), DateTimeKind.Utc));
        return read.Expires < now
            ? (null, $"The resumption token expired at {read.Expires:yyyy-MM-dd'T'HH:mm:ss'Z'}; start the list again.")
            : (read, null);
    }
}
