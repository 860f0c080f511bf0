using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Archive.Data.Content;
using Archive.Engine.Content;
using Archive.Integration.Tests.Web;
using Microsoft.Extensions.DependencyInjection;

namespace Archive.Integration.Tests.Delivery;

/// Loans over the demo's touring exhibition: an object that is not the organiser's own is on view only while a signed
/// or active loan covers the stop, and then carries the loan's credit line on the Delivery API and in its IIIF
/// manifest, its images no larger than the loan allows; a loan's insurance value, internal conditions and courier never
/// reach a public channel.
public sealed class LoanTests(GeoTests.Host host) : IClassFixture<GeoTests.Host>
{
    private const string Api = "/umbraco/delivery/api/v2";
    private const string KashgarCarpet = "603d0d87-e542-9427-79de-6898e56edf9d", Dutar = "aed4a481-b039-1b29-b4e2-27ed5434fdce", FamilyInZhetysu = "fda97b33-3a7b-2e2b-563b-aa9b5394e4d6";
    private const string PushkinManuscript = "61dccb0d-af7f-58c1-cf33-1ca580da66d0"; // the organiser's own
    private const string UyghurLoan = "ba192e36-e0c8-507c-8d73-f026900bdbc8";

    private static async Task<(HttpStatusCode Status, string Body)> Send(HttpClient client, string url, string culture = "en")
    {
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.TryAddWithoutValidation("Accept-Language", culture);
        var response = await client.SendAsync(request);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    private static async Task<JsonElement> Json(HttpClient client, string url, string culture = "en")
    {
        var (status, body) = await Send(client, url, culture);
        Assert.True(status == HttpStatusCode.OK, $"{url}: {(int)status} {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    private static async Task<HashSet<string>> OnView(HttpClient client, string day) =>
        (await Json(client, $"{Api}/content?filter=onView:{day}&take=1000")).GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetString()!).ToHashSet();

    private static string? Credit(JsonElement item) => item.GetProperty("properties").TryGetProperty("loanCreditLine", out var line) ? line.GetString() : null;

    [Fact]
    public async Task A_lent_object_carries_its_lender_s_credit_line_on_every_public_channel_and_the_loan_shows_nothing_private()
    {
        var client = host.Client;
        Assert.Equal("Lent by the Uyghur Ethnocultural Association", Credit(await Json(client, $"{Api}/content/item/{KashgarCarpet}")));
        Assert.Equal("Предоставлено: Уйгурское этнокультурное объединение", Credit(await Json(client, $"{Api}/content/item/{KashgarCarpet}", "ru")));
        Assert.Null(Credit(await Json(client, $"{Api}/content/item/{PushkinManuscript}")));
        var manifest = await Json(client, $"/iiif/3/manifest/{KashgarCarpet}");
        Assert.Equal("Lent by the Uyghur Ethnocultural Association", manifest.GetProperty("requiredStatement").GetProperty("value").GetProperty("en")[0].GetString());
        Assert.Equal("Ұйғыр этномәдени бірлестігі уақытша берген", manifest.GetProperty("requiredStatement").GetProperty("value").GetProperty("kk")[0].GetString());

        var loan = (await Json(client, $"{Api}/content/item/{UyghurLoan}?expand=properties[objects]")).GetProperty("properties");
        foreach (var secret in new[] { "insuranceValue", "internalConditions", "courier" })
            Assert.False(loan.TryGetProperty(secret, out _), secret);
        Assert.Equal(new HashSet<string> { KashgarCarpet, FamilyInZhetysu, Dutar }, loan.GetProperty("objects").EnumerateArray().Select(o => o.GetProperty("id").GetString()!).ToHashSet());
        // The requested loan's objects are records of their own, private until it is signed: not on view anywhere.
        var almaty = await OnView(client, "2026-09-01");
        Assert.Contains(KashgarCarpet, almaty);
        Assert.Contains(Dutar, almaty);
        Assert.Contains(PushkinManuscript, (await OnView(client, "2026-03-15")));
    }

    [Fact]
    public async Task An_object_goes_off_view_and_loses_its_credit_when_its_loan_is_no_longer_signed_and_the_organiser_s_own_stay()
    {
        await using var own = new ArchiveHostFactory();
        var client = await own.ReadyClientAsync();
        Assert.Contains(KashgarCarpet, await OnView(client, "2026-09-01"));
        using (var scope = own.Services.CreateScope())
        {
            var content = scope.ServiceProvider.GetRequiredService<ContentService>();
            var saved = await content.SaveAsync(Guid.Parse(UyghurLoan), new ContentEdit { Values = [new ValueEdit("agreementState", null, JsonNode.Parse("[\"agreed\"]"))] }, "curator");
            Assert.True(saved.Succeeded, string.Join("; ", saved.Problems.Select(p => p.Message)));
            Assert.True((await content.PublishAsync(Guid.Parse(UyghurLoan), null, "curator")).Succeeded);
        }
        var deadline = DateTime.UtcNow.AddSeconds(45);
        while ((await OnView(client, "2026-09-01")).Contains(KashgarCarpet))
        {
            Assert.True(DateTime.UtcNow < deadline, "the object is still on view without a signed loan");
            await Task.Delay(200);
        }
        var onView = await OnView(client, "2026-09-01");
        Assert.DoesNotContain(Dutar, onView);
        Assert.DoesNotContain(FamilyInZhetysu, onView);
        Assert.Contains("0af2b86d-b575-6811-663a-37368d601338", onView); // the Sholokhov museum's loan is still signed
        Assert.Contains(PushkinManuscript, await OnView(client, "2026-03-15"));
        while (Credit(await Json(client, $"{Api}/content/item/{KashgarCarpet}")) is not null)
        {
            Assert.True(DateTime.UtcNow < deadline, "the object still carries the credit line of a loan not in force");
            await Task.Delay(200);
        }
    }

    [Fact]
    public async Task A_loan_s_largest_image_size_caps_the_IIIF_service_of_its_objects_images()
    {
        const string carpetImage = "1f63ad77-dead-168a-32b6-66333e47caf2"; // 800 × 600
        await using var own = new ArchiveHostFactory();
        var client = await own.ReadyClientAsync();
        Assert.True((await Json(client, $"/iiif/3/{carpetImage}/info.json")).GetProperty("maxWidth").GetInt32() >= 800, "uncapped, the whole image is offered");
        using (var scope = own.Services.CreateScope())
        {
            var content = scope.ServiceProvider.GetRequiredService<ContentService>();
            Assert.True((await content.SaveAsync(Guid.Parse(UyghurLoan), new ContentEdit { Values = [new ValueEdit("maxImageSize", null, JsonValue.Create(400))] }, "curator")).Succeeded);
            Assert.True((await content.PublishAsync(Guid.Parse(UyghurLoan), null, "curator")).Succeeded);
        }
        var deadline = DateTime.UtcNow.AddSeconds(45);
        JsonElement info;
        while ((info = await Json(client, $"/iiif/3/{carpetImage}/info.json")).GetProperty("maxWidth").GetInt32() > 400)
        {
            Assert.True(DateTime.UtcNow < deadline, "the image is still offered beyond the loan's largest size");
            await Task.Delay(200);
        }
        Assert.Equal(300, info.GetProperty("maxHeight").GetInt32());
        Assert.DoesNotContain(1, info.GetProperty("tiles")[0].GetProperty("scaleFactors").EnumerateArray().Select(f => f.GetInt32()));
        Assert.All(info.GetProperty("sizes").EnumerateArray(), s => Assert.True(s.GetProperty("width").GetInt32() <= 400));

        var max = await client.GetAsync($"/iiif/3/{carpetImage}/full/max/0/default.jpg");
        Assert.Equal(HttpStatusCode.OK, max.StatusCode);
        using (var image = SixLabors.ImageSharp.Image.Load(await max.Content.ReadAsByteArrayAsync()))
            Assert.Equal(400, image.Width);
        foreach (var beyond in new[] { "full/800,/0/default.jpg", "0,0,400,300/400,/0/default.jpg", "full/pct:100/0/default.jpg" })
        {
            var (status, body) = await Send(client, $"/iiif/3/{carpetImage}/{beyond}");
            Assert.True(status == HttpStatusCode.BadRequest, beyond);
            Assert.Contains("size", body);
        }
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/iiif/3/{carpetImage}/0,0,400,300/200,/0/default.jpg")).StatusCode);
    }
}
