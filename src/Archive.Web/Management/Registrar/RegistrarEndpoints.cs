using System.Globalization;
using Archive.Data.Exhibitions;
using CsvHelper;

namespace Archive.Web.Management.Registrar;

/// Archive's own: a stop's registrar documents — the checklist as CSV, the pack list and the condition-check forms
/// as printable HTML — for curators (registrars are curators), in the language asked for (?culture=kk|ru|en…).
/// They are read from the records as they stand, drafts included, and carry private values (insurance): never public.
public static class RegistrarEndpoints
{
    public const string Route = "archive/exhibition-stop/{id:guid}";

    public static void MapRegistrarDocuments(this RouteGroupBuilder api)
    {
        var stop = api.MapGroup(Route).RequireAuthorization(ManagementPolicies.Reviewer).WithTags("Archive");
        stop.MapGet("checklist.csv", Checklist).WithName("GetArchiveExhibitionStopChecklist");
        stop.MapGet("pack-list", async (Guid id, string? culture, RegistrarSheets sheets, CancellationToken ct) =>
            await sheets.StopAsync(id, culture, ct) is { } sheet ? Html(StopDocuments.PackList(sheet, culture ?? "")) : NotFound(id))
            .WithName("GetArchiveExhibitionStopPackList");
        stop.MapGet("condition-checks", async (Guid id, string? culture, RegistrarSheets sheets, CancellationToken ct) =>
            await sheets.StopAsync(id, culture, ct) is { } sheet ? Html(StopDocuments.ConditionChecks(sheet, culture ?? "")) : NotFound(id))
            .WithName("GetArchiveExhibitionStopConditionChecks");
        api.MapGet("archive/loan/{id:guid}/agreement", AgreementAsync).RequireAuthorization(ManagementPolicies.Signed).WithTags("Archive").WithName("GetArchiveLoanAgreement");
    }

    /// A loan's agreement summary: for registrars, and for the people of the lending or borrowing institution.
    private static async Task<IResult> AgreementAsync(HttpContext context, Guid id, string? culture, RegistrarSheets sheets, CancellationToken ct)
    {
        if (await sheets.LoanAsync(id, culture, ct) is not { } loan)
            return Results.Problem(title: "Not found", detail: $"No loan with key {id}.", statusCode: 404);
        var caller = Caller.From(context.User);
        var allowed = Archive.Identity.Roles.CanReview(caller.Role) || (caller.IsScoped && caller.Reaches(loan.PartyPath));
        return allowed ? Html(LoanDocuments.Agreement(loan, culture ?? "")) : ManagementRequests.Forbidden("The loan is neither lent nor borrowed by a collection granted to you.");
    }

    private static IResult NotFound(Guid id) => Results.Problem(title: "Not found", detail: $"No exhibition stop with key {id}.", statusCode: 404);

    private static IResult Html(string html) => Results.Text(html, "text/html; charset=utf-8");

    private static async Task<IResult> Checklist(HttpContext context, Guid id, string? culture, RegistrarSheets sheets, CancellationToken ct)
    {
        if (await sheets.StopAsync(id, culture, ct) is not { } sheet)
            return NotFound(id);
        using var buffer = new MemoryStream();
        // A byte-order mark, so spreadsheet programs read Kazakh and Russian names as UTF-8; text that a spreadsheet
        // would run as a formula (a name beginning with "=") is escaped.
        using (var csv = CsvWriter.Create(buffer, new CsvWriterOptions { WriteByteOrderMark = true, Injection = CsvInjection.Escape }, true))
        {
            csv.WriteHeader(["key", "accessionNumber", "name", "heldBy", "loan", "agreementState", "creditLine", "covered", "arrivesFrom", "dimensions", "condition", "insuranceValue",
                "nowAt", "crate", "lastConditionCheck"]);
            foreach (var (item, from) in sheet.Travelling.Select(i => (i, sheet.PreviousStop ?? "")).Concat(sheet.FromLenders.Select(i => (i, i.Owner ?? ""))))
                csv.WriteRecord([item.Key.ToString(), item.AccessionNumber ?? "", item.Name, item.Owner ?? "", item.Loan ?? "", item.LoanState ?? "", item.CreditLine ?? "",
                    item.Covered ? "yes" : "no", from, item.Dimensions ?? "", item.Condition ?? "", item.InsuranceValue?.ToString(CultureInfo.InvariantCulture) ?? "",
                    item.NowAt == "→" ? "in transit" : item.NowAt ?? "", item.Crate ?? "", item.LastCheck ?? ""]);
            csv.Flush();
        }
        context.Response.Headers.ContentDisposition = $"attachment; filename=\"checklist-{id:N}.csv\"";
        return Results.Bytes(buffer.ToArray(), "text/csv; charset=utf-8");
    }
}
