using System.Text.RegularExpressions;
using Archive.Data;
using Archive.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Archive.Integration.Tests.Browser;

/// Journey 7: version history (compare the draft with the published version, roll back to it) and the recycle bin
/// (trash, then restore to where the record was).
public sealed class BackOfficeHistoryJourneyTests(BrowserHost host) : IClassFixture<BrowserHost>
{
    private const string Chest = "ee109d7d-f924-0815-7492-041e2894165b";
    private const string Title = "Деревянный сундук";

    private Task<IResponse> AnswerAsync(IPage page, Func<Task> action, string method, string urlEnd) =>
        page.RunAndWaitForResponseAsync(action, r => r.Request.Method == method && new Uri(r.Url).AbsolutePath.EndsWith(urlEnd), new() { Timeout = 30_000 });

    private async Task<bool> TrashedAsync()
    {
        using var scope = host.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<ArchiveDbContext>().Nodes.Where(n => n.Key == Guid.Parse(Chest)).Select(n => n.Trashed).SingleAsync();
    }

    private static Task OpenActionsAsync(IPage page) => page.Locator("umb-workspace-entity-action-menu uui-button").First.ClickAsync();

    [SkippableFact]
    public async Task A_curator_compares_a_draft_with_the_published_version_rolls_back_and_trashes_and_restores_the_record()
    {
        await using var session = await BackOfficeSession.SignInAsync(host, Roles.Curator, $"/umbraco/section/content/workspace/document/edit/{Chest}/ru");
        var page = session.Page;
        await Assertions.Expect(page.GetByText("Cataloguing", new() { Exact = true }).First).ToBeVisibleAsync(new() { Timeout = 60_000 });
        // The tree beside it marks the folder's private record (lent for study) with Archive's sign, and only it
        // (tree items are labelled with the name of their first culture in order, English here).
        var newspaper = page.Locator("uui-menu-item[label=\"Bound volume of a Korean-language newspaper\"]");
        await Assertions.Expect(newspaper.Locator("umb-entity-sign-bundle uui-icon[name='icon-lock']")).ToHaveCountAsync(1, new() { Timeout = 30_000 });
        await Assertions.Expect(page.Locator("uui-menu-item[label=\"Wooden chest\"] uui-icon[name='icon-lock']")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("uui-menu-item[label=\"Wooden chest\"] umb-entity-sign-bundle")).ToHaveCountAsync(1);
        await session.OpenTabAsync("Content");
        var title = session.Property("title").Locator("input").First;
        await Assertions.Expect(title).ToHaveValueAsync(Title, new() { Timeout = 30_000 });
        var draft = "Сундук (черновик " + Guid.NewGuid().ToString("N")[..4] + ")";
        await title.FillAsync(draft);
        // "Save…" asks which cultures to save (the one being edited is chosen).
        await page.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Save") }).First.ClickAsync();
        var saved = await AnswerAsync(page, () => page.Locator("umb-document-save-modal uui-button[look=\"primary\"]").First.ClickAsync(), "PUT", $"/document/{Chest}");
        Assert.Equal(200, saved.Status);

        // The published version, compared with the draft: the title as published and as drafted.
        await OpenActionsAsync(page);
        await page.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Rollback") }).First.ClickAsync();
        var modal = page.Locator("umb-rollback-modal");
        await Assertions.Expect(modal.GetByText("Current published version")).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await modal.Locator(".rollback-item").First.ClickAsync();
        // The title's row: the draft's words struck out, the published ones added back.
        await Assertions.Expect(modal.Locator(".diff-removed", new() { HasText = "черновик" }).First).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await Assertions.Expect(modal.Locator(".diff-added", new() { HasText = "Деревянный" }).First).ToBeVisibleAsync();
        var rolledBack = await AnswerAsync(page, () => modal.GetByRole(AriaRole.Button, new() { Name = "Rollback" }).Last.ClickAsync(), "POST", "/rollback");
        Assert.Equal(200, rolledBack.Status);
        await session.OpenTabAsync("Content");
        await Assertions.Expect(session.Property("title").Locator("input").First).ToHaveValueAsync(Title, new() { Timeout = 30_000 });

        // Trashed: in the recycle bin, read-only; restored: back where it was.
        await OpenActionsAsync(page);
        await page.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Trash") }).First.ClickAsync();
        var trashed = await AnswerAsync(page, () => page.GetByRole(AriaRole.Button, new() { Name = "Trash", Exact = true }).Last.ClickAsync(), "PUT", "/move-to-recycle-bin");
        Assert.Equal(200, trashed.Status);
        Assert.True(await TrashedAsync());
        await Assertions.Expect(page.GetByText("Read-only").First).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await OpenActionsAsync(page);
        await page.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Restore") }).First.ClickAsync();
        // The dialog proposes the place the record came from.
        var dialog = page.Locator("umb-restore-from-recycle-bin-modal");
        await Assertions.Expect(dialog.GetByText("Память о переселении").First).ToBeVisibleAsync(new() { Timeout = 30_000 });
        var restored = await AnswerAsync(page, () => dialog.GetByRole(AriaRole.Button, new() { Name = "Restore", Exact = true }).Last.ClickAsync(), "PUT", "/restore");
        Assert.Equal(200, restored.Status);
        Assert.False(await TrashedAsync());
        await Assertions.Expect(page.GetByText("Restored").First).ToBeVisibleAsync(new() { Timeout = 30_000 });

        await session.ScreenshotAsync("back-office-rolled-back-and-restored");
        session.AssertNoPageErrors();
    }
}
