using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Archive.Data;
using Archive.Data.Content;
using Archive.Engine.Content;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Archive.Integration.Tests.Management;

/// The registrar's rules, kept when something is published and refused naming the field and the conflicting record,
/// with nothing stored: an object at two stops whose days overlap (409), an object that is not the organiser's own
/// and that no signed loan covers (422), a loan ending before a stop it covers closes (422), a route through a place
/// that is not published (422). Drafts may break them: a checklist is drawn up before its loans are signed.
public sealed class BookingRuleTests(DocumentApiTests.Host host) : IClassFixture<DocumentApiTests.Host>
{
    private const string Api = "/umbraco/management/api/v1";
    private const string Exhibition = "4d2242f4-308d-fd31-2629-f9e9300e1069", AstanaStop = "6ee8018d-3427-ed92-607f-448dfa37d97d";
    private const string AlmatyHall = "59d05968-2d60-dadb-85da-7a7950eb6706", Venues = "d439081f-15b9-797d-7fc0-667614fd481b";
    private const string KashgarCarpet = "603d0d87-e542-9427-79de-6898e56edf9d", RiceBowl = "10f9cb74-93a8-a2f9-c32b-130698ee0d61";
    private const string PushkinManuscript = "61dccb0d-af7f-58c1-cf33-1ca580da66d0", UyghurLoan = "ba192e36-e0c8-507c-8d73-f026900bdbc8";
    private const string TarazHouse = "a9c31c69-54b1-541f-81ee-c1ca22e4e445";

    private static string Udis(params string[] keys) => string.Join(",", keys.Select(k => "umb://document/" + Guid.Parse(k).ToString("N")));

    private async Task<T> Content<T>(Func<ContentService, Task<T>> action)
    {
        using var scope = host.Services.CreateScope();
        return await action(scope.ServiceProvider.GetRequiredService<ContentService>());
    }

    private async Task<bool> IsPublished(Guid key)
    {
        using var scope = host.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ArchiveDbContext>();
        var id = await db.Nodes.Where(n => n.Key == key).Select(n => n.Id).SingleAsync();
        return await db.NodeVersions.AnyAsync(v => v.NodeId == id && v.IsPublished);
    }

    /// A draft stop of the demo's exhibition, saved (drafts keep no rule).
    private async Task<Guid> DraftStopAsync(string name, string opening, string closing, params string[] objects)
    {
        var created = await Content(c => c.CreateAsync(Guid.Parse(Exhibition), "exhibitionStop", new ContentEdit
        {
            Names = new Dictionary<string, string> { ["en"] = name, ["kk"] = name, ["ru"] = name },
            Values =
            [
                new ValueEdit("openingDate", null, JsonValue.Create(opening + " 10:00:00")), new ValueEdit("closingDate", null, JsonValue.Create(closing + " 18:00:00")),
                new ValueEdit("venue", null, JsonValue.Create(Udis(AlmatyHall))), new ValueEdit("objects", null, JsonValue.Create(Udis(objects))),
            ],
        }, "curator"));
        Assert.True(created.Succeeded, created.ToString());
        return created.Key!.Value;
    }

    private async Task<(HttpStatusCode Status, JsonElement Body)> PublishOverApi(Guid key)
    {
        var response = await (await host.As("curator")).PutAsJsonAsync($"{Api}/document/{key}/publish",
            new { publishSchedules = new[] { new { culture = "en" }, new { culture = "kk" }, new { culture = "ru" } } });
        var body = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, body.Length == 0 ? default : JsonDocument.Parse(body).RootElement.Clone());
    }

    private static string Errors(JsonElement problem, string field) =>
        string.Join(" | ", problem.GetProperty("errors").GetProperty(field).EnumerateArray().Select(e => e.GetString()));

    [Fact]
    public async Task An_object_booked_at_a_stop_whose_days_overlap_is_a_409_naming_the_other_stop()
    {
        var stop = await DraftStopAsync("Pop-up in April", "2026-04-10", "2026-04-20", KashgarCarpet);
        var (status, problem) = await PublishOverApi(stop);
        Assert.Equal(HttpStatusCode.Conflict, status);
        Assert.Contains(AstanaStop, Errors(problem, "objects"));
        Assert.Contains(KashgarCarpet, Errors(problem, "objects"));
        Assert.False(await IsPublished(stop));
    }

    [Fact]
    public async Task An_object_no_signed_loan_covers_is_a_422_and_the_organiser_s_own_need_none()
    {
        var stop = await DraftStopAsync("Autumn in Almaty", "2026-10-01", "2026-10-31", RiceBowl, KashgarCarpet);
        var (status, problem) = await PublishOverApi(stop);
        Assert.Equal((HttpStatusCode)422, status);
        var errors = Errors(problem, "objects");
        Assert.Contains(RiceBowl, errors);
        Assert.Contains(KashgarCarpet, errors); // its loan covers the Astana and Almaty stops only
        Assert.False(await IsPublished(stop));

        var own = await DraftStopAsync("Winter in Almaty", "2026-11-01", "2026-11-30", PushkinManuscript);
        Assert.Equal(HttpStatusCode.OK, (await PublishOverApi(own)).Status);
        Assert.True(await IsPublished(own));
    }

    [Fact]
    public async Task A_loan_ending_before_a_stop_it_covers_closes_is_a_422_naming_loanEnd_and_nothing_changes()
    {
        var saved = await Content(c => c.SaveAsync(Guid.Parse(UyghurLoan), new ContentEdit { Values = [new ValueEdit("loanEnd", null, JsonValue.Create("2026-08-01 00:00:00"))] }, "curator"));
        Assert.True(saved.Succeeded, saved.ToString());
        var (status, problem) = await PublishOverApi(Guid.Parse(UyghurLoan));
        Assert.Equal((HttpStatusCode)422, status);
        Assert.Contains("1a21842f-8222-e867-fff6-def846d349b0", Errors(problem, "loanEnd")); // the Almaty stop closes on 15 September
        using var scope = host.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ArchiveDbContext>();
        var id = await db.Nodes.Where(n => n.Key == Guid.Parse(UyghurLoan)).Select(n => n.Id).SingleAsync();
        var published = ContentData.FromJson(await db.NodeVersions.Where(v => v.NodeId == id && v.IsPublished).Select(v => v.Data).SingleAsync());
        Assert.StartsWith("2026-09-30", published.GetValue("loanEnd"));
    }

    [Fact]
    public async Task A_route_through_a_place_that_is_not_published_is_a_422_naming_stops()
    {
        var draftVenue = await Content(c => c.CreateAsync(Guid.Parse(Venues), "venue", new ContentEdit
        {
            Names = new Dictionary<string, string> { ["en"] = "Storeroom (not public)", ["kk"] = "Қойма", ["ru"] = "Хранилище" },
        }, "curator"));
        Assert.True(draftVenue.Succeeded, draftVenue.ToString());
        var route = await Content(c => c.CreateAsync(Guid.Parse(Venues), "route", new ContentEdit
        {
            Names = new Dictionary<string, string> { ["en"] = "Through the storeroom", ["kk"] = "Қойма арқылы", ["ru"] = "Через хранилище" },
            Values = [new ValueEdit("stops", null, JsonValue.Create(Udis(TarazHouse, draftVenue.Key!.Value.ToString())))],
        }, "curator"));
        Assert.True(route.Succeeded, route.ToString());
        var (status, problem) = await PublishOverApi(route.Key!.Value);
        Assert.Equal((HttpStatusCode)422, status);
        Assert.Contains(draftVenue.Key!.Value.ToString(), Errors(problem, "stops"));
        Assert.False(await IsPublished(route.Key!.Value));
    }
}
