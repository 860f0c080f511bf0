using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Archive.Integration.Tests.Management;

/// The movement ledger over the Management API: movements (alone, in crates), where an object was on a day, what is
/// away from home, condition checks, corrections by superseding entries, the registrar's rules refused with the field
/// and the conflicting entry and nothing stored, and who may read and write it.
public sealed class LedgerTests(DocumentApiTests.Host host) : IClassFixture<DocumentApiTests.Host>
{
    private const string Api = "/umbraco/management/api/v1/archive";
    private const string Pushkin = DocumentApiTests.Pushkin, Korean = DocumentApiTests.Korean;
    private const string Onegin = "f26aea2c-363d-85e7-c7b5-3b4377a9239c", Engraving = "d9d9ced0-b053-6277-7c6f-37aee4bc1b11";
    private const string Portrait = "74abed7f-df02-0acb-eb6e-6b236261e224", InkPen = "1fd1158c-de72-380c-b356-6d8f86a73643";
    private const string LetterHome = "1d2354a3-71ce-3641-4676-700b34b549c9", PoemCopy = "61dccb0d-af7f-58c1-cf33-1ca580da66d0";
    private const string Chest = DocumentApiTests.Chest, Hanbok = "d655a4c7-4a15-e5b7-e108-d13addf5f1d8";
    private const string AstanaHall = "224b8b1c-691d-2b02-a42d-3d8528fd2dbc", AlmatyHall = "59d05968-2d60-dadb-85da-7a7950eb6706";

    private static StringContent Body(object value) => new(JsonSerializer.Serialize(value), Encoding.UTF8, "application/json");

    private static async Task<JsonElement> Json(HttpResponseMessage response) => JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();

    private async Task<HttpResponseMessage> Move(object movement) => await (await host.As("curator")).PostAsync($"{Api}/movement", Body(movement));

    private async Task<JsonElement> Where(string obj, string? at = null) =>
        await Json(await (await host.As("curator")).GetAsync($"{Api}/object/{obj}/whereabouts?culture=en" + (at is null ? "" : $"&at={Uri.EscapeDataString(at)}")));

    private async Task<int> LedgerLength(string obj) =>
        (await Json(await (await host.As("curator")).GetAsync($"{Api}/object/{obj}/ledger"))).GetProperty("movements").GetArrayLength();

    [Fact]
    public async Task A_movement_is_appended_and_where_the_object_was_on_any_day_is_answered()
    {
        var before = await LedgerLength(Onegin);
        var moved = await Move(new
        {
            @object = Onegin, to = AstanaHall, departed = "2027-02-20T09:00", arrived = "2027-02-21T15:30", reason = "exhibition",
            authorisedBy = "A. Seitkali, registrar", movedBy = "Art transport LLP", note = "Courier travels with the object", unknownMember = 1
        });
        Assert.Equal(HttpStatusCode.Created, moved.StatusCode);
        var entry = (await Json(moved))[0];
        Assert.Equal("2027-02-20T09:00:00+05:00", entry.GetProperty("departed").GetString());
        Assert.Equal(AstanaHall, entry.GetProperty("to").GetProperty("id").GetString());
        Assert.Equal(before + 1, await LedgerLength(Onegin));

        var there = await Where(Onegin, "2027-03-01");
        Assert.Equal(AstanaHall, there.GetProperty("location").GetProperty("id").GetString());
        Assert.StartsWith("Exhibition hall of the House of Friendship, Astana", there.GetProperty("location").GetProperty("name").GetString());
        var onTheRoad = await Where(Onegin, "2027-02-20T18:00+05:00");
        Assert.True(onTheRoad.GetProperty("inTransit").GetBoolean());
        Assert.Equal(JsonValueKind.Null, onTheRoad.GetProperty("location").ValueKind);
        var earlier = await Where(Onegin, "2027-02-19");
        Assert.NotEqual(AstanaHall, earlier.GetProperty("location").ValueKind == JsonValueKind.Null ? null : earlier.GetProperty("location").GetProperty("id").GetString());
    }

    [Fact]
    public async Task Rules_are_refused_naming_the_field_and_the_conflicting_entry_with_nothing_stored()
    {
        Assert.Equal(HttpStatusCode.Created, (await Move(new { @object = Engraving, to = AstanaHall, departed = "2027-04-01", arrived = "2027-04-03", reason = "exhibition" })).StatusCode);
        var length = await LedgerLength(Engraving);

        var early = await Move(new { @object = Engraving, to = AlmatyHall, departed = "2027-04-02", reason = "exhibition" });
        Assert.Equal(HttpStatusCode.Conflict, early.StatusCode);
        var problem = await Json(early);
        Assert.Contains("cannot start before", problem.GetProperty("errors").GetProperty("$.departed")[0].GetString());

        var wrongFrom = await Move(new { @object = Engraving, from = AlmatyHall, to = Pushkin, departed = "2027-05-01", reason = "loanReturn" });
        Assert.Equal(HttpStatusCode.Conflict, wrongFrom.StatusCode);
        Assert.Contains(AstanaHall, (await Json(wrongFrom)).GetProperty("errors").GetProperty("$.from")[0].GetString());

        var nowhere = await Move(new { @object = Engraving, to = Guid.NewGuid(), departed = "2027-05-01", reason = "storage" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, nowhere.StatusCode);
        Assert.True((await Json(nowhere)).GetProperty("errors").TryGetProperty("$.to", out _));
        var notAPlace = await Move(new { @object = Engraving, to = Onegin, departed = "2027-05-01", reason = "storage" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, notAPlace.StatusCode);
        var reason = await Move(new { @object = Engraving, to = AlmatyHall, departed = "2027-05-01", reason = "holiday" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, reason.StatusCode);
        Assert.True((await Json(reason)).GetProperty("errors").TryGetProperty("$.reason", out _));
        var backwards = await Move(new { @object = Engraving, to = AlmatyHall, departed = "2027-05-03", arrived = "2027-05-01", reason = "exhibition" });
        Assert.True((await Json(backwards)).GetProperty("errors").TryGetProperty("$.arrived", out _));

        foreach (var (json, path) in new[]
        {
            ($$"""{"object":"{{Engraving}}","to":"{{AlmatyHall}}","departed":"1 May","reason":"exhibition"}""", "$.departed"),
            ($$"""{"object":"{{Engraving}}","to":"{{AlmatyHall}}","departed":"2027-02-30","reason":"exhibition"}""", "$.departed"),
            ($$"""{"object":"{{Engraving}}","departed":"2027-05-01","reason":"exhibition"}""", "$.to"),
            ($$"""{"object":"{{Engraving}}","to":"{{AlmatyHall}}","departed":"2027-05-01"}""", "$.reason"),
            ($$"""{"object":"{{Engraving}}","to":12,"departed":"2027-05-01","reason":"exhibition"}""", "$.to"),
            ($$"""{"object":"{{Engraving}}","to":"{{AlmatyHall}}","departed":"2027-05-01","reason":"exhibition",}""", "$"),
        })
        {
            var response = await (await host.As("curator")).PostAsync($"{Api}/movement", new StringContent(json, Encoding.UTF8, "application/json"));
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Contains((await Json(response)).GetProperty("errors").EnumerateObject(), e => e.Name.StartsWith(path, StringComparison.Ordinal));
        }
        Assert.Equal(length, await LedgerLength(Engraving));
    }

    [Fact]
    public async Task A_crate_moves_with_its_contents_and_each_object_has_its_own_entry()
    {
        var created = await (await host.As("curator")).PostAsync($"{Api}/crate", Body(new { number = "KZ-2027-001", description = "Climate case, 120×80×60 cm" }));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var crate = created.Headers.GetValues("Umb-Generated-Resource").Single();
        Assert.Equal(HttpStatusCode.BadRequest, (await (await host.As("curator")).PostAsync($"{Api}/crate", Body(new { number = "KZ-2027-001" }))).StatusCode);

        foreach (var obj in new[] { Portrait, InkPen })
        {
            Assert.Equal(HttpStatusCode.Created, (await Move(new { @object = obj, to = Pushkin, departed = "2027-06-01T10:00", reason = "storage" })).StatusCode);
            Assert.Equal(HttpStatusCode.Created, (await Move(new { @object = obj, from = Pushkin, to = Pushkin, crate, departed = "2027-06-02T10:00", reason = "packing" })).StatusCode);
        }
        var trip = await Move(new { crate, to = AlmatyHall, departed = "2027-06-03T08:00", arrived = "2027-06-05T12:00", reason = "exhibition", movedBy = "Art transport LLP" });
        Assert.Equal(HttpStatusCode.Created, trip.StatusCode);
        Assert.Equal(3, (await Json(trip)).GetArrayLength()); // the crate's own entry and one per object

        var pen = await Where(InkPen, "2027-06-06");
        Assert.Equal(AlmatyHall, pen.GetProperty("location").GetProperty("id").GetString());
        Assert.Equal("KZ-2027-001", pen.GetProperty("crate").GetProperty("name").GetString());
        Assert.True((await Where(Portrait, "2027-06-04")).GetProperty("inTransit").GetBoolean());

        var inCrate = await Json(await (await host.As("curator")).GetAsync($"{Api}/crate/{crate}?culture=en&at=2027-06-05"));
        Assert.Equal(2, inCrate.GetProperty("contents").GetArrayLength());
        Assert.Equal(AlmatyHall, inCrate.GetProperty("where").GetProperty("location").GetProperty("id").GetString());

        // Unpacked, the pen leaves the crate; the portrait stays in it.
        Assert.Equal(HttpStatusCode.Created, (await Move(new { @object = InkPen, from = AlmatyHall, to = AlmatyHall, departed = "2027-06-06T10:00", reason = "unpacking" })).StatusCode);
        var after = await Json(await (await host.As("curator")).GetAsync($"{Api}/crate/{crate}?at=2027-06-07"));
        Assert.Equal(Portrait, after.GetProperty("contents").EnumerateArray().Single().GetProperty("id").GetString());
        var here = await Json(await (await host.As("curator")).GetAsync($"{Api}/location/{AlmatyHall}/objects?at=2027-06-07"));
        Assert.Equal(2, here.GetProperty("items").EnumerateArray().Count(i => i.GetProperty("object").GetProperty("id").GetString() is Portrait or InkPen));
    }

    [Fact]
    public async Task Objects_away_from_their_home_are_listed_until_they_come_back()
    {
        var curator = await host.As("curator");
        Assert.Equal(HttpStatusCode.OK, (await curator.PutAsync($"{Api}/object/{LetterHome}/home", Body(new { location = Pushkin, since = "2027-01-01" }))).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await Move(new { @object = LetterHome, to = Pushkin, departed = "2027-07-01", reason = "inventory" })).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await Move(new { @object = LetterHome, to = AlmatyHall, departed = "2027-07-10", arrived = "2027-07-11", reason = "exhibition" })).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await Move(new { @object = LetterHome, to = Pushkin, departed = "2027-09-20", arrived = "2027-09-21", reason = "loanReturn" })).StatusCode);

        async Task<bool> Away(string at) => (await Json(await curator.GetAsync($"{Api}/whereabouts/away?at={at}&take=1000"))).GetProperty("items").EnumerateArray()
            .Any(i => i.GetProperty("object").GetProperty("id").GetString() == LetterHome && i.GetProperty("awayFromHome").GetBoolean());
        Assert.False(await Away("2027-07-05"));
        Assert.True(await Away("2027-08-01"));
        Assert.False(await Away("2027-10-01"));
        var everyone = await Json(await curator.GetAsync($"{Api}/whereabouts?at=2027-08-01&take=5"));
        Assert.Equal(5, everyone.GetProperty("items").GetArrayLength());
        Assert.True(everyone.GetProperty("total").GetInt32() > 40);
        Assert.Equal(HttpStatusCode.BadRequest, (await curator.GetAsync($"{Api}/whereabouts?at=yesterday")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await curator.GetAsync($"{Api}/whereabouts?take=5000")).StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await curator.PutAsync($"{Api}/object/{LetterHome}/home", Body(new { location = Onegin }))).StatusCode);
    }

    [Fact]
    public async Task Condition_checks_are_recorded_on_the_object_s_scale_and_a_correction_supersedes_the_latest_entry()
    {
        var curator = await host.As("curator");
        var moved = await Json(await Move(new { @object = PoemCopy, to = AstanaHall, departed = "2027-08-01", reason = "exhibition" }));
        var movement = moved[0].GetProperty("id").GetString();
        var check = await curator.PostAsync($"{Api}/condition-check", Body(new
        {
            @object = PoemCopy, @checked = "2027-08-02", checkedBy = "G. Omarova, conservator", grade = "good",
            notes = "Slight foxing at the lower margin, unchanged", movement
        }));
        Assert.Equal(HttpStatusCode.Created, check.StatusCode);
        var wrongGrade = await curator.PostAsync($"{Api}/condition-check", Body(new { @object = PoemCopy, @checked = "2027-08-02", checkedBy = "G. Omarova", grade = "shiny" }));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, wrongGrade.StatusCode);
        Assert.Contains("excellent", (await Json(wrongGrade)).GetProperty("errors").GetProperty("$.grade")[0].GetString());
        var noPhoto = await curator.PostAsync($"{Api}/condition-check", Body(new { @object = PoemCopy, @checked = "2027-08-02", checkedBy = "G. Omarova", grade = "good", photographs = new[] { Guid.NewGuid() } }));
        Assert.True((await Json(noPhoto)).GetProperty("errors").TryGetProperty("$.photographs[0]", out _));

        // The hall was wrong: the correction replaces the entry; the entry stays on record, marked superseded.
        var corrected = await Move(new { @object = PoemCopy, to = AlmatyHall, departed = "2027-08-01", reason = "exhibition", supersedes = movement });
        Assert.Equal(HttpStatusCode.Created, corrected.StatusCode);
        Assert.Equal(AlmatyHall, (await Where(PoemCopy, "2027-08-03")).GetProperty("location").GetProperty("id").GetString());
        var ledger = await Json(await curator.GetAsync($"{Api}/object/{PoemCopy}/ledger"));
        Assert.True(ledger.GetProperty("movements").EnumerateArray().Single(m => m.GetProperty("id").GetString() == movement).GetProperty("superseded").GetBoolean());
        Assert.Equal("good", ledger.GetProperty("conditionChecks").EnumerateArray().Single(c => c.GetProperty("notes").GetString()?.Contains("foxing") == true).GetProperty("grade").GetString());
        // Only the latest standing entry can be corrected.
        var again = await Move(new { @object = PoemCopy, to = Pushkin, departed = "2027-08-01", reason = "exhibition", supersedes = movement });
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
    }

    [Fact]
    public async Task Only_one_of_two_registrars_moving_the_same_object_at_once_succeeds()
    {
        Assert.Equal(HttpStatusCode.Created, (await Move(new { @object = Hanbok, to = Korean, departed = "2027-09-01", reason = "storage" })).StatusCode);
        var attempts = await Task.WhenAll(Enumerable.Range(0, 8).Select(i =>
            Move(new { @object = Hanbok, from = Korean, to = i % 2 == 0 ? AstanaHall : AlmatyHall, departed = "2027-09-10", reason = "exhibition" })));
        Assert.Equal(1, attempts.Count(a => a.StatusCode == HttpStatusCode.Created));
        Assert.All(attempts.Where(a => a.StatusCode != HttpStatusCode.Created), a => Assert.Equal(HttpStatusCode.Conflict, a.StatusCode));
    }

    [Fact]
    public async Task Registrars_write_and_an_association_s_people_read_their_own_objects_only()
    {
        Assert.Equal(HttpStatusCode.Forbidden, (await (await host.As("viewer")).PostAsync($"{Api}/movement", Body(new { @object = Chest, to = Korean, departed = "2027-01-01", reason = "storage" }))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await host.As("korean-editor")).PostAsync($"{Api}/movement", Body(new { @object = Chest, to = Korean, departed = "2027-01-01", reason = "storage" }))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await host.CreateClient().GetAsync($"{Api}/object/{Chest}/ledger")).StatusCode);

        var korean = await host.As("korean-contributor");
        Assert.Equal(HttpStatusCode.OK, (await korean.GetAsync($"{Api}/object/{Chest}/ledger")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await korean.GetAsync($"{Api}/object/{Onegin}/ledger")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await korean.GetAsync($"{Api}/object/{Onegin}/whereabouts")).StatusCode);
        var theirs = await Json(await korean.GetAsync($"{Api}/whereabouts?take=1000"));
        Assert.NotEqual(0, theirs.GetProperty("total").GetInt32());
        Assert.DoesNotContain(theirs.GetProperty("items").EnumerateArray(), i => i.GetProperty("object").GetProperty("id").GetString() is Onegin or Engraving or PoemCopy);
        Assert.Equal(HttpStatusCode.NotFound, (await (await host.As("curator")).GetAsync($"{Api}/object/{Guid.NewGuid()}/ledger")).StatusCode);
    }
}
