using System.Globalization;
using System.Xml.Linq;
using Archive.Engine.Movements;

namespace Archive.Engine.USync;

/// One subject's ledger in a uSync folder (Archive's own handler, Ledger/): its movements, condition checks and
/// homes, and for a crate its number; entries are appended on import, never changed.
public sealed record LedgerFile(Guid Subject, string? CrateNumber, string? CrateDescription, IReadOnlyList<Movement> Movements,
    IReadOnlyList<ConditionCheck> Checks, IReadOnlyList<HomeLocation> Homes);

public static class LedgerSerializer
{
    public static XElement Write(LedgerFile file)
    {
        var root = new XElement("Ledger", new XAttribute("Key", file.Subject));
        if (file.CrateNumber is { } number)
            root.Add(new XElement("Crate", new XAttribute("Number", number), file.CrateDescription ?? ""));
        foreach (var home in file.Homes)
            root.Add(new XElement("Home", new XAttribute("Location", home.Location), Time("Since", home.Since), Time("Recorded", home.Recorded), new XAttribute("RecordedBy", home.RecordedBy)));
        foreach (var m in file.Movements)
            root.Add(new XElement("Movement", new XAttribute("Key", m.Key), Optional("From", m.From), new XAttribute("To", m.To), Time("Departed", m.Departed),
                m.Arrived is { } arrived ? Time("Arrived", arrived) : null, new XAttribute("Reason", m.Reason), Optional("AuthorisedBy", m.AuthorisedBy),
                Optional("MovedBy", m.MovedBy), Optional("Crate", m.Crate), Optional("Stop", m.Stop), Optional("Loan", m.Loan), Optional("Supersedes", m.Supersedes),
                Time("Recorded", m.Recorded), new XAttribute("RecordedBy", m.RecordedBy), m.Note is { } note ? new XCData(note) : null));
        foreach (var c in file.Checks)
            root.Add(new XElement("ConditionCheck", new XAttribute("Key", c.Key), Time("Checked", c.Checked), new XAttribute("CheckedBy", c.CheckedBy),
                new XAttribute("Grade", c.Grade), c.Photographs.Count > 0 ? new XAttribute("Photographs", string.Join(",", c.Photographs)) : null,
                Optional("Movement", c.Movement), Optional("Stop", c.Stop), Optional("Supersedes", c.Supersedes), Time("Recorded", c.Recorded),
                new XAttribute("RecordedBy", c.RecordedBy), c.Notes is { } notes ? new XCData(notes) : null));
        return root;
    }

    public static LedgerFile Read(XElement root, string file)
    {
        var subject = USyncXml.KeyOf(root, file);
        var crate = root.Element("Crate");
        try
        {
            return new LedgerFile(subject, crate?.Attribute("Number")?.Value, crate is null || crate.Value.Length == 0 ? null : crate.Value,
                root.Elements("Movement").Select(m => new Movement(GuidOf(m, "Key"), subject, OptionalGuid(m, "From"), GuidOf(m, "To"), TimeOf(m, "Departed"),
                    m.Attribute("Arrived") is null ? null : TimeOf(m, "Arrived"), Text(m, "Reason"), m.Attribute("AuthorisedBy")?.Value, m.Attribute("MovedBy")?.Value,
                    OptionalGuid(m, "Crate"), OptionalGuid(m, "Stop"), OptionalGuid(m, "Loan"), m.Value.Length == 0 ? null : m.Value, OptionalGuid(m, "Supersedes"),
                    TimeOf(m, "Recorded"), Text(m, "RecordedBy"))).ToList(),
                root.Elements("ConditionCheck").Select(c => new ConditionCheck(GuidOf(c, "Key"), subject, TimeOf(c, "Checked"), Text(c, "CheckedBy"), Text(c, "Grade"),
                    c.Value.Length == 0 ? null : c.Value, (c.Attribute("Photographs")?.Value ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries).Select(Guid.Parse).ToList(),
                    OptionalGuid(c, "Movement"), OptionalGuid(c, "Stop"), OptionalGuid(c, "Supersedes"), TimeOf(c, "Recorded"), Text(c, "RecordedBy"))).ToList(),
                root.Elements("Home").Select(h => new HomeLocation(subject, GuidOf(h, "Location"), TimeOf(h, "Since"), TimeOf(h, "Recorded"), Text(h, "RecordedBy"))).ToList());
        }
        catch (FormatException ex)
        {
            throw new USyncFormatException(file, ex.Message);
        }
    }

    private static XAttribute Time(string name, DateTime utc) => new(name, DateTime.SpecifyKind(utc, DateTimeKind.Utc).ToString("yyyy-MM-ddTHH:mm:ss.FFFFFFFZ", CultureInfo.InvariantCulture));

    private static XAttribute? Optional(string name, object? value) => value is null ? null : new XAttribute(name, value);

    private static string Text(XElement e, string name) => e.Attribute(name)?.Value is { Length: > 0 } value ? value
        : throw new FormatException($"<{e.Name.LocalName}> needs a {name} attribute.");

    private static Guid GuidOf(XElement e, string name) => Guid.TryParse(Text(e, name), out var key) ? key
        : throw new FormatException($"<{e.Name.LocalName} {name}=\"{e.Attribute(name)?.Value}\"> is not a key.");

    private static Guid? OptionalGuid(XElement e, string name) => e.Attribute(name) is null ? null : GuidOf(e, name);

    private static readonly string[] Times = ["yyyy-MM-ddTHH:mm:ss.FFFFFFFK", "yyyy-MM-ddTHH:mm:ssK", "yyyy-MM-ddTHH:mmK"];

    /// ISO 8601 instants only ("2026-02-18T03:00:00Z"): a ledger is exchanged between archives, so nothing is guessed.
    private static DateTime TimeOf(XElement e, string name) =>
        DateTime.TryParseExact(Text(e, name), Times, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var time) ? time
            : throw new FormatException($"<{e.Name.LocalName} {name}=\"{e.Attribute(name)?.Value}\"> is not a time.");
}
