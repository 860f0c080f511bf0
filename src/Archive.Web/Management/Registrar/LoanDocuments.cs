using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using Archive.Data.Exhibitions;

namespace Archive.Web.Management.Registrar;

/// A loan's printable agreement summary: the parties, period and venues, conditions, credit line, courier and the
/// objects with their values and where they are now, in the curator's language.
public static class LoanDocuments
{
    private const string Styles = """
        table { border-collapse: collapse; width: 100%; } th, td { border: 1px solid #777; padding: .25rem .4rem; text-align: start; vertical-align: top; }
        .signature { display: grid; grid-template-columns: 1fr 1fr; gap: 2rem; margin-top: 2rem; } .line { border-bottom: 1px solid #555; min-height: 2.5rem; }
        """;

    public static string Agreement(LoanSheet loan, string culture)
    {
        var language = RegistrarWords.LanguageOf(culture);
        var format = CultureInfo.GetCultureInfo(language);
        var body = PrintablePage.Begin(culture, $"{W(culture, "loanAgreement")}: {loan.Name}", Styles)
            .Append("<h1>").Append(E(W(culture, "loanAgreement"))).Append("</h1><p>").Append(E(loan.Name)).Append("</p><dl>");
        void Row(string key, string? value)
        {
            if (!string.IsNullOrWhiteSpace(value))
                body.Append("<dt>").Append(E(W(culture, key))).Append("</dt><dd>").Append(E(value)).Append("</dd>");
        }
        Row("state", RegistrarWords.ForValue(culture, loan.State));
        Row("lender", loan.Lender);
        Row("borrower", loan.Borrower);
        Row("period", $"{loan.Start:yyyy-MM-dd} – {loan.End:yyyy-MM-dd}");
        Row("renewals", loan.Renewals);
        Row("purpose", loan.Purpose);
        Row("credit", loan.CreditLine);
        Row("courier", loan.Courier);
        Row("insurance", loan.InsuranceValue?.ToString("N0", format));
        Row("totalInsurance", loan.Objects.Sum(o => o.InsuranceValue ?? 0) is var total and > 0 ? total.ToString("N0", format) : null);
        body.Append("</dl><h2>").Append(E(W(culture, "conditions"))).Append("</h2><dl>");
        Row("maxImage", loan.MaxImageSize?.ToString(format));
        Row("noPhoto", loan.NoPhotography ? "✓" : null);
        Row("internal", loan.InternalConditions);
        body.Append("</dl><h2>").Append(E(W(culture, "venues"))).Append("</h2><table><thead><tr>");
        foreach (var key in new[] { "stop", "venue", "dates" })
            body.Append("<th scope=\"col\">").Append(E(W(culture, key))).Append("</th>");
        body.Append("</tr></thead><tbody>");
        foreach (var stop in loan.Stops)
            body.Append("<tr><td>").Append(E(stop.Name)).Append("</td><td>").Append(E(stop.Venue ?? "")).Append("</td><td>")
                .Append(E($"{stop.Opening:yyyy-MM-dd} – {stop.Closing:yyyy-MM-dd}")).Append("</td></tr>");
        body.Append("</tbody></table><h2>").Append(E(W(culture, "count"))).Append($" ({loan.Objects.Count})</h2><table><thead><tr>");
        foreach (var key in new[] { "object", "accession", "dimensions", "lastCheck", "nowAt", "insurance" })
            body.Append("<th scope=\"col\">").Append(E(W(culture, key))).Append("</th>");
        body.Append("</tr></thead><tbody>");
        foreach (var item in loan.Objects)
        {
            var check = item.LastCheck is { } c ? RegistrarWords.ForValue(culture, c.Split(", ")[0]) + ", " + c.Split(", ")[^1] : RegistrarWords.ForValue(culture, item.Condition);
            var at = item.NowAt == "→" ? W(culture, "inTransit") : item.NowAt;
            body.Append("<tr>");
            foreach (var cell in new[] { item.Name, item.AccessionNumber, item.Dimensions, check, at + (item.Crate is { } crate ? $" ({W(culture, "crate")} {crate})" : ""), item.InsuranceValue?.ToString("N0", format) })
                body.Append("<td>").Append(E(cell ?? "")).Append("</td>");
            body.Append("</tr>");
        }
        body.Append("</tbody></table><h2>").Append(E(W(culture, "signatures"))).Append("</h2><div class=\"signature\">");
        foreach (var party in new[] { loan.Lender, loan.Borrower })
            body.Append("<div><p>").Append(E(party ?? "")).Append("</p><div class=\"line\"></div><p>").Append(E(W(culture, "date"))).Append("</p><div class=\"line\"></div></div>");
        body.Append("</div>");
        return PrintablePage.End(body);
    }

    private static string W(string culture, string key) => RegistrarWords.For(culture, key);

    private static string E(string text) => PrintablePage.E(text);
}
