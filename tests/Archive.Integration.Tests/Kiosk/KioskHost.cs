using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Archive.Data.Content;
using Archive.Engine.Content;
using Archive.Identity;
using Archive.Integration.Tests.Browser;
using Archive.Integration.Tests.Management;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Archive.Integration.Tests.Kiosk;

/// The archive on a real port with Chromium, API clients for a curator and a viewer, and what kiosk tests share:
/// pairing a browser as a screen, publishing changes, the demo's kiosk and objects.
public sealed class KioskHost : BrowserHost
{
    public const string Api = "/umbraco/management/api/v1";
    public const string DemoKiosk = "c8353e9a-ff30-54a7-8ea9-ede5d90e0aa2";
    public const string CraftsAndMusic = "d41e6d7b-e7da-04c2-a1bd-efc5fd96ce78", Story = "b69cf980-5bf4-fe7d-832f-accc04a9ebeb";
    public const string Dutar = "aed4a481-b039-1b29-b4e2-27ed5434fdce", KashgarCarpet = "603d0d87-e542-9427-79de-6898e56edf9d";
    public const string Exhibition = "4d2242f4-308d-fd31-2629-f9e9300e1069", AlmatyHall = "59d05968-2d60-dadb-85da-7a7950eb6706";
    public const string UyghurAssociation = "6f536511-6f86-8167-fe2c-c47843e1e89f";
    private const string Secret = "kiosk-tests-secret-0123456789abc";
    private readonly Dictionary<string, HttpClient> _clients = [];

    public KioskHost() => Settings["Archive:Management:SignInPermitsPerMinute"] = "1000";

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        using var scope = Services.CreateScope();
        var accounts = scope.ServiceProvider.GetRequiredService<Accounts>();
        foreach (var (name, role) in new[] { ("curator", Roles.Curator), ("viewer", Roles.Viewer) })
            Assert.True((await accounts.CreateApiClientAsync("umbraco-back-office-kiosk-" + name, name, role, Secret, [])).Succeeded);
    }

    public async Task<HttpClient> As(string name)
    {
        if (_clients.TryGetValue(name, out var known))
            return known;
        var client = new HttpClient { BaseAddress = new Uri(BaseUrl) };
        var response = await ManagementSecurityTests.RequestToken(client, "umbraco-back-office-kiosk-" + name, Secret);
        var token = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("access_token").GetString();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return _clients[name] = client;
    }

    public static string Udis(params string[] keys) => string.Join(",", keys.Select(k => "umb://document/" + Guid.Parse(k).ToString("N")));

    public async Task<Guid> CreateAsync(string parent, string type, string name, params ValueEdit[] values) => await CreateAsync(parent, type, name, true, values);

    public async Task<Guid> CreateAsync(string parent, string type, string name, bool publish, params ValueEdit[] values)
    {
        using var scope = Services.CreateScope();
        var content = scope.ServiceProvider.GetRequiredService<ContentService>();
        var created = await content.CreateAsync(Guid.Parse(parent), type, new ContentEdit
        {
            Names = new Dictionary<string, string> { ["en"] = name, ["kk"] = name, ["ru"] = name },
            Values = values,
        }, "curator");
        Assert.True(created.Succeeded, created.ToString());
        if (publish)
            await PublishAsync(created.Key!.Value);
        return created.Key!.Value;
    }

    /// Saves values on an item and publishes it in kk, ru and en.
    public async Task ChangeAsync(string key, params ValueEdit[] values)
    {
        using var scope = Services.CreateScope();
        var content = scope.ServiceProvider.GetRequiredService<ContentService>();
        var saved = await content.SaveAsync(Guid.Parse(key), new ContentEdit { Values = values }, "curator");
        Assert.True(saved.Succeeded, saved.ToString());
        await PublishAsync(Guid.Parse(key));
    }

    public async Task RenameAsync(string key, string culture, string name)
    {
        using var scope = Services.CreateScope();
        var content = scope.ServiceProvider.GetRequiredService<ContentService>();
        Assert.True((await content.SaveAsync(Guid.Parse(key), new ContentEdit { Names = new Dictionary<string, string> { [culture] = name } }, "curator")).Succeeded);
        await PublishAsync(Guid.Parse(key));
    }

    public async Task PublishAsync(Guid key)
    {
        using var scope = Services.CreateScope();
        var published = await scope.ServiceProvider.GetRequiredService<ContentService>().PublishAsync(key, ["kk", "ru", "en"], "curator");
        Assert.True(published.Succeeded, published.ToString());
    }

    public static ValueEdit Value(string alias, string value, string? culture = null) => new(alias, culture, JsonValue.Create(value));

    /// A value stored as JSON (a dropdown's choices).
    public static ValueEdit Json(string alias, string json) => new(alias, null, JsonNode.Parse(json));

    /// Opens /kiosk/ as a new screen, pairs it with a kiosk through the Management API and waits for the attract loop.
    public async Task<(IBrowserContext Context, IPage Page, string Device)> PairedScreenAsync(string kiosk = DemoKiosk, ViewportSize? viewport = null, bool clock = false)
    {
        var context = await Browser.NewContextAsync(new() { ViewportSize = viewport ?? new ViewportSize { Width = 1280, Height = 800 }, HasTouch = true });
        var page = await context.NewPageAsync();
        if (clock)
            await page.Clock.InstallAsync();
        var errors = new List<string>();
        page.PageError += (_, error) => errors.Add(error);
        page.Console += (_, message) =>
        {
            // A refused request is logged by the browser itself (the unpaired check answers 401): not an error of the page.
            if (message.Type == "error" && !message.Text.StartsWith("Failed to load resource", StringComparison.Ordinal))
                errors.Add(message.Text);
        };
        await page.GotoAsync(BaseUrl + "/kiosk/");
        string? code;
        try
        {
            code = await page.Locator(".code[data-code]").GetAttributeAsync("data-code", new() { Timeout = 20_000 });
        }
        catch (TimeoutException)
        {
            throw new TimeoutException("No pairing code: " + string.Join("\n", errors) + "\n" + await page.ContentAsync());
        }
        var response = await (await As("curator")).PostAsJsonAsync($"{Api}/archive/kiosk/{kiosk}/pair", new { code, name = "Test screen" });
        Assert.Equal(System.Net.HttpStatusCode.Created, response.StatusCode);
        var device = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetString()!;
        // The screen asks every few seconds whether it is paired, then downloads its whole first bundle (the first IIIF
        // tiles are cut from the image as they are asked for): under a fake clock its timers are moved on by hand.
        var attract = page.Locator("body[data-screen='attract']");
        var deadline = DateTime.UtcNow.AddSeconds(120);
        while (await attract.CountAsync() == 0)
        {
            Assert.True(DateTime.UtcNow < deadline, "The screen did not reach its attract loop: " + string.Join("\n", errors));
            if (clock)
                await page.Clock.RunForAsync(1_000);
            await Task.Delay(250);
        }
        Assert.True(errors.Count == 0, string.Join("\n", errors));
        return (context, page, device);
    }

    /// Waits until the screen's cache holds every file of its bundle (polled here: Playwright's own wait does not await
    /// a promise).
    public static async Task SyncedAsync(IPage page, int seconds = 60)
    {
        const string synced = @"async () => {
            if (document.body.dataset.screen === 'pairing') return false;
            const response = await fetch('/kiosk/api/bundle');
            if (!response.ok) return false;
            const bundle = await response.json();
            const cache = await caches.open('kiosk-bundle-files');
            for (const url of bundle.files) if (!(await cache.match(url))) return false;
            return true;
        }";
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (!await page.EvaluateAsync<bool>(synced))
        {
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException("The screen did not keep every file of its bundle in time.");
            await Task.Delay(200);
        }
    }
}
