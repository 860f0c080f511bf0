using System.Text.Json;
using Archive.Engine.Content;

namespace Archive.Engine.Exhibitions;

/// Reads a loan's terms from its values (agreementState, objects, stops, loanStart, loanEnd), wherever they are stored.
public static class LoanTermsOf
{
    public static LoanTerms Read(Guid key, string name, ContentData data) =>
        new(key, name, State(data.GetValue("agreementState")), Picked(data.GetValue("objects")), Picked(data.GetValue("stops")),
            ExhibitionDays.Day(data.GetValue("loanStart")), ExhibitionDays.Day(data.GetValue("loanEnd")));

    /// The keys a picker's value names ("umb://document/…" UDIs, comma-separated).
    public static IReadOnlyList<Guid> Picked(string? value) => string.IsNullOrEmpty(value) ? []
        : value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(udi => Udi.TryParse(udi, out var parsed) ? parsed.Value.Key : Guid.Empty).Where(k => k != Guid.Empty).Distinct().ToList();

    /// A dropdown's stored value (a JSON array of one) as its text.
    public static string State(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
            return "";
        try
        {
            return JsonSerializer.Deserialize<string[]>(value)?.FirstOrDefault() ?? "";
        }
        catch (JsonException)
        {
            return value.Trim();
        }
    }
}
