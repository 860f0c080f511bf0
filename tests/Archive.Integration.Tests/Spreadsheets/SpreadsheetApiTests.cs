using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Archive.Data;
using Archive.Identity;
using Archive.Integration.Tests.Management;
using Archive.Integration.Tests.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Archive.Integration.Tests.Spreadsheets;

/// Spreadsheet cataloguing through the Management API, as the back office or a script does it: temporary files, a
/// dry run naming every problem by row and column, an import that runs as a batch with a progress resource, creates
/// and updates drafts by accession number and never publishes, re-imports that change nothing, undo, and exports that
/// import back unchanged.
public sealed class SpreadsheetApiTests(SpreadsheetApiTests.Host host) : IClassFixture<SpreadsheetApiTests.Host>
{
    private const string Api = "/umbraco/management/api/v1";
    private const string Korean = "bbfcca41-6c95-992a-759f-d246868f2315";
    private const string Secret = "spreadsheet-tests-secret-0123456789";

    public sealed class Host : ArchiveHostFactory, IAsyncLifetime
    {
        public HttpClient Curator { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            await ReadyClientAsync();
            using (var scope = Services.CreateScope())
                Assert.True((await scope.ServiceProvider.GetRequiredService<Accounts>().CreateApiClientAsync("umbraco-back-office-sheets", "sheets", Roles.Curator, Secret, [])).Succeeded);
            Curator = CreateClient();
            var token = JsonDocument.Parse(await (await ManagementSecurityTests.RequestToken(Curator, "umbraco-back-office-sheets", Secret)).Content.ReadAsStringAsync())
                .RootElement.GetProperty("access_token").GetString();
            Curator.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        Task IAsyncLifetime.DisposeAsync() => DisposeAsync().AsTask();
    }

    private static readonly string[] Headers = ["accessionNumber", "name_kk", "name_ru", "name_en", "title_en", "objectType", "materials", "dating", "placeOfOrigin", "images", "description_en"];

    private async Task<Guid> Stage(byte[] bytes, string name)
    {
        var id = Guid.NewGuid();
        var response = await MediaUploadApiTests.Stage(host.Curator, id, bytes, name);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return id;
    }

    private async Task<(HttpStatusCode Status, JsonElement Body)> Post(string operation, object body)
    {
        var response = await host.Curator.PostAsJsonAsync($"{Api}/archive/spreadsheet/{operation}", body);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone());
    }

    private async Task<int> ArtefactsInKorean()
    {
        using var scope = host.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ArchiveDbContext>();
        var id = await db.Nodes.Where(n => n.Key == Guid.Parse(Korean)).Select(n => n.Id).SingleAsync();
        return await db.Nodes.CountAsync(n => n.ParentId == id && !n.Trashed);
    }

    private static IEnumerable<(int? Row, string? Column, string Message, bool IsError)> Problems(JsonElement report) =>
        report.GetProperty("problems").EnumerateArray().Select(p => (p.TryGetProperty("row", out var r) && r.ValueKind == JsonValueKind.Number ? r.GetInt32() : (int?)null,
            p.TryGetProperty("column", out var c) ? c.GetString() : null, p.GetProperty("message").GetString()!, p.GetProperty("isError").GetBoolean()));

    [Fact]
    public async Task A_dry_run_names_every_problem_by_row_and_column_and_changes_nothing()
    {
        var before = await ArtefactsInKorean();
        var file = await Stage(Workbooks.Csv([
            [.. Headers, "title_xx", "notes"],
            ["KOR-NEW-1", "Жаңа сандық", "Новый сундук", "New chest", "New chest", "Chest", "Wood", "c. 1930", "Alma-Ata", "", "", "", "ignored"],
            ["KOR-NEW-2", "", "", "Bad term", "Bad term", "Chest", "Unobtainium", "some day", "Almaty", "", "", "", ""],
            ["", "", "", "No number", "No number", "", "", "", "", "", "", "", ""],
            ["KOR-NEW-1", "", "", "Twice", "Twice", "", "", "", "", "", "", "", ""],
            ["KOR-NEW-3", "", "", "Missing image", "Missing image", "", "", "", "", "nowhere.jpg", "", "", ""],
        ]), "objects.csv");
        var (status, report) = await Post("dry-run", new { file, collection = Korean });
        Assert.Equal(HttpStatusCode.OK, status);
        var problems = Problems(report).ToList();
        Assert.Contains(problems, p => p.Column == "title_xx" && p.IsError && p.Message.Contains("culture 'xx'"));
        Assert.Contains(problems, p => p.Column == "notes" && !p.IsError);
        // The column errors stop the plan before any row: the same file without the bad column is read row by row.
        Assert.Equal(0, report.GetProperty("rows").GetInt32());

        file = await Stage(Workbooks.Csv([
            Headers,
            ["KOR-NEW-1", "Жаңа сандық", "Новый сундук", "New chest", "New chest", "Chest", "Wood", "c. 1930", "Alma-Ata", "", ""],
            ["KOR-NEW-2", "", "", "Bad term", "Bad term", "Chest", "Unobtainium", "some day", "Almaty", "", ""],
            ["", "", "", "No number", "No number", "", "", "", "", "", ""],
            ["KOR-NEW-1", "", "", "Twice", "Twice", "", "", "", "", "", ""],
            ["KOR-NEW-3", "", "", "Missing image", "Missing image", "", "", "", "", "nowhere.jpg", ""],
            ["KOR-PC-006", "", "", "Wooden chest (corrected)", "", "", "", "", "", "", ""],
        ]), "objects.csv");
        (status, report) = await Post("dry-run", new { file, collection = Korean });
        Assert.Equal(HttpStatusCode.OK, status);
        problems = Problems(report).ToList();
        Assert.Equal(1, report.GetProperty("create").GetInt32());
        Assert.Equal(1, report.GetProperty("update").GetInt32());
        Assert.Equal(4, report.GetProperty("errors").GetInt32());
        Assert.Contains(problems, p => p.Row == 3 && p.Column == "materials" && p.Message.Contains("Unobtainium"));
        Assert.Contains(problems, p => p.Row == 3 && p.Column == "dating" && p.Message.Contains("some day"));
        Assert.Contains(problems, p => p.Row == 4 && p.Column == "accessionNumber" && p.Message.Contains("missing"));
        Assert.Contains(problems, p => p.Row == 5 && p.Column == "accessionNumber" && p.Message.Contains("earlier row"));
        Assert.Contains(problems, p => p.Row == 6 && p.Column == "images" && p.Message.Contains("nowhere.jpg"));
        var rows = report.GetProperty("rowPlans").EnumerateArray().ToList();
        Assert.Equal("update", rows.Single(r => r.GetProperty("row").GetInt32() == 7).GetProperty("action").GetString());
        Assert.Equal(["name_en"], rows.Single(r => r.GetProperty("row").GetInt32() == 7).GetProperty("changed").EnumerateArray().Select(c => c.GetString()));
        Assert.Equal(before, await ArtefactsInKorean());

        // An import of a file with errors is refused whole, with the same report.
        var (importStatus, refused) = await Post("import", new { file, collection = Korean });
        Assert.Equal((HttpStatusCode)422, importStatus);
        Assert.Equal(4, refused.GetProperty("errors").GetInt32());
        Assert.Equal(before, await ArtefactsInKorean());
    }

    [Fact]
    public async Task An_import_runs_as_a_batch_creates_drafts_updates_by_accession_number_and_undo_takes_it_back()
    {
        var before = await ArtefactsInKorean();
        string[][] rows =
        [
            Headers,
            ["KOR-SHEET-1", "Күміс қасық", "Серебряная ложка", "Silver spoon", "Silver spoon", "", "Silver", "конец XIX века", "Alma-Ata", "spoon.png", "A spoon.\n\nWith a second paragraph."],
            ["KOR-SHEET-2", "Кітап", "Книга", "Book", "Book", "", "Paper", "1930s", "Almaty", "", ""],
            ["KOR-PC-006", "", "", "Wooden chest (corrected)", "", "", "", "", "", "", ""],
        ];
        var media = await Stage(Workbooks.Zip(("photos/spoon.png", Workbooks.Png(40)), ("../../etc/passwd", [1, 2, 3])), "photos.zip");
        var file = await Stage(Workbooks.Csv(rows), "objects.csv");
        var (status, batch) = await Post("import", new { file, media, collection = Korean, saveMapping = true });
        Assert.Equal(HttpStatusCode.Accepted, status);
        var id = batch.GetProperty("id").GetString()!;
        var deadline = DateTime.UtcNow.AddSeconds(60);
        JsonElement progress;
        do
        {
            await Task.Delay(100);
            progress = JsonDocument.Parse(await host.Curator.GetStringAsync($"{Api}/archive/spreadsheet/import/{id}")).RootElement.Clone();
        }
        while (progress.GetProperty("state").GetString() == "running" && DateTime.UtcNow < deadline);
        Assert.Equal("done", progress.GetProperty("state").GetString());
        Assert.Equal(2, progress.GetProperty("created").GetInt32());
        Assert.Equal(1, progress.GetProperty("updated").GetInt32());
        Assert.Equal(before + 2, await ArtefactsInKorean());

        // Drafts only: nothing reaches the public until a curator publishes.
        var anonymous = host.CreateClient();
        var search = await anonymous.GetStringAsync("/umbraco/delivery/api/v2/content?filter=name:Silver%20spoon");
        Assert.Contains("\"total\":0", search);
        using (var scope = host.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ArchiveDbContext>();
            var spoon = await db.NodeCultures.Where(c => c.Name == "Silver spoon").Select(c => c.NodeId).SingleAsync();
            Assert.False(await db.NodeCultures.AnyAsync(c => c.NodeId == spoon && c.Published));
            var draft = Archive.Engine.Content.ContentData.FromJson(await db.NodeVersions.Where(v => v.NodeId == spoon && v.IsDraft).Select(v => v.Data).SingleAsync());
            Assert.Contains("mediaKey", draft.GetValue("images"));
            Assert.Contains("1867", draft.GetValue("dating"));
            Assert.Contains("<p>A spoon.</p><p>With a second paragraph.</p>", draft.GetValue("description", "en"));
            Assert.StartsWith("umb://document/", draft.GetValue("placeOfOrigin"));
        }

        // The same file again changes nothing; the saved mapping is there for the next file.
        var again = await Stage(Workbooks.Csv(rows), "objects.csv");
        var (_, report) = await Post("dry-run", new { file = again, media, collection = Korean });
        Assert.Equal(3, report.GetProperty("unchanged").GetInt32());
        Assert.Equal(HttpStatusCode.OK, (await host.Curator.GetAsync($"{Api}/archive/spreadsheet/mapping/{Korean}")).StatusCode);

        // Undo: the two records created are gone, the chest has its name back.
        var undo = await host.Curator.PostAsync($"{Api}/archive/spreadsheet/import/{id}/undo", null);
        Assert.Equal(HttpStatusCode.OK, undo.StatusCode);
        Assert.Equal(before, await ArtefactsInKorean());
        using (var scope = host.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ArchiveDbContext>();
            Assert.True(await db.NodeCultures.AnyAsync(c => c.Name == "Wooden chest"));
            Assert.False(await db.NodeCultures.AnyAsync(c => c.Name == "Wooden chest (corrected)"));
        }
        Assert.Equal(HttpStatusCode.Conflict, (await host.Curator.PostAsync($"{Api}/archive/spreadsheet/import/{id}/undo", null)).StatusCode);
    }

    [Theory]
    [InlineData("csv")]
    [InlineData("xlsx")]
    public async Task An_export_imports_back_unchanged(string format)
    {
        var export = await host.Curator.GetAsync($"{Api}/archive/collection/{Korean}/export?format={format}");
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        var bytes = await export.Content.ReadAsByteArrayAsync();
        var file = await Stage(bytes, $"export.{format}");
        var (status, report) = await Post("dry-run", new { file, collection = Korean });
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(format, report.GetProperty("format").GetString());
        Assert.Equal(report.GetProperty("rows").GetInt32(), report.GetProperty("unchanged").GetInt32());
        Assert.True(report.GetProperty("rows").GetInt32() >= 10);
        Assert.DoesNotContain(Problems(report), p => p.IsError);
    }

    [Fact]
    public async Task Malformed_files_and_requests_are_refused_naming_the_field()
    {
        foreach (var (bytes, name) in new[] { (Workbooks.Bomb(), "bomb.xlsx"), ("accessionNumber,name_en\nA,\"open"u8.ToArray(), "broken.csv"), (new byte[] { 0x50, 0x4B, 3, 4, 0, 0 }, "damaged.xlsx") })
        {
            var file = await Stage(bytes, name);
            var response = await host.Curator.PostAsJsonAsync($"{Api}/archive/spreadsheet/dry-run", new { file, collection = Korean });
            Assert.Equal((HttpStatusCode)422, response.StatusCode);
            Assert.Equal("file", JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("field").GetString());
        }
        var (status, problem) = await Post("dry-run", new { file = Guid.NewGuid(), collection = Korean });
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("$.file", problem.ToString());
        var real = await Stage(Workbooks.Csv([Headers]), "objects.csv");
        (status, problem) = await Post("dry-run", new { file = real, collection = Guid.NewGuid() });
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("$.collection", problem.ToString());
        (status, problem) = await Post("dry-run", new { file = "not a guid", collection = Korean });
        Assert.Equal(HttpStatusCode.BadRequest, status);
        var anonymous = await host.CreateClient().PostAsJsonAsync($"{Api}/archive/spreadsheet/dry-run", new { file = real, collection = Korean });
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
    }

    [Fact]
    public async Task An_import_whose_process_died_is_undone_by_the_leader_and_one_still_running_is_left_alone()
    {
        using var scope = host.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ArchiveDbContext>();
        var content = scope.ServiceProvider.GetRequiredService<Archive.Data.Content.ContentService>();
        async Task<(Guid Batch, Guid Item)> HalfDoneAsync(string accession)
        {
            var made = await content.CreateAsync(Guid.Parse(Korean), "artefact", new Archive.Engine.Content.ContentEdit
            {
                Names = new Dictionary<string, string> { ["en"] = accession },
                Values = [new Archive.Engine.Content.ValueEdit("accessionNumber", null, System.Text.Json.Nodes.JsonValue.Create(accession))],
            }, "sheets");
            Assert.True(made.Succeeded, made.ToString());
            var batch = new Archive.Data.Entities.ImportBatchEntity
            {
                Id = Guid.NewGuid(), CollectionKey = Guid.Parse(Korean), FileName = accession + ".csv", CreatedBy = "sheets",
                StartedAt = DateTime.UtcNow.AddMinutes(-10), State = "running", Total = 2, Processed = 1, Created = 1,
            };
            db.ImportBatches.Add(batch);
            db.ImportBatchItems.Add(new Archive.Data.Entities.ImportBatchItemEntity { BatchId = batch.Id, NodeKey = made.Key!.Value, Row = 2, Action = "created" });
            await db.SaveChangesAsync();
            return (batch.Id, made.Key!.Value);
        }
        var dead = await HalfDoneAsync("KOR-DEAD-001");
        var alive = await HalfDoneAsync("KOR-ALIVE-001");
        // The live one's process holds its lock (here, another connection of this test).
        await using var other = host.Services.CreateAsyncScope();
        await using var held = await Archive.Data.Cluster.ClusterLock.AcquireAsync(other.ServiceProvider.GetRequiredService<ArchiveDbContext>(),
            "import:" + alive.Batch.ToString("N"), CancellationToken.None);

        var importer = host.Services.GetRequiredService<Archive.Spreadsheets.Importing.SpreadsheetImporter>();
        Assert.Equal(1, await importer.UndoAbandonedAsync(CancellationToken.None));
        db.ChangeTracker.Clear();
        Assert.False(await db.Nodes.AnyAsync(n => n.Key == dead.Item));
        var failed = await db.ImportBatches.SingleAsync(b => b.Id == dead.Batch);
        Assert.Equal("failed", failed.State);
        Assert.Contains("stopped before it finished", failed.Error);
        Assert.True(await db.Nodes.AnyAsync(n => n.Key == alive.Item));
        Assert.Equal("running", (await db.ImportBatches.SingleAsync(b => b.Id == alive.Batch)).State);
        // Its progress resource says what happened, on whichever node is asked.
        var progress = JsonDocument.Parse(await host.Curator.GetStringAsync($"{Api}/archive/spreadsheet/import/{dead.Batch}")).RootElement;
        Assert.Equal("failed", progress.GetProperty("state").GetString());
    }
}
