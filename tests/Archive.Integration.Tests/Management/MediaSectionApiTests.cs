using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace Archive.Integration.Tests.Management;

/// What the back office's Media section asks for: the folder grid (collection/media), the types allowed where an
/// upload lands and for a file's extension, validation before saving, the file's address, and an image's focal
/// point and crops edited while the file itself stays.
public sealed class MediaSectionApiTests(MediaUploadApiTests.Host host) : IClassFixture<MediaUploadApiTests.Host>
{
    private const string Api = "/umbraco/management/api/v1";
    private const string FolderType = "cf0e611c-85e0-2f14-8ae5-25e57f9ec5e1";

    private static async Task<JsonElement> Json(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    private static byte[] UniqueJpeg()
    {
        using var image = new Image<Rgb24>(160, 120, new Rgb24(30, 60, 90));
        var seed = Guid.NewGuid().ToByteArray();
        for (var i = 0; i < seed.Length; i++)
            image[i, 0] = new Rgb24(seed[i], seed[^(i + 1)], 0);
        using var stream = new MemoryStream();
        image.SaveAsJpeg(stream);
        return stream.ToArray();
    }

    private async Task<string> UploadAsync(string name)
    {
        var staged = Guid.NewGuid();
        Assert.Equal(HttpStatusCode.Created, (await MediaUploadApiTests.Stage(host.Curator, staged, UniqueJpeg(), name + ".jpg")).StatusCode);
        var created = await MediaUploadApiTests.Create(host.Curator, staged, name);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return created.Headers.GetValues("Umb-Generated-Resource").Single();
    }

    private static JsonElement Value(JsonElement media, string alias) =>
        media.GetProperty("values").EnumerateArray().First(v => v.GetProperty("alias").GetString() == alias).GetProperty("value");

    [Fact]
    public async Task The_media_grid_lists_a_folder_filtered_by_name_in_any_culture_ordered_and_paged()
    {
        var root = await Json(await host.Curator.GetAsync($"{Api}/collection/media?id=&orderBy=updateDate&orderDirection=Descending&skip=0&take=100"));
        Assert.Contains(root.GetProperty("items").EnumerateArray(), i => i.GetProperty("mediaType").GetProperty("id").GetString() == FolderType);

        var name = "Grid item " + Guid.NewGuid().ToString("N")[..6];
        var key = await UploadAsync(name);
        var found = await Json(await host.Curator.GetAsync($"{Api}/collection/media?filter={Uri.EscapeDataString(name.ToUpperInvariant())}"));
        Assert.Equal(1, found.GetProperty("total").GetInt32());
        var item = found.GetProperty("items")[0];
        Assert.Equal(key, item.GetProperty("id").GetString());
        Assert.Equal("Image", item.GetProperty("mediaType").GetProperty("alias").GetString());
        Assert.Equal(name, item.GetProperty("variants")[0].GetProperty("name").GetString());
        Assert.True(item.TryGetProperty("flags", out _) && item.TryGetProperty("sortOrder", out _) && item.TryGetProperty("creator", out _));
        Assert.Contains(item.GetProperty("values").EnumerateArray(), v => v.GetProperty("alias").GetString() == "umbracoFile");

        var page = await Json(await host.Curator.GetAsync($"{Api}/collection/media?orderBy=name&orderDirection=Ascending&skip=0&take=1"));
        Assert.Equal(1, page.GetProperty("items").GetArrayLength());
        Assert.True(page.GetProperty("total").GetInt32() > 1);

        Assert.Equal(HttpStatusCode.BadRequest, (await host.Curator.GetAsync($"{Api}/collection/media?orderBy=secret")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await host.Curator.GetAsync($"{Api}/collection/media?orderDirection=sideways")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await host.Curator.GetAsync($"{Api}/collection/media?take=5000")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await host.Curator.GetAsync($"{Api}/collection/media?id={Guid.NewGuid()}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await host.Curator.GetAsync($"{Api}/collection/media?id=not-a-key")).StatusCode);
    }

    [Fact]
    public async Task Allowed_types_follow_the_schema_and_a_file_s_extension_names_the_one_type_the_library_will_give_it()
    {
        var atRoot = await Json(await host.Curator.GetAsync($"{Api}/media-type/allowed-at-root"));
        Assert.Contains(atRoot.GetProperty("items").EnumerateArray(), t => t.GetProperty("id").GetString() == FolderType);
        var inFolder = await Json(await host.Curator.GetAsync($"{Api}/media-type/{FolderType}/allowed-children?parentContentKey={MediaUploadApiTests.KoreanFolder}"));
        Assert.Contains(inFolder.GetProperty("items").EnumerateArray(), t => t.GetProperty("id").GetString() == MediaUploadApiTests.ImageType);
        Assert.Equal(HttpStatusCode.NotFound, (await host.Curator.GetAsync($"{Api}/media-type/{Guid.NewGuid()}/allowed-children")).StatusCode);
        // A document type's id is not a media type's.
        Assert.Equal(HttpStatusCode.NotFound, (await host.Curator.GetAsync($"{Api}/media-type/{DocumentApiTests.ArtefactType}/allowed-children")).StatusCode);

        var documentsAtRoot = await Json(await host.Curator.GetAsync($"{Api}/document-type/allowed-at-root"));
        Assert.DoesNotContain(documentsAtRoot.GetProperty("items").EnumerateArray(), t => t.GetProperty("id").GetString() == DocumentApiTests.ArtefactType);
        Assert.True(documentsAtRoot.GetProperty("total").GetInt32() > 0);

        foreach (var (extension, type) in new[] { ("jpg", "Image"), ("JPEG", "Image"), ("pdf", "File"), ("mp3", "umbracoMediaAudio"), ("webm", "umbracoMediaVideo") })
        {
            var allowed = await Json(await host.Curator.GetAsync($"{Api}/item/media-type/allowed?fileExtension={extension}"));
            Assert.Equal(1, allowed.GetProperty("total").GetInt32());
            var named = allowed.GetProperty("items")[0].GetProperty("id").GetString();
            var item = await Json(await host.Curator.GetAsync($"{Api}/media-type/{named}"));
            Assert.Equal(type, item.GetProperty("alias").GetString());
        }
        // What the library refuses gets no type, so the back office refuses it before sending it.
        foreach (var extension in new[] { "exe", "svg", "", "../jpg" })
            Assert.Equal(0, (await Json(await host.Curator.GetAsync($"{Api}/item/media-type/allowed?fileExtension={Uri.EscapeDataString(extension)}"))).GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task An_image_s_focal_point_and_crops_are_saved_while_its_file_and_the_facts_read_from_it_stay()
    {
        var key = await UploadAsync("Focal " + Guid.NewGuid().ToString("N")[..6]);
        var before = await Json(await host.Curator.GetAsync($"{Api}/media/{key}"));
        var src = Value(before, "umbracoFile").GetProperty("src").GetString();
        var width = Value(before, "umbracoWidth").GetString();
        // As the back office sends it: every value back (labels included), the cropper's whole value.
        object Body(string file, string labelWidth) => new
        {
            values = new object[]
            {
                new { alias = "umbracoFile", culture = (string?)null, segment = (string?)null, editorAlias = "Umbraco.ImageCropper",
                    value = new { src = file, crops = Array.Empty<object>(), focalPoint = new { left = 0.2, top = 0.7 } } },
                new { alias = "umbracoWidth", culture = (string?)null, segment = (string?)null, editorAlias = "Umbraco.Label", value = labelWidth },
            },
            variants = new object[] { new { culture = "en", segment = (string?)null, name = "Focal", state = "Draft", createDate = "2026-01-01T00:00:00Z" } },
        };

        Assert.Equal(HttpStatusCode.OK, (await host.Curator.PutAsJsonAsync($"{Api}/media/{key}/validate", Body(src!, "1"))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await host.Curator.PutAsJsonAsync($"{Api}/media/{key}", Body(src!, "1"))).StatusCode);
        var after = await Json(await host.Curator.GetAsync($"{Api}/media/{key}"));
        Assert.Equal(0.2, Value(after, "umbracoFile").GetProperty("focalPoint").GetProperty("left").GetDouble());
        Assert.Equal(src, Value(after, "umbracoFile").GetProperty("src").GetString());
        Assert.Equal(width, Value(after, "umbracoWidth").GetString());

        // Another file, in any spelling, is not an edit: nothing changes.
        foreach (var other in new[] { "/media/elsewhere/x.jpg", "/media/../../etc/passwd", src + "/../other.jpg" })
        {
            var refused = await host.Curator.PutAsJsonAsync($"{Api}/media/{key}/validate", Body(other, width!));
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.Contains("umbracoFile", await refused.Content.ReadAsStringAsync());
            Assert.Equal(HttpStatusCode.BadRequest, (await host.Curator.PutAsJsonAsync($"{Api}/media/{key}", Body(other, width!))).StatusCode);
        }
        Assert.Equal(src, Value(await Json(await host.Curator.GetAsync($"{Api}/media/{key}")), "umbracoFile").GetProperty("src").GetString());

        var urls = await Json(await host.Curator.GetAsync($"{Api}/media/urls?id={key}&id={Guid.NewGuid()}"));
        Assert.Equal(1, urls.GetArrayLength());
        Assert.Equal(src, urls[0].GetProperty("urlInfos")[0].GetProperty("url").GetString());
    }

    [Fact]
    public async Task Validating_a_new_media_item_names_each_field_and_stores_nothing()
    {
        var before = await host.Curator.GetStringAsync($"{Api}/collection/media?take=1000");
        var refused = await host.Curator.PostAsJsonAsync($"{Api}/media/validate", new
        {
            mediaType = new { id = FolderType },
            values = Array.Empty<object>(),
            variants = new object[] { new { culture = "xx-nowhere", segment = (string?)null, name = "Folder" } },
        });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("xx-nowhere", await refused.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, (await host.Curator.PostAsJsonAsync($"{Api}/media/validate", new
        {
            mediaType = new { id = FolderType },
            variants = new object[] { new { culture = (string?)null, segment = (string?)null, name = "A folder dropped without a culture" } },
        })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await host.Curator.PostAsJsonAsync($"{Api}/media/validate", new { mediaType = new { id = Guid.NewGuid() } })).StatusCode);
        // Checked where the item would go, as creating it is: an editor validates only inside their own folders.
        Assert.Equal(HttpStatusCode.Forbidden, (await host.KoreanEditor.PostAsJsonAsync($"{Api}/media/validate", new
        {
            mediaType = new { id = FolderType },
            variants = new object[] { new { culture = (string?)null, segment = (string?)null, name = "At the root" } },
        })).StatusCode);
        Assert.Equal(before, await host.Curator.GetStringAsync($"{Api}/collection/media?take=1000"));
    }
}
