using System.Text.RegularExpressions;
using Archive.Data;
using Archive.Identity;
using Archive.Integration.Tests.Management;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Archive.Integration.Tests.Browser;

/// Journey 8: bad input through the back office — a file larger than the archive takes, an image that declares
/// more pixels than it may be decoded to (a decompression bomb), script pasted into rich text and script sent by a
/// tampered client — each ends in a message that says what is wrong, and nothing broken is stored.
public sealed class BackOfficeBadInputJourneyTests(BrowserHost host) : IClassFixture<BrowserHost>
{
    private const string Chest = "ee109d7d-f924-0815-7492-041e2894165b";

    private static string TempFile(string name, Action<FileStream> write)
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("archive-bad-input-").FullName, name);
        using var stream = File.Create(path);
        write(stream);
        return path;
    }

    /// The chest's English draft as stored.
    private async Task<string> ChestDraftAsync()
    {
        using var scope = host.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ArchiveDbContext>();
        return await db.NodeVersions.Where(v => v.Node!.Key == Guid.Parse(Chest)).OrderByDescending(v => v.Number).Select(v => v.Data).FirstAsync();
    }

    /// "Save…" asks which cultures to save (the one being edited is chosen); the server's answer to the save.
    private static async Task<IResponse> SaveAsync(BackOfficeSession session)
    {
        var page = session.Page;
        await page.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Save") }).First.ClickAsync();
        return await page.RunAndWaitForResponseAsync(() => page.Locator("umb-document-save-modal uui-button[look=\"primary\"]").First.ClickAsync(),
            r => r.Request.Method == "PUT" && r.Url.EndsWith($"/document/{Chest}"), new() { Timeout = 30_000 });
    }

    private static ILocator Notification(IPage page, string text) => page.Locator("uui-toast-notification").Filter(new() { HasText = text }).First;

    [SkippableFact]
    public async Task Oversized_files_bombs_and_script_end_in_a_clear_message_and_nothing_broken_is_stored()
    {
        await using var session = await BackOfficeSession.SignInAsync(host, Roles.Curator, "/umbraco/section/media");
        var page = session.Page;
        var uploads = new List<string>();
        page.Request += (_, request) =>
        {
            if (request.Method == "POST" && (request.Url.Contains("/temporary-file") || Regex.IsMatch(request.Url, "/media$")))
                uploads.Add(request.Url);
        };
        await Assertions.Expect(page.Locator("umb-media-collection").First).ToBeVisibleAsync(new() { Timeout = 60_000 });

        // 1. A scan larger than the archive's limit (1 GB; sparse on disk, never read): refused before it is
        //    sent, with the file's size and the limit.
        var huge = TempFile("huge-scan.tif", s => s.SetLength((1L << 30) + (1L << 20)));
        await session.DropFileAsync(huge);
        var tooBig = Notification(page, "huge-scan.tif");
        await Assertions.Expect(tooBig).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await Assertions.Expect(tooBig).ToContainTextAsync("1 GB");
        Assert.Empty(uploads);

        // 2. A PNG of a few bytes that declares 60000×60000 pixels: uploaded, then refused by the library with which
        //    file and why; no media item, and the uploaded file is gone.
        var bomb = TempFile("bomb.png", s => s.Write(MediaUploadApiTests.PngHeader(60000, 60000)));
        await session.DropFileAsync(bomb);
        var refused = Notification(page, "bomb.png was refused");
        await Assertions.Expect(refused).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await Assertions.Expect(refused).ToContainTextAsync("60000×60000");
        Assert.Equal(0, await BackOfficeSession.StoredNamedAsync(host, "bomb.png"));
        Assert.Contains(uploads, u => u.Contains("/temporary-file"));
        var staged = Path.Combine(host.DataPath, "temporary-files");
        Assert.Empty(Directory.Exists(staged) ? Directory.EnumerateFiles(staged) : []);
        await session.ScreenshotAsync("back-office-bomb-refused");
        await session.AssertAccessibleAsync();

        // 3. Script pasted into the description's rich text: the editor keeps the text, the script never runs
        //    and the saved draft holds none.
        await page.GotoAsync($"{host.BaseUrl}/umbraco/section/content/workspace/document/edit/{Chest}/en");
        await Assertions.Expect(page.GetByText("Cataloguing", new() { Exact = true }).First).ToBeVisibleAsync(new() { Timeout = 60_000 });
        await session.SettledAsync();
        await session.OpenTabAsync("Content");
        var editor = session.Property("description").Locator(".ProseMirror").First;
        await editor.ClickAsync(new() { Timeout = 30_000 });
        var marker = "Pasted " + Guid.NewGuid().ToString("N")[..6];
        await editor.EvaluateAsync("""
            (element, marker) => {
              const data = new DataTransfer();
              data.setData('text/html', `<p>${marker}</p><script>window.__archivePwned = 1</script><img src="x" onerror="window.__archivePwned = 2">` +
                `<a href="javascript:window.__archivePwned = 3">link</a><p onclick="window.__archivePwned = 4">click</p>`);
              element.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
            }
            """, marker);
        await Assertions.Expect(editor).ToContainTextAsync(marker);
        Assert.Equal(200, (await SaveAsync(session)).Status);
        var draft = await ChestDraftAsync();
        Assert.Contains(marker, draft);
        foreach (var bad in new[] { "<script", "onerror", "javascript:", "onclick" })
            Assert.DoesNotContain(bad, draft, StringComparison.OrdinalIgnoreCase);

        // 4. A tampered client sends script anyway: the server refuses it on the field, says why, and the stored
        //    draft is the one saved before.
        await page.RouteAsync($"**/document/{Chest}", async route =>
        {
            if (route.Request.Method == "PUT")
                await route.ContinueAsync(new() { PostData = System.Text.Encoding.UTF8.GetBytes(route.Request.PostData!.Replace(marker, marker + "<script>window.__archivePwned = 5</script><img src=x onerror=alert(1)>")) });
            else
                await route.ContinueAsync();
        });
        await editor.PressAsync("End");
        await editor.PressSequentiallyAsync(" more");
        Assert.Equal(400, (await SaveAsync(session)).Status);
        // Umbraco's notification of a refused save says why.
        await Assertions.Expect(Notification(page, "Script is not allowed in rich text")).ToBeVisibleAsync(new() { Timeout = 30_000 });
        Assert.Equal(draft, await ChestDraftAsync());
        await page.UnrouteAllAsync();

        Assert.Null(await page.EvaluateAsync<int?>("() => window.__archivePwned ?? null"));
        await session.ScreenshotAsync("back-office-script-refused");
        await session.AssertAccessibleAsync();
        session.AssertNoPageErrors();
    }
}
