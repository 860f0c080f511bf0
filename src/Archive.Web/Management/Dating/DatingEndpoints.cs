using Archive.Engine.Dating;

namespace Archive.Web.Management.Dating;

/// Archive's own: what a dating text means (the back office's dating editor shows it as the curator types).
/// The same parser decides when the value is saved.
public static class DatingEndpoints
{
    public sealed record DatingResponseModel(string Text, int Earliest, int Latest);

    public static void MapDating(this RouteGroupBuilder api) =>
        api.MapGet("archive/dating", (string? text) =>
        {
            if (string.IsNullOrWhiteSpace(text) || text.Length > 200)
                return ManagementRequests.Invalid("text", "A dating text of at most 200 characters is required.");
            return HistoricalDateParser.Parse(text) is { } date
                ? Results.Ok(new DatingResponseModel(date.Text, date.Earliest, date.Latest))
                : ManagementRequests.Invalid("text", $"'{text}' is not a dating the archive understands (e.g. \"c. 1840\", \"1850s\", \"late 19th century\", \"конец XIX века\", \"1840–1850\").");
        }).WithName("GetArchiveDating").WithTags("Archive");
}
