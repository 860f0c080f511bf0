using System.CommandLine;
using Archive.Data;
using Archive.Spreadsheets.Exporting;
using Archive.Spreadsheets.Importing;
using Archive.Spreadsheets.Mapping;
using Archive.Spreadsheets.Reading;
using Archive.Web.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Spectre.Console;

namespace Archive.Web.Cli;

/// `import spreadsheet <file> --collection <key> [--mapping <file>] [--media <folder or zip>] [--dry-run] [--save-mapping]
/// [--report <file>]`, `import undo <batch>` and `export spreadsheet <file> --collection <key>`.
public static class SpreadsheetCommands
{
    public static Command Import(IServiceProvider services)
    {
        var file = new Argument<string>("file") { Description = "The CSV or XLSX file." };
        var collection = new Option<Guid>("--collection") { Description = "The collection the records belong to.", Required = true };
        var mapping = new Option<string?>("--mapping") { Description = "A JSON file mapping columns to properties and cultures (else the collection's saved mapping, else the headers)." };
        var media = new Option<string?>("--media") { Description = "A folder or ZIP holding the image files the sheet names." };
        var dryRun = new Option<bool>("--dry-run") { Description = "Report what would be created and updated, and every problem; change nothing." };
        var saveMapping = new Option<bool>("--save-mapping") { Description = "Keep this file's mapping for the collection's next files." };
        var report = new Option<string?>("--report") { Description = "Write the plan of every row to this CSV file." };
        var spreadsheet = new Command("spreadsheet", "Catalogue a spreadsheet into a collection as drafts, matched by accession number; first a dry run, then the import as one batch.")
        {
            file, collection, mapping, media, dryRun, saveMapping, report,
        };
        spreadsheet.SetAction(async (parse, ct) =>
        {
            var path = Path.GetFullPath(parse.GetValue(file)!);
            if (!File.Exists(path))
            {
                Console.Error.WriteLine($"{path}: no such file.");
                return 1;
            }
            await using (var scope = services.CreateAsyncScope())
                await scope.ServiceProvider.GetRequiredService<ArchiveDbContext>().Database.MigrateAsync(ct);
            ColumnMapping? columns = null;
            try
            {
                if (parse.GetValue(mapping) is { } mappingFile)
                    columns = ColumnMapping.Parse(await File.ReadAllTextAsync(mappingFile, ct));
            }
            catch (Exception ex) when (ex is FormatException or IOException)
            {
                Console.Error.WriteLine(ex.Message);
                return 1;
            }
            var limit = services.GetRequiredService<IOptions<ArchiveOptions>>().Value.Media.MaxUploadBytes;
            var request = new ImportRequest(path, Path.GetFileName(path), parse.GetValue(collection), columns,
                parse.GetValue(media) is { } m ? Path.GetFullPath(m) : null, "command line", limit);
            var importer = services.GetRequiredService<SpreadsheetImporter>();
            ImportReport plan;
            try
            {
                plan = await importer.DryRunAsync(request, allRows: parse.GetValue(report) is not null, ct);
            }
            catch (SheetRefusedException refused)
            {
                Console.Error.WriteLine($"{Path.GetFileName(path)} was refused: {refused.Message}");
                return 1;
            }
            Console.WriteLine($"{plan.Rows} rows ({plan.Format}{(plan.Encoding is null ? "" : $", {plan.Encoding}")}{(plan.Delimiter is null ? "" : $", separated by {plan.Delimiter}")}): " +
                $"{plan.Create} to create, {plan.Update} to update, {plan.Unchanged} unchanged, {plan.Errors} with errors.");
            foreach (var problem in plan.Problems)
                Console.WriteLine($"  {(problem.IsError ? "error" : "warning")} {(problem.Row is { } r ? $"row {r}" : "file")}{(problem.Column is { } c ? $", {c}" : "")}: {problem.Message}");
            if (parse.GetValue(report) is { } reportFile)
                await File.WriteAllLinesAsync(reportFile, ["row,action,accessionNumber,key,changed",
                    .. plan.RowPlans.Select(r => $"{r.Row},{r.Action},\"{r.AccessionNumber?.Replace("\"", "\"\"")}\",{r.Key},\"{string.Join("; ", r.Changed).Replace("\"", "\"\"")}\"")], ct);
            if (parse.GetValue(saveMapping))
                await importer.SaveMappingAsync(request.Collection, new ColumnMapping(plan.Mapping), request.Actor, ct);
            if (!plan.CanImport)
            {
                Console.Error.WriteLine("Nothing was imported: correct the problems above and run it again.");
                return 1;
            }
            if (parse.GetValue(dryRun))
                return 0;
            var batch = await importer.BeginAsync(request, plan, ct);
            try
            {
                await AnsiConsole.Progress().AutoClear(false).StartAsync(async ctx =>
                {
                    var task = ctx.AddTask("Importing", maxValue: Math.Max(1, plan.Create + plan.Update));
                    await importer.RunAsync(batch, request, new Progress<int>(done => task.Value = done), ct);
                    task.Value = task.MaxValue;
                });
            }
            catch (SheetRefusedException failed)
            {
                Console.Error.WriteLine(failed.Message);
                return 1;
            }
            Console.WriteLine($"Imported as batch {batch}: {plan.Create} created, {plan.Update} updated, as drafts (nothing was published). `import undo {batch}` takes it back.");
            return 0;
        });
        var batchId = new Argument<Guid>("batch") { Description = "The batch an import reported." };
        var undo = new Command("undo", "Undo a spreadsheet import: records it created are removed, those it updated get their former draft back.") { batchId };
        undo.SetAction(async (parse, ct) =>
        {
            var (undone, message) = await services.GetRequiredService<SpreadsheetImporter>().UndoAsync(parse.GetValue(batchId), "command line", ct);
            (undone ? Console.Out : Console.Error).WriteLine(message);
            return undone ? 0 : 1;
        });
        return new Command("import", "Bring records in from outside.") { spreadsheet, undo };
    }

    public static Command Export(IServiceProvider services)
    {
        var file = new Argument<string>("file") { Description = "The file to write: .csv or .xlsx." };
        var collection = new Option<Guid>("--collection") { Description = "The collection to export.", Required = true };
        var spreadsheet = new Command("spreadsheet", "Write a collection's records as the spreadsheet an import reads back (the same columns).") { file, collection };
        spreadsheet.SetAction(async (parse, ct) =>
        {
            var path = Path.GetFullPath(parse.GetValue(file)!);
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<ArchiveDbContext>();
            await db.Database.MigrateAsync(ct);
            if (!await db.Nodes.AnyAsync(n => n.Key == parse.GetValue(collection) && !n.IsMedia, ct))
            {
                Console.Error.WriteLine($"There is no collection {parse.GetValue(collection)}.");
                return 1;
            }
            await using var output = File.Create(path);
            var count = await scope.ServiceProvider.GetRequiredService<SpreadsheetExporter>().ExportAsync(parse.GetValue(collection),
                Path.GetExtension(path).Equals(".xlsx", StringComparison.OrdinalIgnoreCase) ? "xlsx" : "csv", withPrivateFields: true, output, ct);
            Console.WriteLine($"Wrote {count} records to {path}.");
            return 0;
        });
        return new Command("export", "Write records out.") { spreadsheet };
    }
}
