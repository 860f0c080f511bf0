using System.Text.RegularExpressions;
using Archive.Data;
using Archive.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Archive.Integration.Tests.Browser;

/// One person's visit to the back office in Chromium: an account of a role, a page that records every uncaught
/// error and unhandled rejection of the application, sign-in through the archive's page, and the journey's final
/// state kept as a screenshot (TestResults/screenshots).
public sealed class BackOfficeSession : IAsyncDisposable
{
    public const string Password = "Curator-Password-2026";

    private BackOfficeSession(BrowserHost host, IPage page, string email)
    {
        Host = host;
        Page = page;
        Email = email;
        page.PageError += (_, error) => Errors.Add(error);
    }

    public BrowserHost Host { get; }
    public IPage Page { get; }
    public string Email { get; }
    public List<string> Errors { get; } = [];

    public static async Task<string> PersonAsync(BrowserHost host, string role, IReadOnlyList<Guid>? grants = null)
    {
        var email = $"{role}-{Guid.NewGuid():N}"[..24] + "@archive.kz";
        using var scope = host.Services.CreateScope();
        var result = await scope.ServiceProvider.GetRequiredService<Accounts>().CreatePersonAsync(email, $"Test {role}", role, Password, grants ?? []);
        Assert.True(result.Succeeded, string.Join("; ", result.Problems));
        return email;
    }

    /// Opens a back-office address as a new person of the role and signs in there.
    public static async Task<BackOfficeSession> SignInAsync(BrowserHost host, string role, string path = "/umbraco", IReadOnlyList<Guid>? grants = null) =>
        await SignInAsAsync(host, await PersonAsync(host, role, grants), path);

    /// A record's names in every culture, as stored: the back office labels it in whichever it shows first.
    public static async Task<List<string>> NamesAsync(BrowserHost host, string key)
    {
        using var scope = host.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<ArchiveDbContext>().NodeCultures.Where(c => c.Node!.Key == Guid.Parse(key)).Select(c => c.Name).ToListAsync();
    }

    /// How many records or media items are stored under this name in some culture.
    public static async Task<int> StoredNamedAsync(BrowserHost host, string name)
    {
        using var scope = host.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<ArchiveDbContext>().NodeCultures.CountAsync(c => c.Name == name);
    }

    /// Signs in as an existing person; watch, when given, sees the page before its first request.
    public static async Task<BackOfficeSession> SignInAsAsync(BrowserHost host, string email, string path = "/umbraco", Action<IPage>? watch = null, string password = Password)
    {
        var context = await host.Browser.NewContextAsync(new() { ViewportSize = new() { Width = 1400, Height = 900 } });
        await context.AddInitScriptAsync("window.addEventListener('navigationsuccess', () => window.__archiveNavigated = performance.now())");
        await context.RouteAsync(BrowserHost.TileServer + "/**", route => route.FulfillAsync(new() { BodyBytes = BrowserHost.Tile, ContentType = "image/png" }));
        var session = new BackOfficeSession(host, await context.NewPageAsync(), email);
        watch?.Invoke(session.Page);
        await session.Page.GotoAsync(host.BaseUrl + path);
        await session.Page.WaitForURLAsync(new Regex("/umbraco/login"), new() { Timeout = 30_000 });
        await session.Page.FillAsync("#email", email);
        await session.Page.FillAsync("#password", password);
        await session.Page.PressAsync("#password", "Enter");
        return session;
    }

    /// Waits until the back office's routes have settled (no route resolved for a second and a half): Umbraco closes
    /// every open dialog when a route resolves, so a dialog opened while a workspace still loads its views is gone.
    public Task SettledAsync() => EventuallyAsync(() => Page.EvaluateAsync<bool>("() => performance.now() - (window.__archiveNavigated ?? 0) > 1500"),
        "The back office kept navigating.");

    /// A tab of the document type's properties (sections and workspace views are tabs too, with other addresses).
    public Task OpenTabAsync(string name) => Page.Locator($"uui-tab[href*='/tab/'][label=\"{name}\"]").First.ClickAsync();

    public ILocator Property(string alias) => Page.Locator($"[data-mark=\"property:{alias}\"]").First;

    public ILocator Button(string name) => Page.GetByRole(AriaRole.Button, new() { NameRegex = new Regex($"^{Regex.Escape(name)}$") }).Last;

    /// A file dragged from the desktop and dropped on the middle of the page, as Chromium's input layer delivers it.
    public async Task DropFileAsync(string path)
    {
        var cdp = await Page.Context.NewCDPSessionAsync(Page);
        var data = new Dictionary<string, object> { ["items"] = Array.Empty<object>(), ["files"] = new[] { path }, ["dragOperationsMask"] = 1 };
        foreach (var type in new[] { "dragEnter", "dragOver", "drop" })
            await cdp.SendAsync("Input.dispatchDragEvent", new Dictionary<string, object> { ["type"] = type, ["x"] = 700, ["y"] = 450, ["data"] = data });
    }

    /// The whole page, once settled — Umbraco's screens and Archive's alike — meets WCAG 2.2 AA (axe-core). Checked
    /// again for a while when it does not: a button's busy or success animation passes through colours that fail.
    public async Task AssertAccessibleAsync()
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        var violations = await Accessibility.ViolationsAsync(Page);
        while (violations.Count > 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(1_000);
            violations = await Accessibility.ViolationsAsync(Page);
        }
        Assert.True(violations.Count == 0, $"Accessibility at {Page.Url}:\n" + string.Join("\n", violations));
    }

    public async Task ScreenshotAsync(string name)
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "TestResults", "screenshots");
        Directory.CreateDirectory(folder);
        await Page.ScreenshotAsync(new() { Path = Path.Combine(folder, name + ".png") });
    }

    /// Polls until the condition holds, with a generous ceiling (a change travels through the change log).
    public static Task EventuallyAsync(Func<Task<bool>> condition, string failure, int seconds = 60) =>
        EventuallyAsync(condition, () => failure, seconds);

    /// As above, the failure told from what the rounds saw.
    public static async Task EventuallyAsync(Func<Task<bool>> condition, Func<string> failure, int seconds = 60)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (!await condition())
        {
            if (DateTime.UtcNow >= deadline)
                Assert.Fail(failure());
            await Task.Delay(200);
        }
    }

    /// No uncaught error or unhandled rejection happened in the page, each reported whole when one did.
    public void AssertNoPageErrors() => Assert.True(Errors.Count == 0, "Errors in the page:\n" + string.Join("\n---\n", Errors));

    public async ValueTask DisposeAsync() => await Page.Context.CloseAsync();
}
