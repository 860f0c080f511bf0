using System.Diagnostics;
using Archive.Catalogues.Synthetic;
using Archive.Data;
using Archive.Data.Content;
using Archive.Data.Schema;
using Archive.Data.USync;
using Archive.Engine.Editors;
using Archive.Engine.USync;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Archive.Benchmarks;

/// `backup create`, `backup verify` and `backup restore` (the Release host's command line, as an operator runs them) on
/// an installation of N synthetic artefacts × 3 cultures with the demo catalogue's images beside them, each beside a
/// baseline from the same run: a plain copy of the same database file and media folder.
public static class BackupBenchmark
{
    public static async Task<int> RunAsync(int count, string schemaFolder)
    {
        var root = DeliveryBenchmark.RepositoryRoot();
        var data = Directory.CreateTempSubdirectory("archive-bench-backup").FullName;
        var media = Path.Combine(data, "media");
        // The demo's images as the media library (the synthetic records carry no binaries of their own).
        foreach (var file in Directory.GetFiles(Path.Combine(root, "media"), "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(media, Path.GetRelativePath(Path.Combine(root, "media"), file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
        var database = Path.Combine(data, "archive.db");
        var options = new DbContextOptionsBuilder<ArchiveDbContext>().UseSqlite($"Data Source={database}", x => x.MigrationsAssembly("Archive.Data.Sqlite")).UseArchiveDefaults().Options;
        await using (var db = new ArchiveDbContext(options))
        {
            await db.Database.MigrateAsync();
            var importer = new USyncImporter(db, new SchemaStore(), PropertyEditors.Default,
                new Archive.Media.Storage.MediaImportTarget(new Archive.Media.Storage.FileSystemMediaStore(media)), new ContentOptions(), TimeProvider.System);
            await importer.ImportAsync(USyncFolderReader.Read(schemaFolder), new USyncImportOptions { Content = false }, "benchmark");
            await importer.ImportAsync(new SyntheticCatalogue().Generate(count), new USyncImportOptions { Schema = false }, "benchmark");
        }
        SqliteConnection.ClearAllPools();
        var mediaFiles = Directory.GetFiles(media, "*", SearchOption.AllDirectories);
        Console.WriteLine($"{count:N0} synthetic artefacts × 3 cultures: database {new FileInfo(database).Length / 1048576.0:F0} MB, " +
            $"{mediaFiles.Length} media files ({mediaFiles.Sum(f => new FileInfo(f).Length) / 1048576.0:F0} MB)");

        // Baseline: the same bytes copied as files, with nothing running.
        var copy = Directory.CreateTempSubdirectory("archive-bench-copy").FullName;
        var watch = Stopwatch.StartNew();
        File.Copy(database, Path.Combine(copy, "archive.db"));
        foreach (var file in mediaFiles)
        {
            var target = Path.Combine(copy, "media", Path.GetRelativePath(media, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
        var baseline = watch.Elapsed;
        Console.WriteLine($"Baseline, a plain copy of the database file and media folder: {baseline.TotalSeconds:F1} s");

        var source = new Dictionary<string, string> { ["Archive__DataPath"] = data, ["Archive__Media__RootPath"] = media };
        var backup = Path.Combine(Directory.CreateTempSubdirectory("archive-bench-backups").FullName, "backup");
        var create = await TimedAsync(source, "backup", "create", backup);
        var verify = await TimedAsync(source, "backup", "verify", backup);
        var empty = Directory.CreateTempSubdirectory("archive-bench-restore").FullName;
        var restore = await TimedAsync(new Dictionary<string, string> { ["Archive__DataPath"] = empty, ["Archive__Media__RootPath"] = Path.Combine(empty, "media") },
            "backup", "restore", backup);
        var size = Directory.GetFiles(backup, "*", SearchOption.AllDirectories).Sum(f => new FileInfo(f).Length);
        Console.WriteLine($"backup create {create.TotalSeconds:F1} s ({create / baseline:F1}× the copy), verify {verify.TotalSeconds:F1} s ({verify / baseline:F1}×), " +
            $"restore into an empty installation {restore.TotalSeconds:F1} s ({restore / baseline:F1}×); the backup holds {size / 1048576.0:F0} MB (each includes a host process start)");
        foreach (var folder in new[] { data, copy, Path.GetDirectoryName(backup)!, empty })
            Directory.Delete(folder, recursive: true);
        return 0;
    }

    private static async Task<TimeSpan> TimedAsync(IReadOnlyDictionary<string, string> environment, params string[] arguments)
    {
        var watch = Stopwatch.StartNew();
        await ArchiveCli.RunAsync(environment, "", arguments);
        return watch.Elapsed;
    }
}
