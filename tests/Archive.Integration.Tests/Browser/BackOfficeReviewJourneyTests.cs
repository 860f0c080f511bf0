using System.Text.Json;
using Archive.Data.Content;
using Archive.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Archive.Integration.Tests.Browser;

/// Journey 4: a contributor of the Korean association edits a record of their collection and submits it; they
/// cannot publish and see no other collection; a curator returns it from the "Awaiting review" dashboard with a
/// comment, the contributor reads it, corrects and resubmits, and the curator approves; the history shows each step.
public sealed class BackOfficeReviewJourneyTests(BrowserHost host) : IClassFixture<BrowserHost>
{
    private const string KoreanCollection = "bbfcca41-6c95-992a-759f-d246868f2315";
    private const string Pushkin = "dc6ccb45-dc15-1700-8ca4-b8e616264b24";
    private const string Hanbok = "d655a4c7-4a15-e5b7-e108-d13addf5f1d8";
    private const string Comment = "Give the length of the sleeves too.";

    private async Task<ReviewState> StateAsync()
    {
        using var scope = host.Services.CreateScope();
        return (await scope.ServiceProvider.GetRequiredService<ContentService>().ReviewStatusAsync(Guid.Parse(Hanbok)))!.State;
    }

    private static async Task EditDimensionsAsync(BackOfficeSession session, string value)
    {
        var dimensions = session.Property("dimensions").Locator("input").First;
        await Assertions.Expect(dimensions).ToBeEditableAsync(new() { Timeout = 60_000 });
        await session.SettledAsync();
        await dimensions.FillAsync(value);
    }

    /// Takes a review step through its dialogs (Umbraco's save dialog first when there are unsaved changes) until
    /// the record's state shows it. Umbraco closes open dialogs whenever a route resolves, and a workspace goes on
    /// resolving routes while it loads, so a step whose dialog vanished is taken again from where it stopped; a
    /// workspace that offers neither a dialog nor the step's button for several rounds is loaded again. A failure
    /// tells what each round saw.
    private async Task StepAsync(BackOfficeSession session, string action, string? comment, ReviewState after)
    {
        var rounds = new List<string>();
        var idle = 0;
        await BackOfficeSession.EventuallyAsync(async () =>
        {
            var page = session.Page;
            var save = page.Locator("umb-document-save-modal uui-button[look=\"primary\"]");
            var dialog = page.Locator("archive-review-comment-modal");
            try
            {
                if (await save.CountAsync() > 0)
                    await save.First.ClickAsync(new() { Timeout = 5_000 });
                else if (await dialog.CountAsync() > 0)
                {
                    if (comment is not null)
                        await dialog.Locator("uui-textarea textarea").FillAsync(comment, new() { Timeout = 5_000 });
                    await dialog.Locator("uui-button[look=\"primary\"]").ClickAsync(new() { Timeout = 5_000 });
                }
                else if (await StateAsync() == after)
                    return true;
                else if (++idle % 6 == 0)
                {
                    rounds.Add("loaded again");
                    await page.ReloadAsync();
                    await session.SettledAsync();
                }
                else
                    await session.Button(action).ClickAsync(new() { Timeout = 5_000 });
            }
            catch (Exception e) when (e is TimeoutException or PlaywrightException)
            {
                // The dialog went away under the click: the next round finds where the step stands.
                rounds.Add(e.Message.Split('\n')[0]);
            }
            await Task.Delay(1_500);
            var state = await StateAsync();
            var open = await dialog.CountAsync();
            rounds.Add($"{state}, save dialog {await save.CountAsync()}, comment dialog {open}, {new Uri(page.Url).AbsolutePath}");
            return state == after && open == 0;
        }, () => $"{action} never took the record to {after}. Rounds:\n" + string.Join("\n", rounds), 120);
    }

    [SkippableFact]
    public async Task A_contributors_edit_is_submitted_returned_with_a_comment_corrected_and_approved_by_a_curator()
    {
        var record = $"/umbraco/section/content/workspace/document/edit/{Hanbok}/en";
        var contributorEmail = await BackOfficeSession.PersonAsync(host, Roles.Contributor, [Guid.Parse(KoreanCollection)]);
        await using var contributor = await BackOfficeSession.SignInAsAsync(host, contributorEmail, record);
        var page = contributor.Page;

        // Their collection only: no other association's or museum's record in the tree.
        await EditDimensionsAsync(contributor, "110 × 80 cm, sleeves 60 cm");
        foreach (var name in await BackOfficeSession.NamesAsync(host, Pushkin))
            Assert.Equal(0, await page.Locator("uui-menu-item", new() { HasText = name }).CountAsync());
        // Publishing is not theirs: the button is there and disabled.
        await Assertions.Expect(contributor.Button("Save and publish…")).ToBeDisabledAsync();

        // Submitting saves the edit first (Umbraco's save dialog, the language being edited chosen), then asks for a comment.
        await StepAsync(contributor, "Submit for review", "First draft of the measurements.", ReviewState.Submitted);
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Submit for review" })).ToHaveCountAsync(0, new() { Timeout = 30_000 });
        Assert.Equal(0, await page.GetByRole(AriaRole.Button, new() { Name = "Approve" }).CountAsync());

        // A curator finds it on the dashboard and returns it; returning without a comment is refused in the dialog.
        await using var curator = await BackOfficeSession.SignInAsync(host, Roles.Curator, "/umbraco/section/content");
        var queued = curator.Page.Locator($"archive-awaiting-review-dashboard a[href*=\"/edit/{Hanbok}/\"]");
        await Assertions.Expect(queued).ToBeVisibleAsync(new() { Timeout = 60_000 });
        await Assertions.Expect(curator.Page.Locator("archive-awaiting-review-dashboard").GetByText("First draft of the measurements.")).ToBeVisibleAsync();
        await curator.ScreenshotAsync("back-office-awaiting-review");
        await curator.AssertAccessibleAsync();
        // Archive's own screens inside the back office meet WCAG 2.2 AA (axe-core): the dashboard, the dialog with its
        // refusal, the review in Info.
        await Accessibility.AssertCleanAsync(curator.Page.Locator("archive-awaiting-review-dashboard"));
        await queued.ClickAsync();
        await Assertions.Expect(curator.Property("dimensions").Locator("input").First).ToBeEditableAsync(new() { Timeout = 60_000 });
        await curator.SettledAsync();
        var returning = curator.Page.Locator("archive-review-comment-modal");
        await BackOfficeSession.EventuallyAsync(async () =>
        {
            try
            {
                if (await returning.CountAsync() == 0)
                    await curator.Button("Return with comment").ClickAsync(new() { Timeout = 5_000 });
                await returning.Locator("uui-button[look=\"primary\"]").ClickAsync(new() { Timeout = 5_000 });
                return await returning.Locator("[role=alert]").IsVisibleAsync();
            }
            catch (Exception e) when (e is TimeoutException or PlaywrightException)
            {
                return false;
            }
        }, "Returning without a comment was not refused in the dialog.", 120);
        await Accessibility.AssertCleanAsync(returning);
        Assert.Equal(ReviewState.Submitted, await StateAsync());
        await StepAsync(curator, "Return with comment", Comment, ReviewState.Returned);

        // The contributor reads why in the record's Info, corrects and submits again.
        await page.ReloadAsync();
        await Assertions.Expect(contributor.Property("dimensions").Locator("input").First).ToBeEditableAsync(new() { Timeout = 60_000 });
        await contributor.SettledAsync();
        await page.Locator("[data-mark=\"workspace:view-link:Umb.WorkspaceView.Document.Info\"]").ClickAsync();
        await Assertions.Expect(page.Locator("archive-review-info-app").GetByText(Comment)).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await Accessibility.AssertCleanAsync(page.Locator("archive-review-info-app"));
        await page.Locator("[data-mark=\"workspace:view-link:Umb.WorkspaceView.Document.Edit\"]").ClickAsync();
        var corrected = "110 × 80 cm; sleeves 62 cm " + Guid.NewGuid().ToString("N")[..4];
        await EditDimensionsAsync(contributor, corrected);
        await StepAsync(contributor, "Submit for review", null, ReviewState.Submitted);

        // The curator approves the corrected version: it is published, and the public API serves it.
        await curator.Page.ReloadAsync();
        await Assertions.Expect(curator.Property("dimensions").Locator("input").First).ToHaveValueAsync(corrected, new() { Timeout = 60_000 });
        await curator.SettledAsync();
        await StepAsync(curator, "Approve", "Thank you.", ReviewState.Approved);
        using var client = host.CreateClient();
        await BackOfficeSession.EventuallyAsync(async () =>
        {
            var request = new HttpRequestMessage(HttpMethod.Get, $"/umbraco/delivery/api/v2/content/item/{Hanbok}");
            request.Headers.Add("Accept-Language", "en");
            var response = await client.SendAsync(request);
            return response.IsSuccessStatusCode
                && JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("properties").GetProperty("dimensions").GetString() == corrected;
        }, "The approved correction was never published.");

        // The history tells each step: sent for publishing twice, returned with the comment, approved, published.
        await curator.Page.Locator("[data-mark=\"workspace:view-link:Umb.WorkspaceView.Document.Info\"]").ClickAsync();
        var history = curator.Page.Locator("umb-document-history-workspace-info-app");
        await Assertions.Expect(history.GetByText($"Returned for changes: {Comment}")).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await Assertions.Expect(history.GetByText("Approved after review: Thank you.")).ToBeVisibleAsync();
        await Assertions.Expect(history.Locator("uui-tag", new() { HasText = "Send To Publish" })).ToHaveCountAsync(2);
        await Assertions.Expect(curator.Page.Locator("archive-review-info-app").GetByText("Approved after review.")).ToBeVisibleAsync();
        await curator.ScreenshotAsync("back-office-review-approved");
        await curator.AssertAccessibleAsync();
        contributor.AssertNoPageErrors();
        curator.AssertNoPageErrors();
    }
}
