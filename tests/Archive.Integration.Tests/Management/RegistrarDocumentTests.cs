using System.Net;
using System.Text;

namespace Archive.Integration.Tests.Management;

/// A stop's registrar documents over the demo: the checklist as CSV, the pack list (what travels from the stop
/// before, what comes from lenders, what goes back) and the condition-check forms, one page per object, in the
/// curator's language; for curators only.
public sealed class RegistrarDocumentTests(DocumentApiTests.Host host) : IClassFixture<DocumentApiTests.Host>
{
    private const string Api = "/umbraco/management/api/v1/archive/exhibition-stop";
    private const string AlmatyStop = "1a21842f-8222-e867-fff6-def846d349b0";
    private const string Dutar = "aed4a481-b039-1b29-b4e2-27ed5434fdce", KashgarCarpet = "603d0d87-e542-9427-79de-6898e56edf9d";
    private const string PoemCopy = "61dccb0d-af7f-58c1-cf33-1ca580da66d0"; // shown in Astana only: back to its museum

    private static int Count(string text, string part) => (text.Length - text.Replace(part, "").Length) / part.Length;

    [Fact]
    public async Task The_checklist_is_a_CSV_with_each_object_its_lender_loan_and_where_it_comes_from()
    {
        var response = await (await host.As("curator")).GetAsync($"{Api}/{AlmatyStop}/checklist.csv?culture=en");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("key,accessionNumber,name,heldBy,loan,agreementState,creditLine,covered,arrivesFrom", lines[0]);
        var carpet = lines.Single(l => l.StartsWith(KashgarCarpet));
        Assert.Contains("Kashgar carpet", carpet);
        Assert.Contains("signed", carpet);
        Assert.Contains(",yes,Astana,", carpet); // it travels on from the Astana stop
        Assert.Contains(",yes,", lines.Single(l => l.StartsWith(Dutar)));
        // The requested loan's two objects are on the list, not covered.
        Assert.Equal(2, lines.Count(l => l.Contains(",requested,") && l.Contains(",no,")));
        Assert.DoesNotContain(lines, l => l.StartsWith(PoemCopy));
    }

    [Fact]
    public async Task The_pack_list_and_condition_checks_are_printable_pages_in_the_curator_s_language()
    {
        var curator = await host.As("curator");
        var pack = await (await curator.GetAsync($"{Api}/{AlmatyStop}/pack-list?culture=ru")).Content.ReadAsStringAsync();
        Assert.Contains("<html lang=\"ru\">", pack);
        Assert.Contains("Упаковочный лист", pack);
        Assert.Contains("Перевозится с предыдущего этапа: Астана", pack);
        Assert.Contains("Возвращается владельцам после предыдущего этапа", pack);
        Assert.Contains("Список стихотворения", pack); // the poem goes back to the Pushkin museum
        Assert.Equal(2, Count(pack, "class=\"warning\"")); // the requested loan's objects may not travel
        Assert.Contains("@media print", pack);

        var checks = await (await curator.GetAsync($"{Api}/{AlmatyStop}/condition-checks?culture=kk")).Content.ReadAsStringAsync();
        Assert.Contains("<html lang=\"kk\">", checks);
        Assert.Contains("Сақталу жағдайын тексеру", checks);
        var csv = await (await curator.GetAsync($"{Api}/{AlmatyStop}/checklist.csv")).Content.ReadAsStringAsync();
        var objects = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length - 1;
        Assert.Equal(objects, Count(checks, "class=\"page\""));
        Assert.Equal(objects * 4, Count(checks, "type=\"checkbox\""));
    }

    [Fact]
    public async Task Only_curators_get_them_and_an_unknown_stop_is_a_404()
    {
        Assert.Equal(HttpStatusCode.Forbidden, (await (await host.As("viewer")).GetAsync($"{Api}/{AlmatyStop}/checklist.csv")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await host.As("korean-contributor")).GetAsync($"{Api}/{AlmatyStop}/pack-list")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await host.CreateClient().GetAsync($"{Api}/{AlmatyStop}/pack-list")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await (await host.As("curator")).GetAsync($"{Api}/{Guid.NewGuid()}/pack-list")).StatusCode);
    }

    [Fact]
    public async Task Loans_past_their_end_and_not_returned_are_flagged_in_the_tree()
    {
        // The demo's signed loans ended on 30 September 2026 and none is recorded as returned; the requested one never left.
        var tree = System.Text.Json.JsonDocument.Parse(await (await host.As("curator"))
            .GetStringAsync($"/umbraco/management/api/v1/tree/document/children?parentId=4d2242f4-308d-fd31-2629-f9e9300e1069&take=100")).RootElement;
        var flagged = tree.GetProperty("items").EnumerateArray()
            .Select(i => (Id: i.GetProperty("id").GetString()!, Overdue: i.GetProperty("flags").EnumerateArray().Any(f => f.GetProperty("alias").GetString() == "Archive.OverdueLoan")))
            .ToDictionary(i => i.Id, i => i.Overdue);
        Assert.True(flagged["ba192e36-e0c8-507c-8d73-f026900bdbc8"], "the Uyghur association's signed loan");
        Assert.Equal(6, flagged.Values.Count(v => v));
        Assert.False(flagged[AlmatyStop]);
    }

    private const string UyghurLoan = "ba192e36-e0c8-507c-8d73-f026900bdbc8", KoreanLoan = "a63a3cf7-6248-5361-bbac-0987058be8a2";

    [Fact]
    public async Task A_loan_s_agreement_summary_lists_parties_venues_conditions_and_objects_where_they_are_now()
    {
        var response = await (await host.As("curator")).GetAsync($"/umbraco/management/api/v1/archive/loan/{UyghurLoan}/agreement?culture=en");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.Content.ReadAsStringAsync();
        Assert.Contains("<html lang=\"en\">", page);
        Assert.Contains("Loan agreement summary", page);
        Assert.Contains("Private collection of the Uyghur Ethnocultural Association (sample)", page);
        Assert.Contains("Images shown no larger than (px)</dt><dd>1200", page);
        Assert.Contains("Courier accompanies each leg (sample)", page);
        Assert.Contains("Kashgar carpet", page);
        Assert.Contains("2026-06-15 – 2026-09-15", page);
        // By the ledger, the association's three objects are packed at the Almaty hall, waiting for their courier.
        Assert.Equal(3, Count(page, "(Crate KZ-2026-016 (sample))"));
        Assert.Contains("@media print", page);

        var russian = await (await (await host.As("curator")).GetAsync($"/umbraco/management/api/v1/archive/loan/{UyghurLoan}/agreement?culture=ru")).Content.ReadAsStringAsync();
        Assert.Contains("Сводка договора о передаче", russian);
        Assert.Contains("Передающая сторона", russian);
    }

    [Fact]
    public async Task An_association_s_people_read_their_own_loans_only()
    {
        var korean = await host.As("korean-contributor");
        Assert.Equal(HttpStatusCode.OK, (await korean.GetAsync($"/umbraco/management/api/v1/archive/loan/{KoreanLoan}/agreement")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await korean.GetAsync($"/umbraco/management/api/v1/archive/loan/{UyghurLoan}/agreement")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await host.As("viewer")).GetAsync($"/umbraco/management/api/v1/archive/loan/{KoreanLoan}/agreement")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await (await host.As("curator")).GetAsync($"/umbraco/management/api/v1/archive/loan/{AlmatyStop}/agreement")).StatusCode);
    }

    [Fact]
    public async Task Closing_a_stop_the_next_stop_s_pack_list_says_where_each_object_is_and_its_last_check()
    {
        var pack = await (await (await host.As("curator")).GetAsync($"{Api}/{AlmatyStop}/pack-list?culture=en")).Content.ReadAsStringAsync();
        Assert.Contains("Now at (movement ledger)", pack);
        Assert.Contains("Last condition check", pack);
        Assert.Contains("KZ-2026-016 (sample)", pack);
        var csv = await (await host.As("curator")).GetStringAsync($"{Api}/{AlmatyStop}/checklist.csv");
        Assert.Contains(",nowAt,crate,lastConditionCheck", csv.Split("\r\n")[0]);
        Assert.Contains("KZ-2026-016 (sample)", csv.Split("\r\n").Single(l => l.StartsWith(KashgarCarpet)));
    }
}
