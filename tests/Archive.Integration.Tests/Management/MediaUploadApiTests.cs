using System.Buffers.Binary;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Archive.Identity;
using Archive.Integration.Tests.Web;
using Microsoft.Extensions.DependencyInjection;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace Archive.Integration.Tests.Management;

/// Media uploads in Umbraco's two steps through the Management API, bad files included.
public sealed class MediaUploadApiTests(MediaUploadApiTests.Host host) : IClassFixture<MediaUploadApiTests.Host>
{
    private const string Api = "/umbraco/management/api/v1";
    private const string Secret = "media-upload-tests-secret-0123456789";
    internal const string ImageType = "dcbf0830-246d-8808-0431-14aac91c2348";
    internal const string KoreanFolder = "b66101d1-9130-a16c-2daf-3259c1060a28";
    private const string PushkinFolder = "8944e568-4c51-8314-8986-08f862cae5a9";

    public sealed class Host : ArchiveHostFactory, IAsyncLifetime
    {
        public HttpClient Curator { get; private set; } = null!;
        public HttpClient Other { get; private set; } = null!;
        /// An editor of the Korean association: its collection and its media folder.
        public HttpClient KoreanEditor { get; private set; } = null!;

        public Host() => Settings["Archive:Management:SignInPermitsPerMinute"] = "1000";

        public async Task InitializeAsync()
        {
            await ReadyClientAsync();
            using (var scope = Services.CreateScope())
            {
                var accounts = scope.ServiceProvider.GetRequiredService<Accounts>();
                await accounts.CreateApiClientAsync("umbraco-back-office-media-curator", null, Roles.Curator, Secret, []);
                await accounts.CreateApiClientAsync("umbraco-back-office-media-other", null, Roles.Curator, Secret, []);
                await accounts.CreateApiClientAsync("umbraco-back-office-media-korean", null, Roles.Editor, Secret,
                    [Guid.Parse(DocumentApiTests.KoreanCollection), Guid.Parse(KoreanFolder)]);
            }
            Curator = await Signed("umbraco-back-office-media-curator");
            Other = await Signed("umbraco-back-office-media-other");
            KoreanEditor = await Signed("umbraco-back-office-media-korean");
        }

        private async Task<HttpClient> Signed(string clientId)
        {
            var client = CreateClient();
            var token = JsonDocument.Parse(await (await ManagementSecurityTests.RequestToken(client, clientId, Secret)).Content.ReadAsStringAsync()).RootElement.GetProperty("access_token").GetString();
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
            return client;
        }

        Task IAsyncLifetime.DisposeAsync() => DisposeAsync().AsTask();
    }

    internal static async Task<HttpResponseMessage> Stage(HttpClient client, Guid id, byte[] bytes, string fileName)
    {
        using var form = new MultipartFormDataContent { { new StringContent(id.ToString()), "Id" }, { new ByteArrayContent(bytes), "File", fileName } };
        return await client.PostAsync($"{Api}/temporary-file", form);
    }

    internal static Task<HttpResponseMessage> Create(HttpClient client, Guid temporaryFileId, string name, string? parent = null) =>
        client.PostAsJsonAsync($"{Api}/media", new
        {
            parent = parent is null ? null : (object)new { id = parent },
            mediaType = new { id = ImageType },
            values = new object[]
            {
                new { alias = "umbracoFile", culture = (string?)null, segment = (string?)null, value = new { temporaryFileId } },
                new { alias = "altText", culture = "en", segment = (string?)null, value = $"{name}, seen from the front" },
            },
            variants = new object[] { new { culture = "en", segment = (string?)null, name } },
        });

    internal static byte[] Jpeg(byte shade)
    {
        using var image = new Image<Rgb24>(320, 200, new Rgb24(shade, 90, 40));
        using var stream = new MemoryStream();
        image.SaveAsJpeg(stream);
        return stream.ToArray();
    }

    [Fact]
    public async Task An_image_is_uploaded_in_two_steps_served_and_found_again_when_sent_twice()
    {
        var bytes = Jpeg(10);
        var staged = Guid.NewGuid();
        var stage = await Stage(host.Curator, staged, bytes, "Tumar amulet.jpg");
        Assert.Equal(HttpStatusCode.Created, stage.StatusCode);
        Assert.Equal("Tumar amulet.jpg", JsonDocument.Parse(await (await host.Curator.GetAsync($"{Api}/temporary-file/{staged}")).Content.ReadAsStringAsync()).RootElement.GetProperty("fileName").GetString());
        // Another account cannot use someone else's staged file.
        Assert.Equal(HttpStatusCode.BadRequest, (await Create(host.Other, staged, "Tumar")).StatusCode);

        var created = await Create(host.Curator, staged, "Tumar amulet");
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var key = created.Headers.GetValues("Umb-Generated-Resource").Single();
        var anonymous = host.CreateClient();
        JsonElement media = default;
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (DateTime.UtcNow < deadline)
        {
            var response = await anonymous.SendAsync(new HttpRequestMessage(HttpMethod.Get, $"/umbraco/delivery/api/v2/media/item/{key}") { Headers = { { "Accept-Language", "en" } } });
            if (response.IsSuccessStatusCode)
            {
                media = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
                break;
            }
            await Task.Delay(100);
        }
        Assert.Equal("Tumar amulet, seen from the front", media.GetProperty("properties").GetProperty("altText").GetString());
        Assert.Equal(320, media.GetProperty("width").GetInt32());
        Assert.Equal(bytes, await anonymous.GetByteArrayAsync(media.GetProperty("url").GetString()));

        var again = Guid.NewGuid();
        await Stage(host.Curator, again, bytes, "copy.jpg");
        var duplicate = await Create(host.Curator, again, "Copy");
        Assert.Equal(HttpStatusCode.Conflict, duplicate.StatusCode);
        Assert.Equal(key, JsonDocument.Parse(await duplicate.Content.ReadAsStringAsync()).RootElement.GetProperty("existing").GetString());

        // The new item is in the media tree (at the root, with its type and name) and its audit log.
        var roots = JsonDocument.Parse(await host.Curator.GetStringAsync($"{Api}/tree/media/root?take=1000")).RootElement;
        var item = roots.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("id").GetString() == key);
        Assert.Equal(ImageType, item.GetProperty("mediaType").GetProperty("id").GetString());
        Assert.Equal("Tumar amulet", item.GetProperty("variants").EnumerateArray().Single(v => v.GetProperty("culture").GetString() == "en").GetProperty("name").GetString());
        var ancestors = JsonDocument.Parse(await host.Curator.GetStringAsync($"{Api}/tree/media/ancestors?descendantId={key}")).RootElement;
        Assert.Equal(key, Assert.Single(ancestors.EnumerateArray()).GetProperty("id").GetString());
        var log = JsonDocument.Parse(await host.Curator.GetStringAsync($"{Api}/media/{key}/audit-log")).RootElement;
        Assert.Contains(log.GetProperty("items").EnumerateArray(), e => e.GetProperty("logType").GetString() == "New");
        Assert.Equal(HttpStatusCode.NotFound, (await host.Curator.GetAsync($"{Api}/media/{Guid.NewGuid()}/audit-log")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await host.Curator.GetAsync($"{Api}/tree/media/children?parentId={Guid.NewGuid()}")).StatusCode);
    }

    [Fact]
    public async Task A_staged_file_outlives_a_restart_of_the_process_for_its_owner_only()
    {
        var staged = Guid.NewGuid();
        Assert.Equal(HttpStatusCode.Created, (await Stage(host.Curator, staged, Jpeg(77), "Kobyz.jpg")).StatusCode);
        // A fresh instance on the same data folder stands for the process after a restart.
        var restarted = ActivatorUtilities.CreateInstance<Archive.Web.Management.TemporaryFiles>(host.Services);
        var owner = Guid.Parse(JsonDocument.Parse(await host.Curator.GetStringAsync($"{Api}/user/current")).RootElement.GetProperty("id").GetString()!);
        var file = await restarted.FindAsync(staged, owner, CancellationToken.None);
        Assert.NotNull(file);
        Assert.Equal("Kobyz.jpg", file.FileName);
        Assert.Null(await restarted.FindAsync(staged, Guid.NewGuid(), CancellationToken.None));
        Assert.Equal(HttpStatusCode.Created, (await Create(host.Curator, staged, "Kobyz")).StatusCode);
        Assert.False(await restarted.ExistsAsync(staged, CancellationToken.None));
    }

    [Fact]
    public async Task The_media_tree_lists_the_demo_folders_and_their_children()
    {
        var roots = JsonDocument.Parse(await host.Curator.GetStringAsync($"{Api}/tree/media/root")).RootElement;
        var folder = roots.GetProperty("items").EnumerateArray().First(i => i.GetProperty("hasChildren").GetBoolean());
        var children = JsonDocument.Parse(await host.Curator.GetStringAsync($"{Api}/tree/media/children?parentId={folder.GetProperty("id").GetString()}&take=2")).RootElement;
        Assert.True(children.GetProperty("total").GetInt32() >= 1);
        Assert.True(children.GetProperty("items").GetArrayLength() <= 2);
        Assert.All(children.GetProperty("items").EnumerateArray(), c => Assert.Equal(folder.GetProperty("id").GetString(), c.GetProperty("parent").GetProperty("id").GetString()));
        Assert.Equal(HttpStatusCode.BadRequest, (await host.Curator.GetAsync($"{Api}/tree/media/root?take=-1")).StatusCode);
    }

    /// A PNG that is only a header declaring the given size.
    internal static byte[] PngHeader(int width, int height)
    {
        var ihdr = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(ihdr, width);
        BinaryPrimitives.WriteInt32BigEndian(ihdr.AsSpan(4), height);
        ihdr[8] = 8;
        ihdr[9] = 2;
        var chunk = new List<byte>();
        chunk.AddRange(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13 });
        var typeAndData = "IHDR"u8.ToArray().Concat(ihdr).ToArray();
        chunk.AddRange(typeAndData);
        var crc = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(crc, Crc32(typeAndData));
        chunk.AddRange(crc);
        return [.. chunk];
    }

    private static uint Crc32(byte[] data)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in data)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++)
                crc = (crc & 1) != 0 ? 0xEDB88320u ^ (crc >> 1) : crc >> 1;
        }
        return ~crc;
    }

    [Theory]
    [InlineData("bomb", "ImageTooLarge")]
    [InlineData("empty", "Empty")]
    [InlineData("liar", "UnsupportedType")]
    [InlineData("truncated", "CorruptImage")]
    public async Task Bad_files_are_refused_with_the_reason_and_nothing_is_stored(string kind, string reason)
    {
        var bytes = kind switch
        {
            "bomb" => PngHeader(60000, 60000),
            "empty" => [],
            "liar" => "MZ this is not a picture at all"u8.ToArray(),
            _ => Jpeg(200)[..300],
        };
        var staged = Guid.NewGuid();
        Assert.Equal(HttpStatusCode.Created, (await Stage(host.Curator, staged, bytes, "photo.jpg")).StatusCode);
        var response = await Create(host.Curator, staged, kind);
        Assert.Equal((HttpStatusCode)422, response.StatusCode);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(reason, problem.GetProperty("reason").GetString());
        // The title is the message the back office shows: which file, and why.
        Assert.StartsWith("photo.jpg was refused: ", problem.GetProperty("title").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await host.Curator.GetAsync($"{Api}/temporary-file/{staged}")).StatusCode);
    }

    [Fact]
    public async Task An_editor_adds_and_changes_media_only_in_the_folders_granted_to_them()
    {
        var me = JsonDocument.Parse(await host.KoreanEditor.GetStringAsync($"{Api}/user/current")).RootElement;
        Assert.Equal(KoreanFolder, me.GetProperty("mediaStartNodeIds")[0].GetProperty("id").GetString());
        Assert.False(me.GetProperty("hasMediaRootAccess").GetBoolean());

        async Task<HttpResponseMessage> Upload(string? folder, byte shade)
        {
            var staged = Guid.NewGuid();
            Assert.Equal(HttpStatusCode.Created, (await Stage(host.KoreanEditor, staged, Jpeg(shade), $"hanbok-{shade}.jpg")).StatusCode);
            return await Create(host.KoreanEditor, staged, $"Hanbok {shade}", folder);
        }
        Assert.Equal(HttpStatusCode.Forbidden, (await Upload(null, 31)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await Upload(PushkinFolder, 32)).StatusCode);
        var own = await Upload(KoreanFolder, 33);
        Assert.Equal(HttpStatusCode.Created, own.StatusCode);
        var key = own.Headers.GetValues("Umb-Generated-Resource").Single();

        // Another museum's media: not edited, moved or trashed by this editor; their own, yes.
        var others = JsonDocument.Parse(await host.Curator.GetStringAsync($"{Api}/tree/media/children?parentId={PushkinFolder}")).RootElement.GetProperty("items")[0].GetProperty("id").GetString();
        Assert.Equal(HttpStatusCode.Forbidden, (await host.KoreanEditor.PutAsync($"{Api}/media/{others}/move-to-recycle-bin", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await host.KoreanEditor.PutAsJsonAsync($"{Api}/media/{others}", new { values = Array.Empty<object>(), variants = new[] { new { culture = "en", name = "Renamed" } } })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await host.KoreanEditor.PutAsJsonAsync($"{Api}/media/{key}/move", new { target = new { id = PushkinFolder } })).StatusCode);
        Assert.False(JsonDocument.Parse(await host.Curator.GetStringAsync($"{Api}/media/{others}")).RootElement.GetProperty("isTrashed").GetBoolean());
        Assert.Equal(HttpStatusCode.OK, (await host.KoreanEditor.PutAsync($"{Api}/media/{key}/move-to-recycle-bin", null)).StatusCode);
    }

    [Theory]
    [InlineData("/media/demo0007/wooden-chest.jpg")]
    [InlineData("/media/_private/demo0007/wooden-chest.jpg")]
    [InlineData("{\"src\": \"/media/demo0007/wooden-chest.jpg\"}")]
    public async Task A_media_item_cannot_be_made_to_point_at_a_file_it_did_not_upload(string file)
    {
        var response = await host.Curator.PostAsJsonAsync($"{Api}/media", new
        {
            mediaType = new { id = ImageType },
            values = new object[] { new { alias = "umbracoFile", culture = (string?)null, value = file.StartsWith('{') ? (object)JsonDocument.Parse(file).RootElement : file } },
            variants = new object[] { new { culture = "en", name = "Borrowed file" } },
        });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("$.values[0]", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task An_oversized_temporary_file_Id_is_refused_without_being_read_whole()
    {
        using var form = new MultipartFormDataContent { { new StringContent(new string('a', 4 * 1024 * 1024)), "Id" }, { new ByteArrayContent(Jpeg(40)), "File", "x.jpg" } };
        var response = await host.Curator.PostAsync($"{Api}/temporary-file", form);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Id", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_body_that_is_not_multipart_is_refused()
    {
        var response = await host.Curator.PostAsJsonAsync($"{Api}/temporary-file", new { id = Guid.NewGuid() });
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
    }
    [Fact]
    public async Task A_media_item_reads_updates_and_goes_to_the_recycle_bin()
    {
        var staged = Guid.NewGuid();
        await Stage(host.Curator, staged, Jpeg(120), "kamcha.jpg");
        var created = await Create(host.Curator, staged, "Kamcha whip");
        var key = created.Headers.GetValues("Umb-Generated-Resource").Single();
        var read = await host.Curator.GetAsync($"{Api}/media/{key}");
        var media = JsonDocument.Parse(await read.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(ImageType, media.GetProperty("mediaType").GetProperty("id").GetString());
        // As in Umbraco 17, the file's address is asked for apart.
        Assert.Equal(0, media.GetProperty("flags").GetArrayLength());
        var urls = JsonDocument.Parse(await host.Curator.GetStringAsync($"{Api}/media/urls?id={key}")).RootElement;
        Assert.StartsWith("/media/", urls[0].GetProperty("urlInfos")[0].GetProperty("url").GetString());
        Assert.Contains(media.GetProperty("values").EnumerateArray(), v => v.GetProperty("alias").GetString() == "altText" && v.GetProperty("culture").GetString() == "en");

        var update = new HttpRequestMessage(HttpMethod.Put, $"{Api}/media/{key}")
        {
            Content = JsonContent.Create(new { values = new[] { new { alias = "caption", culture = "ru", value = "Камча" } }, variants = new[] { new { culture = "ru", name = "Камча" } } }),
        };
        update.Headers.TryAddWithoutValidation("If-Match", read.Headers.ETag!.Tag);
        Assert.Equal(HttpStatusCode.OK, (await host.Curator.SendAsync(update)).StatusCode);
        var fileChange = await host.Curator.PutAsJsonAsync($"{Api}/media/{key}", new { values = new[] { new { alias = "umbracoFile", culture = (string?)null, value = "/media/elsewhere/x.jpg" } } });
        Assert.Equal(HttpStatusCode.BadRequest, fileChange.StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await host.Curator.PutAsync($"{Api}/media/{key}/move-to-recycle-bin", null)).StatusCode);
        Assert.True(JsonDocument.Parse(await host.Curator.GetStringAsync($"{Api}/media/{key}")).RootElement.GetProperty("isTrashed").GetBoolean());
        Assert.Equal(HttpStatusCode.OK, (await host.Curator.PutAsJsonAsync($"{Api}/recycle-bin/media/{key}/restore", new { target = (object?)null })).StatusCode);
        Assert.False(JsonDocument.Parse(await host.Curator.GetStringAsync($"{Api}/media/{key}")).RootElement.GetProperty("isTrashed").GetBoolean());
        Assert.Equal(HttpStatusCode.BadRequest, (await host.Curator.PutAsJsonAsync($"{Api}/media/{key}/move", new { target = new { id = Guid.NewGuid() } })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await host.Curator.PutAsJsonAsync($"{Api}/media/{key}/move", new { target = (object?)null })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await host.Curator.GetAsync($"{Api}/media/{Guid.NewGuid()}")).StatusCode);
    }
}
