using System.Diagnostics;
using Archive.Catalogues.Synthetic;
using Archive.Data.USync;
using Archive.Engine.USync;
using Archive.Integration.Tests.Infrastructure;
using Archive.Search.Analysis;
using Archive.Search.Indexing;
using Lucene.Net.Index;
using Microsoft.EntityFrameworkCore;

namespace Archive.Integration.Tests.Search;

/// `index rebuild` in a real process, killed mid-way: the next run resumes after the last checkpoint
/// and leaves an index with every item exactly once.
public sealed class IndexCrashTests : IAsyncLifetime
{
    private readonly SqliteTestDatabase _database = new();
    private readonly string _dataPath = Paths.TempFolder();

    public async Task InitializeAsync()
    {
        await _database.InitializeAsync();
        var services = new ArchiveServices(_database);
        await services.ImportAsync(Paths.ArchiveUSync, content: false);
        await using var db = _database.NewContext();
        await services.Importer(db).ImportAsync(new SyntheticCatalogue().Generate(3000), new USyncImportOptions { Schema = false }, "test");
    }

    public async Task DisposeAsync()
    {
        await _database.DisposeAsync();
        Directory.Delete(_dataPath, recursive: true);
    }

    [Fact]
    public async Task A_rebuild_killed_mid_way_resumes_to_a_consistent_index()
    {
        var index = Path.Combine(_dataPath, "index");
        using (var first = Start("index", "rebuild"))
        {
            // Killed as soon as the new generation has its first checkpoint on disk.
            var deadline = DateTime.UtcNow.AddSeconds(120);
            while (!HasCheckpoint(index) && !first.HasExited && DateTime.UtcNow < deadline)
                await Task.Delay(5);
            Assert.False(first.HasExited, "the rebuild finished before it could be killed");
            first.Kill(entireProcessTree: true);
            await first.WaitForExitAsync();
        }
        Assert.False(File.Exists(Path.Combine(index, "current")));

        using (var second = Start("index", "rebuild"))
        {
            // Both streams read at once: a full error pipe would stall the process.
            var errors = second.StandardError.ReadToEndAsync();
            var output = await second.StandardOutput.ReadToEndAsync();
            await second.WaitForExitAsync();
            Assert.True(second.ExitCode == 0, output + await errors);
            Assert.True(output.Contains("Resumed an unfinished rebuild"), output[^Math.Min(600, output.Length)..]);
        }

        int nodes;
        await using (var db = _database.NewContext())
            nodes = await db.Nodes.CountAsync(n => !n.Trashed);
        using var reopened = new SearchIndex(index, new ArchiveAnalyzers(new HunspellDictionaries()));
        Assert.True(reopened.Exists);
        var documents = reopened.Search(searcher =>
        {
            var reader = searcher.IndexReader;
            var live = MultiFields.GetLiveDocs(reader);
            return Enumerable.Range(0, reader.MaxDoc).Where(d => live is null || live.Get(d)).Select(d => reader.Document(d))
                .Select(d => (d.Get(IndexFields.Key), d.Get(IndexFields.Culture), d.Get(IndexFields.Published))).ToList();
        });
        Assert.Equal(documents.Count, documents.Distinct().Count());
        Assert.Equal(nodes, documents.Select(d => d.Item1).Distinct().Count());
    }

    /// Whether the generation being built has a commit with a resume cursor (read-only: the writer is in the other process).
    private static bool HasCheckpoint(string index)
    {
        var building = Path.Combine(index, "building");
        try
        {
            if (!File.Exists(building))
                return false;
            using var directory = Lucene.Net.Store.FSDirectory.Open(Path.Combine(index, File.ReadAllText(building).Trim()));
            return DirectoryReader.IndexExists(directory) && DirectoryReader.ListCommits(directory).Any(c => c.UserData.ContainsKey("cursor"));
        }
        catch (Exception ex) when (ex is IOException or IndexNotFoundException or CorruptIndexException)
        {
            return false;
        }
    }

    private Process Start(params string[] args) => HostProcess.Start(new Dictionary<string, string>
    {
        ["Archive__DataPath"] = _dataPath,
        ["ConnectionStrings__Archive"] = _database.ConnectionString,
        ["Archive__Search__CheckpointEvery"] = "200",
        ["DOTNET_ENVIRONMENT"] = "Testing",
    }, args);
}
