using System.Text.RegularExpressions;
using Archive.Data;
using Archive.Data.Schema;
using Archive.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Archive.Integration.Tests.Browser;

/// Journey 6: an administrator adds Uzbek, creates an editor in Umbraco's Users section, gives them the Korean
/// association's collection as their content start node; the editor signs in with the password the back office
/// showed and sees that branch only.
public sealed class BackOfficeAdministrationJourneyTests(BrowserHost host) : IClassFixture<BrowserHost>
{
    private const string KoreanCollection = "bbfcca41-6c95-992a-759f-d246868f2315";
    private const string Pushkin = "dc6ccb45-dc15-1700-8ca4-b8e616264b24";

    private async Task<T> QueryAsync<T>(Func<ArchiveDbContext, IServiceProvider, Task<T>> query)
    {
        using var scope = host.Services.CreateScope();
        return await query(scope.ServiceProvider.GetRequiredService<ArchiveDbContext>(), scope.ServiceProvider);
    }

    /// Any of a record's names, as a pattern.
    private async Task<Regex> NamedAsync(string key) => new(string.Join("|", (await BackOfficeSession.NamesAsync(host, key)).Select(Regex.Escape)));

    [SkippableFact]
    public async Task An_administrator_adds_uzbek_and_an_editor_scoped_to_one_collection_who_then_sees_only_that_branch()
    {
        await using var admin = await BackOfficeSession.SignInAsync(host, Roles.Administrator, "/umbraco/section/settings/workspace/language/create");
        var page = admin.Page;

        // A language the archive does not have yet, chosen from the cultures the platform knows.
        var culture = page.Locator("umb-input-culture-select uui-combobox");
        await Assertions.Expect(culture).ToBeVisibleAsync(new() { Timeout = 60_000 });
        await admin.SettledAsync();
        await culture.Locator("input").First.FillAsync("Uzbek");
        await page.Locator("uui-combobox-list-option[value=\"uz\"]").ClickAsync();
        await admin.Button("Save").ClickAsync();
        await BackOfficeSession.EventuallyAsync(async () => await QueryAsync(async (db, services) =>
            (await services.GetRequiredService<SchemaStore>().GetAsync(db, default)).Cultures.Resolve("uz") is not null), "Uzbek was never added.");

        // A new editor, in Umbraco's create-user dialog; the back office shows the password it was given.
        await page.GotoAsync(host.BaseUrl + "/umbraco/section/user-management/workspace/user-root");
        await Assertions.Expect(page.GetByText("Create", new() { Exact = true }).First).ToBeVisibleAsync(new() { Timeout = 60_000 });
        await admin.SettledAsync();
        await page.GetByText("Create", new() { Exact = true }).First.ClickAsync();
        await page.GetByText("User", new() { Exact = true }).First.ClickAsync();
        var create = page.Locator("umb-create-user-modal");
        var email = $"editor-{Guid.NewGuid():N}"[..20] + "@archive.kz";
        await create.Locator("#name input").FillAsync("Нұрлан Редактор");
        await create.Locator("#email input").FillAsync(email);
        await create.Locator("umb-user-group-input").GetByRole(AriaRole.Button, new() { Name = "Choose" }).ClickAsync();
        await page.Locator("umb-user-group-ref", new() { HasText = "Editor" }).Last.ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Choose" }).Last.ClickAsync();
        await create.GetByRole(AriaRole.Button, new() { Name = "Create user" }).ClickAsync();
        var password = page.Locator("umb-create-user-success-modal #password input");
        await Assertions.Expect(password).Not.ToHaveValueAsync("", new() { Timeout = 30_000 });
        var initial = await password.InputValueAsync();

        // Their content start node: the Korean association's collection, picked in the user's profile.
        await page.Locator("umb-create-user-success-modal uui-button[label=\"Go to profile\"]").ClickAsync();
        var startNodes = page.Locator("umb-input-document").First;
        await Assertions.Expect(startNodes).ToBeVisibleAsync(new() { Timeout = 60_000 });
        await admin.SettledAsync();
        await startNodes.Locator("uui-button[label=\"Choose\"]").First.ClickAsync();
        // The tree is labelled in whichever language the back office shows first: any of the collection's names.
        var korean = await NamedAsync(KoreanCollection);
        var association = await NamedAsync(await QueryAsync((db, _) => db.Nodes.Where(n => n.Id == db.Nodes.Single(c => c.Key == Guid.Parse(KoreanCollection)).ParentId)
            .Select(n => n.Key.ToString()).SingleAsync()));
        await page.Locator("umb-tree-picker-modal uui-menu-item", new() { HasTextRegex = association }).First.Locator("#caret-button").First.ClickAsync(new() { Timeout = 30_000 });
        // The collection's own label: the association's item holds it (and the association's store rooms) too.
        await page.Locator("umb-tree-picker-modal uui-menu-item", new() { HasTextRegex = korean }).Last.Locator("#label-button").First.ClickAsync(new() { Timeout = 30_000 });
        await page.Locator("umb-tree-picker-modal uui-button[label=\"Choose\"]").Last.ClickAsync();
        await admin.Button("Save").ClickAsync();
        await BackOfficeSession.EventuallyAsync(async () => await QueryAsync(async (db, services) =>
        {
            var user = await services.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<ArchiveUser>>().FindByEmailAsync(email);
            return user is not null && await services.GetRequiredService<Accounts>().GrantsOfAsync(user.Id) is { } grants && grants.Contains(Guid.Parse(KoreanCollection));
        }), "The editor's start node was never saved.");
        await admin.ScreenshotAsync("back-office-editor-created");
        await admin.AssertAccessibleAsync();
        admin.AssertNoPageErrors();

        // The editor signs in with that password and sees the collection only.
        await using var editor = await BackOfficeSession.SignInAsAsync(host, email, "/umbraco/section/content", password: initial);
        var tree = editor.Page.Locator("umb-tree");
        // The way to the branch (the association, not theirs to open as a record) and the branch itself.
        var way = tree.Locator("uui-menu-item", new() { HasTextRegex = association }).First;
        await Assertions.Expect(way).ToBeVisibleAsync(new() { Timeout = 60_000 });
        await editor.SettledAsync();
        if (await tree.Locator("uui-menu-item", new() { HasTextRegex = korean }).CountAsync() == 0)
            await way.Locator("#caret-button").First.ClickAsync();
        await Assertions.Expect(tree.Locator("uui-menu-item", new() { HasTextRegex = korean }).First).ToBeVisibleAsync(new() { Timeout = 30_000 });
        foreach (var name in await BackOfficeSession.NamesAsync(host, Pushkin))
            Assert.Equal(0, await editor.Page.Locator("uui-menu-item", new() { HasText = name }).CountAsync());
        await editor.ScreenshotAsync("back-office-scoped-editor");
        await editor.AssertAccessibleAsync();
        editor.AssertNoPageErrors();
    }
}
