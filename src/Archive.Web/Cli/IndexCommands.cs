using System.CommandLine;
using Archive.Data;
using Archive.Engine.Publishing;
using Archive.Search.Indexing;
using Microsoft.EntityFrameworkCore;
using Spectre.Console;

namespace Archive.Web.Cli;

public static class IndexCommands
{
    public static Command Create(IServiceProvider services)
    {
        var fresh = new Option<bool>("--fresh") { Description = "Start over even if a rebuild was cut short (by default it resumes after its last checkpoint)." };
        var rebuild = new Command("rebuild", "Rebuild the search index from the database (searches keep using the old index until it is done).") { fresh };
        rebuild.SetAction(async (parse, ct) =>
        {
            await using (var scope = services.CreateAsyncScope())
                await scope.ServiceProvider.GetRequiredService<ArchiveDbContext>().Database.MigrateAsync(ct);
            var indexing = services.GetRequiredService<SearchIndexProjection>();
            await using var reading = services.CreateAsyncScope();
            var source = reading.ServiceProvider.GetRequiredService<IStoredItemSource>();
            var (count, resumed) = (0, false);
            var watch = System.Diagnostics.Stopwatch.StartNew();
            await AnsiConsole.Progress().AutoClear(false).StartAsync(async ctx =>
            {
                var task = ctx.AddTask("Reading items", maxValue: 1);
                (count, resumed) = await indexing.RebuildAsync(source, new Progress<(int Done, int Total)>(p => { task.MaxValue = Math.Max(1, p.Total); task.Value = p.Done; }), ct,
                    resume: !parse.GetValue(fresh));
                task.Value = task.MaxValue;
            });
            Console.WriteLine(resumed
                ? $"Resumed an unfinished rebuild: indexed the remaining {count} items in {watch.Elapsed.TotalSeconds:F1} s."
                : $"Indexed {count} items in {watch.Elapsed.TotalSeconds:F1} s.");
            return 0;
        });
        return new Command("index", "The search index.") { rebuild };
    }
}
