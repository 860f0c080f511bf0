using System.CommandLine;
using Archive.Data;
using Archive.Data.USync;
using Archive.Engine.USync;
using Archive.Web.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Spectre.Console;

namespace Archive.Web.Cli;

public static class USyncCommands
{
    public static Command Create(IServiceProvider services)
    {
        var importFolder = new Argument<string>("folder") { Description = "A uSync version folder (the one holding usync.config)." };
        var mediaFolder = new Option<string?>("--media") { Description = "Where the media binaries are (default: <folder>/media when it exists, else Archive:USync:MediaFolder)." };
        var schemaOnly = new Option<bool>("--schema-only") { Description = "Import languages, data types and content types, not content or media." };
        var import = new Command("import", "Import a uSync folder into the archive (unchanged items are skipped).") { importFolder, mediaFolder, schemaOnly };
        import.SetAction((parse, ct) => ImportAsync(services, parse.GetValue(importFolder)!, parse.GetValue(mediaFolder), parse.GetValue(schemaOnly), ct));

        var exportFolder = new Argument<string>("folder") { Description = "Where to write the uSync folder; media binaries go to <folder>/media." };
        var export = new Command("export", "Export the archive as a uSync folder.") { exportFolder };
        export.SetAction((parse, ct) => ExportAsync(services, parse.GetValue(exportFolder)!, ct));

        return new Command("usync", "Import and export the schema and content as uSync files.") { import, export };
    }

    private static async Task<int> ImportAsync(IServiceProvider services, string folder, string? media, bool schemaOnly, CancellationToken ct)
    {
        var options = services.GetRequiredService<IOptions<ArchiveOptions>>().Value;
        var paths = services.GetRequiredService<RepositoryPaths>();
        var source = Path.GetFullPath(folder);
        var mediaSource = media is not null ? Path.GetFullPath(media)
            : Directory.Exists(Path.Combine(source, "media")) ? Path.Combine(source, "media")
            : paths.Resolve(options.USync.MediaFolder);
        try
        {
            await using var scope = services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<ArchiveDbContext>().Database.MigrateAsync(ct);
            var package = USyncFolderReader.Read(source);
            var importer = scope.ServiceProvider.GetRequiredService<USyncImporter>();
            ImportReport? report = null;
            await AnsiConsole.Progress().AutoClear(false).StartAsync(async ctx =>
            {
                var task = ctx.AddTask("Importing", maxValue: Math.Max(1, package.Nodes.Count));
                report = await importer.ImportAsync(package, new USyncImportOptions { Content = !schemaOnly, MediaFolder = mediaSource },
                    StartupImport.SystemActor, new Progress<ImportProgress>(p => task.Value = p.Done), ct);
                task.Value = task.MaxValue;
            });
            PrintReport(report!);
            return 0;
        }
        catch (Exception ex) when (ex is USyncFormatException or USyncImportException)
        {
            await Console.Error.WriteLineAsync(ex.Message);
            return 1;
        }
    }

    private static void PrintReport(ImportReport report)
    {
        Console.WriteLine($"Import finished: {report}");
        foreach (var warning in report.Warnings)
            Console.WriteLine($"warning: {warning}");
        foreach (var removal in report.Removals)
            Console.WriteLine($"removal: {removal}");
        foreach (var missing in report.NotInFolder)
            Console.WriteLine($"not in folder (kept): {missing}");
    }

    private static async Task<int> ExportAsync(IServiceProvider services, string folder, CancellationToken ct)
    {
        var target = Path.GetFullPath(folder);
        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<ArchiveDbContext>().Database.MigrateAsync(ct);
        var exporter = scope.ServiceProvider.GetRequiredService<USyncExporter>();
        ExportReport? report = null;
        await AnsiConsole.Progress().AutoClear(false).StartAsync(async ctx =>
        {
            var task = ctx.AddTask("Exporting", maxValue: 1);
            report = await exporter.ExportAsync(target, new Progress<ImportProgress>(p => { task.MaxValue = Math.Max(1, p.Total); task.Value = p.Done; }), ct);
            task.Value = task.MaxValue;
        });
        Console.WriteLine($"Exported {report!.Files} files and {report.MediaFiles} media files to {target}");
        foreach (var warning in report.Warnings)
            Console.WriteLine($"warning: {warning}");
        return 0;
    }
}
