using System.CommandLine;
using Archive.Backups;
using Archive.Data;
using Archive.Media.Storage;
using Archive.Web.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Spectre.Console;

namespace Archive.Web.Cli;

/// `backup create <dir>`, `backup verify <dir>` and `backup restore <dir>`: a consistent snapshot of the database and
/// every media file, taken while the archive runs; checked without restoring; restored into an empty installation.
public static class BackupCommands
{
    public static Command Create(IServiceProvider services)
    {
        var backup = new Command("backup", "Back up the whole archive, check a backup, or restore one into an empty installation.");
        backup.Subcommands.Add(Operation(services, "create", "Take a backup (database and media) into a new or empty folder, while the archive runs.", async (target, folder, progress, ct) =>
        {
            var manifest = await CreateBackup.RunAsync(target, folder, progress, ct);
            var tables = manifest.Rows.Count;
            Console.WriteLine($"Backed up the {manifest.Provider} database ({tables} tables, {manifest.Rows.GetValueOrDefault("Nodes")} items) and " +
                $"{manifest.Media.Count} media files ({manifest.Media.Sum(f => f.Bytes) / 1048576.0:F1} MB) into {folder}.");
            foreach (var missing in manifest.Missing.Take(20))
                Console.Error.WriteLine($"  missing from the store when copied (deleted since the snapshot?): {missing}");
            return 0;
        }));
        backup.Subcommands.Add(Operation(services, "verify", "Check a backup without restoring it: its manifest, database copy and every media file's hash.", async (target, folder, progress, ct) =>
        {
            var (manifest, problems) = await VerifyBackup.RunAsync(folder, target.PostgreSqlBin, progress, ct);
            foreach (var problem in problems)
                Console.Error.WriteLine($"  {problem}");
            Console.WriteLine(problems.Count == 0
                ? $"The backup of {manifest.CreatedAt:u} verifies: a {manifest.Provider} database with {manifest.Rows.GetValueOrDefault("Nodes")} items and {manifest.Media.Count} media files."
                : $"The backup does not verify: {problems.Count} problems.");
            return problems.Count == 0 ? 0 : 1;
        }));
        backup.Subcommands.Add(Operation(services, "restore", "Restore a backup into this (empty) installation: database, then media; the index is built at the next start.", async (target, folder, progress, ct) =>
        {
            var manifest = await RestoreBackup.RunAsync(target, folder, progress, ct);
            Console.WriteLine($"Restored the backup of {manifest.CreatedAt:u}: {manifest.Rows.GetValueOrDefault("Nodes")} items and {manifest.Media.Count} media files.");
            return 0;
        }));
        return backup;
    }

    private static Command Operation(IServiceProvider services, string name, string description, Func<BackupTarget, string, IProgress<BackupProgress>, CancellationToken, Task<int>> run)
    {
        var folder = new Argument<string>("folder") { Description = "The backup's folder." };
        var command = new Command(name, description) { folder };
        command.SetAction(async (parse, ct) =>
        {
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<ArchiveDbContext>();
            var options = services.GetRequiredService<IOptions<ArchiveOptions>>().Value;
            var target = new BackupTarget(db.Database.IsPostgres() ? BackupTarget.PostgreSql : BackupTarget.Sqlite,
                db.Database.GetConnectionString()!, services.GetRequiredService<IMediaStore>(), options.Backup.PostgreSqlBin);
            try
            {
                var status = 0;
                await AnsiConsole.Progress().AutoClear(true).StartAsync(async context =>
                {
                    var task = context.AddTask(name);
                    var progress = new Progress<BackupProgress>(p =>
                    {
                        task.Description = p.Stage;
                        task.MaxValue = Math.Max(1, p.Total);
                        task.Value = p.Total == 0 ? 0 : p.Done;
                    });
                    status = await run(target, Path.GetFullPath(parse.GetValue(folder)!), progress, ct);
                });
                return status;
            }
            catch (BackupException ex)
            {
                Console.Error.WriteLine(ex.Message);
                return 1;
            }
        });
        return command;
    }
}
