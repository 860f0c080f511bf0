using System.Text.Json;
using System.Text.RegularExpressions;
using Archive.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace Archive.Integration.Tests.Browser;

/// Journey 3: a photograph dropped into the Media section, described in two languages, picked in an artefact's
/// media picker with a focal point; the published artefact carries the focal point and the derivative follows it.
public sealed class BackOfficeMediaJourneyTests(BrowserHost host) : IClassFixture<BrowserHost>
{
    private const string Chest = "ee109d7d-f924-0815-7492-041e2894165b";

    /// Three vertical bands, red, green and blue: a square crop shows which part of the image it was centred on.
    private static string ThreeBands()
    {
        using var image = new Image<Rgb24>(1200, 800);
        image.ProcessPixelRows(rows =>
        {
            for (var y = 0; y < rows.Height; y++)
            {
                var row = rows.GetRowSpan(y);
                for (var x = 0; x < row.Length; x++)
                    row[x] = x < 400 ? new Rgb24(220, 20, 20) : x < 800 ? new Rgb24(20, 200, 20) : new Rgb24(20, 20, 220);
            }
        });
        // A pixel of its own, so no earlier upload is the same file.
        image[0, 0] = new Rgb24((byte)Random.Shared.Next(256), 0, 0);
        var folder = Directory.CreateTempSubdirectory("archive-upload-");
        var path = Path.Combine(folder.FullName, "three-bands.jpg");
        image.SaveAsJpeg(path);
        return path;
    }

    private async Task<JsonElement> DeliveryAsync(HttpClient client, string path, string culture)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/umbraco/delivery/api/v2/" + path);
        request.Headers.Add("Accept-Language", culture);
        var response = await client.SendAsync(request);
        return response.IsSuccessStatusCode ? JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement : default;
    }

    /// Save in the media workspace, waiting for the server's answer to the save itself.
    private static async Task SaveAsync(BackOfficeSession session, string key)
    {
        var saved = await session.Page.RunAndWaitForResponseAsync(() => session.Button("Save").ClickAsync(),
            r => r.Request.Method == "PUT" && r.Url.EndsWith($"/media/{key}"), new() { Timeout = 30_000 });
        Assert.Equal(200, saved.Status);
    }

    private static Rgb24 PixelAt(byte[] file, int x, int y)
    {
        using var image = Image.Load<Rgb24>(file);
        return image[x, y];
    }

    [SkippableFact]
    public async Task A_curator_uploads_a_photograph_describes_it_in_two_languages_and_picks_it_with_a_focal_point_the_derivative_follows()
    {
        var file = ThreeBands();
        await using var session = await BackOfficeSession.SignInAsync(host, Roles.Curator, "/umbraco/section/media");
        var page = session.Page;
        await Assertions.Expect(page.Locator("umb-media-collection").First).ToBeVisibleAsync(new() { Timeout = 60_000 });
        await session.DropFileAsync(file);

        // The new item appears in the tree; its workspace opens in the default language, Kazakh.
        var item = page.Locator("umb-tree-item, uui-menu-item").Filter(new() { HasText = "three-bands.jpg" }).First;
        await Assertions.Expect(item).ToBeVisibleAsync(new() { Timeout = 60_000 });
        await item.Locator("a, #label-button").First.ClickAsync();
        await page.WaitForURLAsync(new Regex("/workspace/media/edit/"), new() { Timeout = 30_000 });
        var key = Regex.Match(page.Url, "/edit/([0-9a-f-]{36})").Groups[1].Value;
        var alt = session.Property("altText").Locator("textarea").First;
        await alt.FillAsync("Қызыл, жасыл және көк жолақтар", new() { Timeout = 30_000 });
        await SaveAsync(session, key);

        // Russian: a name and an alternative text of its own.
        await page.GotoAsync($"{host.BaseUrl}/umbraco/section/media/workspace/media/edit/{key}/ru");
        var altRu = session.Property("altText").Locator("textarea").First;
        await Assertions.Expect(altRu).ToBeVisibleAsync(new() { Timeout = 60_000 });
        await page.Locator("[data-mark=\"input:entity-name\"] input").FillAsync("Три полосы");
        await altRu.FillAsync("Красная, зелёная и синяя полосы");
        await SaveAsync(session, key);

        using var client = host.CreateClient();
        await BackOfficeSession.EventuallyAsync(async () =>
        {
            var kk = await DeliveryAsync(client, $"media/item/{key}", "kk");
            var ru = await DeliveryAsync(client, $"media/item/{key}", "ru");
            return kk.ValueKind == JsonValueKind.Object && ru.ValueKind == JsonValueKind.Object
                && kk.GetProperty("properties").GetProperty("altText").GetString() == "Қызыл, жасыл және көк жолақтар"
                && ru.GetProperty("properties").GetProperty("altText").GetString() == "Красная, зелёная и синяя полосы";
        }, "The Delivery API never served the alternative texts given in the back office.");

        // Picked in the chest's media picker, with the focal point set on the blue band.
        await page.GotoAsync($"{host.BaseUrl}/umbraco/section/content/workspace/document/edit/{Chest}/kk");
        await Assertions.Expect(page.GetByText("Cataloguing", new() { Exact = true }).First).ToBeVisibleAsync(new() { Timeout = 60_000 });
        await session.OpenTabAsync("Media");
        var images = session.Property("images");
        await images.GetByRole(AriaRole.Button, new() { Name = "Choose" }).ClickAsync();
        await page.Locator($"[data-mark=\"media:{key}\"]").First.ClickAsync(new() { Timeout = 30_000 });
        await session.Button("Choose").ClickAsync();
        var picked = images.Locator("uui-card-media").Filter(new() { HasText = "three-bands.jpg" }).First;
        await picked.ClickAsync(new() { Timeout = 30_000 });
        var picture = page.Locator("umb-image-cropper-focus-setter img").First;
        await Assertions.Expect(picture).ToBeVisibleAsync(new() { Timeout = 30_000 });
        var box = (await picture.BoundingBoxAsync())!;
        await page.Mouse.ClickAsync(box.X + box.Width * 0.9f, box.Y + box.Height * 0.5f);
        await session.Button("Submit").ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("Save and publish") }).First.ClickAsync();
        await page.Locator("umb-document-publish-modal uui-button[look=\"primary\"]").First.ClickAsync(new() { Timeout = 30_000 });

        JsonElement pick = default;
        await BackOfficeSession.EventuallyAsync(async () =>
        {
            var chest = await DeliveryAsync(client, $"content/item/{Chest}", "kk");
            if (chest.ValueKind != JsonValueKind.Object)
                return false;
            pick = chest.GetProperty("properties").GetProperty("images").EnumerateArray().FirstOrDefault(i => i.GetProperty("id").GetString() == key);
            return pick.ValueKind == JsonValueKind.Object && pick.GetProperty("focalPoint").ValueKind == JsonValueKind.Object;
        }, "The Delivery API never served the picked image with its focal point.");
        var left = pick.GetProperty("focalPoint").GetProperty("left").GetDouble();
        var top = pick.GetProperty("focalPoint").GetProperty("top").GetDouble();
        Assert.InRange(left, 0.8, 0.97);

        // The square derivative centred on the focal point starts in the green band; centred on the middle, in the red.
        var url = pick.GetProperty("url").GetString();
        var followed = await client.GetByteArrayAsync(FormattableString.Invariant($"{url}?width=400&height=400&rmode=crop&rxy={left:0.###},{top:0.###}"));
        var centred = await client.GetByteArrayAsync($"{url}?width=400&height=400&rmode=crop");
        var green = PixelAt(followed, 10, 200);
        var red = PixelAt(centred, 10, 200);
        Assert.True(green.G > 150 && green.R < 80, $"The focal-point derivative starts with {green}, not the green band.");
        Assert.True(red.R > 150 && red.G < 80, $"The centred derivative starts with {red}, not the red band.");

        await session.ScreenshotAsync("back-office-media-picked-with-focal-point");
        await session.AssertAccessibleAsync();
        session.AssertNoPageErrors();
    }

    [SkippableFact]
    public async Task A_curator_zooms_into_an_image_the_public_cannot_see_with_the_keyboard()
    {
        var withheld = await Management.BackOfficeImagingApiTests.WithheldImageAsync(host.Services);
        using var client = host.CreateClient();
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await client.GetAsync($"/iiif/3/{withheld}/info.json")).StatusCode);

        await using var session = await BackOfficeSession.SignInAsync(host, Roles.Curator, $"/umbraco/section/media/workspace/media/edit/{withheld}/kk/view/deep-zoom");
        var page = session.Page;
        var zoom = page.Locator("archive-media-deep-zoom");
        // The preview's tiles come from the back office's own IIIF route, with the session's cookie.
        var canvas = zoom.Locator("[role=application]");
        await Assertions.Expect(canvas).ToBeVisibleAsync(new() { Timeout = 60_000 });
        await BackOfficeSession.EventuallyAsync(() => zoom.EvaluateAsync<bool>(
            "e => [...e.shadowRoot.querySelectorAll('canvas')].some(c => c.width > 0 && c.getContext('2d').getImageData(c.width / 2, c.height / 2, 1, 1).data[3] > 0)"),
            "The deep-zoom preview never drew the image.", 30);
        await session.SettledAsync();
        var before = await canvas.ScreenshotAsync();

        // Keyboard: focus the image, + zooms in; the drawn picture changes.
        await canvas.FocusAsync();
        await page.Keyboard.PressAsync("+");
        await page.Keyboard.PressAsync("+");
        await BackOfficeSession.EventuallyAsync(async () => !(await canvas.ScreenshotAsync()).SequenceEqual(before), "Pressing + did not zoom the image.", 15);
        await Accessibility.AssertCleanAsync(zoom);
        await session.ScreenshotAsync("back-office-media-deep-zoom");
        await session.AssertAccessibleAsync();

        // Its folder shows it as a picture, not a file icon: the thumbnail comes from the same route, with the cookie.
        Guid folder;
        using (var scope = host.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<Archive.Data.ArchiveDbContext>();
            var parentId = db.Nodes.Single(n => n.Key == withheld).ParentId;
            folder = db.Nodes.Single(n => n.Id == parentId).Key;
        }
        await page.GotoAsync($"{host.BaseUrl}/umbraco/section/media/workspace/media/edit/{folder}");
        var thumbnail = page.Locator($"img[src*=\"/archive/iiif/{withheld}/\"]").First;
        await Assertions.Expect(thumbnail).ToBeVisibleAsync(new() { Timeout = 60_000 });
        await BackOfficeSession.EventuallyAsync(() => thumbnail.EvaluateAsync<bool>("i => i.complete && i.naturalWidth > 0"),
            "The thumbnail of an image the public cannot see never loaded.", 30);
        session.AssertNoPageErrors();
    }
}
