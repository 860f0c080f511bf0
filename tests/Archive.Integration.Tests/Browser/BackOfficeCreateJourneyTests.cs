using System.Text.Json;
using System.Text.RegularExpressions;
using Archive.Data;
using Archive.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Archive.Integration.Tests.Browser;

/// Journey 2: a new artefact under a collection, in Russian. A missing mandatory title and a duplicate accession
/// number are shown on their fields in that culture and nothing is stored; once fixed, it is created and published.
public sealed class BackOfficeCreateJourneyTests(BrowserHost host) : IClassFixture<BrowserHost>
{
    private const string KoreanCollection = "bbfcca41-6c95-992a-759f-d246868f2315";
    private const string ArtefactType = "509a85f3-886f-8083-bb6b-4854a0715da0";
    /// The wooden chest's accession number in the demo catalogue (the Korean association's collection).
    private const string TakenAccession = "KOR-PC-006";

    private static async Task<IResponse> SaveAndPublishAsync(BackOfficeSession session)
    {
        var page = session.Page;
        // Umbraco closes the publish dialog if a route resolves while it is open: the workspace is let settle first.
        await session.SettledAsync();
        return await page.RunAndWaitForResponseAsync(async () =>
        {
            await page.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("Save and publish") }).First.ClickAsync();
            var confirm = page.Locator("umb-document-publish-modal uui-button[look=\"primary\"]").First;
            if (await confirm.IsVisibleAsync() || await confirm.WaitForAsync(new() { Timeout = 5_000 }).ContinueWith(t => t.IsCompletedSuccessfully))
                await confirm.ClickAsync();
        }, r => r.Request.Method == "POST" && r.Url.EndsWith("/management/api/v1/document"), new() { Timeout = 30_000 });
    }

    [SkippableFact]
    public async Task A_new_artefact_shows_a_missing_title_and_a_taken_accession_number_on_their_fields_and_is_stored_only_when_fixed()
    {
        var name = "Латунная ложка " + Guid.NewGuid().ToString("N")[..4];
        await using var session = await BackOfficeSession.SignInAsync(host, Roles.Curator,
            $"/umbraco/section/content/workspace/document/create/parent/document/{KoreanCollection}/{ArtefactType}/ru");
        var page = session.Page;
        await Assertions.Expect(page.GetByText("Cataloguing", new() { Exact = true }).First).ToBeVisibleAsync(new() { Timeout = 60_000 });
        await page.Locator("[data-mark=\"input:entity-name\"] input").FillAsync(name);
        var accession = session.Property("accessionNumber");
        await accession.Locator("input").First.FillAsync(TakenAccession);

        var refused = await SaveAndPublishAsync(session);
        Assert.Equal(400, refused.Status);
        // On the field: which record holds the number, by its name.
        await Assertions.Expect(accession).ToContainTextAsync("is already used by «Ағаш сандық»", new() { Timeout = 30_000 });
        await session.OpenTabAsync("Content");
        var title = session.Property("title");
        await Assertions.Expect(title).ToContainTextAsync("'Title' is mandatory.", new() { Timeout = 30_000 });
        Assert.Equal(0, await BackOfficeSession.StoredNamedAsync(host, name));

        await title.Locator("input").First.FillAsync(name);
        await session.OpenTabAsync("Cataloguing");
        await accession.Locator("input").First.FillAsync("KOR-NEW-" + Guid.NewGuid().ToString("N")[..6]);
        var created = await SaveAndPublishAsync(session);
        Assert.Equal(201, created.Status);
        var key = (await created.HeaderValueAsync("umb-generated-resource"))!;

        using var client = host.CreateClient();
        await BackOfficeSession.EventuallyAsync(async () =>
        {
            var request = new HttpRequestMessage(HttpMethod.Get, $"/umbraco/delivery/api/v2/content/item/{key}");
            request.Headers.Add("Accept-Language", "ru");
            var response = await client.SendAsync(request);
            return response.IsSuccessStatusCode
                && JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("properties").GetProperty("title").GetString() == name;
        }, "The artefact created in the back office was never published.");
        Assert.Equal(1, await BackOfficeSession.StoredNamedAsync(host, name));
        await session.ScreenshotAsync("back-office-artefact-created");
        await session.AssertAccessibleAsync();
        session.AssertNoPageErrors();
    }
}
