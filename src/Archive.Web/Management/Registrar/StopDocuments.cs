using System.Text;
using System.Text.Encodings.Web;
using Archive.Data.Exhibitions;

namespace Archive.Web.Management.Registrar;

/// A stop's printable documents: the pack list and the condition-check forms, HTML with print styles, one page per
/// object, in the curator's language.
public static class StopDocuments
{
    private const string Styles = """
        .page { break-after: page; border-top: 1px solid #888; padding-top: 1rem; margin-top: 1rem; }
        .page:last-child { break-after: auto; }
        .warning { border: 2px solid #8a1c1c; color: #8a1c1c; padding: .25rem .5rem; font-weight: 600; }
        .line { border-bottom: 1px solid #555; min-height: 2.2rem; margin: .25rem 0 .75rem; }
        .box { border: 1px solid #555; min-height: 6rem; margin: .25rem 0 .75rem; }
        fieldset { border: 1px solid #555; } label { margin-right: 1.25rem; }
        """;

    public static string PackList(StopSheet sheet, string culture) => Page(sheet, culture, "packList", body =>
    {
        Section(body, culture, "travelling", sheet.Travelling, sheet);
        Section(body, culture, "fromLenders", sheet.FromLenders, sheet);
        Section(body, culture, "returning", sheet.Returning, sheet);
    });

    public static string ConditionChecks(StopSheet sheet, string culture) => Page(sheet, culture, "conditionChecks", body =>
    {
        foreach (var item in sheet.Checklist)
        {
            body.Append("<section class=\"page\">");
            Identification(body, culture, item, withLoan: false, heading: "h2");
            var group = $"grade-{item.Key:N}";
            body.Append("<fieldset><legend>").Append(E(W(culture, "grade"))).Append("</legend>");
            foreach (var grade in new[] { "excellent", "good", "fair", "poor" })
                body.Append($"<label><input type=\"checkbox\" name=\"{group}\"> ").Append(E(W(culture, grade))).Append("</label>");
            body.Append("</fieldset>");
            foreach (var (key, css) in new[] { ("notes", "box"), ("photographs", "line"), ("checkedBy", "line"), ("date", "line") })
                body.Append("<p><strong>").Append(E(W(culture, key))).Append($"</strong></p><div class=\"{css}\"></div>");
            body.Append("</section>");
        }
    });

    private static void Section(StringBuilder body, string culture, string title, IReadOnlyList<SheetObject> objects, StopSheet sheet)
    {
        if (objects.Count == 0)
            return;
        var heading = W(culture, title) + (title == "travelling" && sheet.PreviousStop is { } previous ? $": {previous}" + (sheet.PreviousVenue is { } v ? $", {v}" : "") : "");
        body.Append("<h2>").Append(E(heading)).Append($" ({objects.Count})</h2>");
        foreach (var item in objects)
        {
            body.Append("<section class=\"page\">");
            Identification(body, culture, item, withLoan: true, heading: "h3");
            foreach (var key in new[] { "crate", "handedOver", "received", "date" })
                body.Append("<p><strong>").Append(E(W(culture, key))).Append("</strong></p><div class=\"line\"></div>");
            body.Append("</section>");
        }
    }

    private static void Identification(StringBuilder body, string culture, SheetObject item, bool withLoan, string heading)
    {
        body.Append($"<{heading}>").Append(E(item.Name)).Append($"</{heading}>");
        if (!item.Covered)
            body.Append("<p class=\"warning\" role=\"alert\">").Append(E(W(culture, "notCovered"))).Append("</p>");
        body.Append("<dl>");
        void Row(string key, string? value)
        {
            if (!string.IsNullOrWhiteSpace(value))
                body.Append("<dt>").Append(E(W(culture, key))).Append("</dt><dd>").Append(E(value)).Append("</dd>");
        }
        Row("accession", item.AccessionNumber);
        Row("dimensions", item.Dimensions);
        Row("condition", RegistrarWords.ForValue(culture, item.Condition));
        Row("lastCheck", item.LastCheck is { } check ? RegistrarWords.ForValue(culture, check.Split(", ")[0]) + ", " + check.Split(", ")[^1] : null);
        Row("nowAt", item.NowAt == "→" ? W(culture, "inTransit") : item.NowAt);
        Row("crate", item.Crate);
        Row("owner", item.Owner);
        if (withLoan)
        {
            Row("loan", item.Loan);
            Row("state", RegistrarWords.ForValue(culture, item.LoanState));
            Row("credit", item.CreditLine);
            Row("insurance", item.InsuranceValue?.ToString("N0", System.Globalization.CultureInfo.GetCultureInfo(RegistrarWords.LanguageOf(culture))));
        }
        if (!item.Public)
            Row("private", "✓");
        body.Append("</dl>");
    }

    private static string Page(StopSheet sheet, string culture, string titleKey, Action<StringBuilder> content)
    {
        var title = $"{W(culture, titleKey)}: {sheet.Exhibition} — {sheet.Name}";
        var body = PrintablePage.Begin(culture, title, Styles)
            .Append("<h1>").Append(E(W(culture, titleKey))).Append("</h1><dl>");
        body.Append("<dt>").Append(E(W(culture, "stop"))).Append("</dt><dd>").Append(E($"{sheet.Exhibition} — {sheet.Name}")).Append("</dd>");
        if (sheet.Venue is { } venue)
            body.Append("<dt>").Append(E(W(culture, "venue"))).Append("</dt><dd>").Append(E(venue)).Append("</dd>");
        body.Append("<dt>").Append(E(W(culture, "dates"))).Append("</dt><dd>").Append(E($"{sheet.Opening:yyyy-MM-dd} – {sheet.Closing:yyyy-MM-dd}")).Append("</dd>");
        body.Append("<dt>").Append(E(W(culture, "count"))).Append("</dt><dd>").Append(sheet.Checklist.Count()).Append("</dd></dl>");
        content(body);
        return PrintablePage.End(body);
    }

    private static string W(string culture, string key) => RegistrarWords.For(culture, key);

    private static string E(string text) => PrintablePage.E(text);
}
