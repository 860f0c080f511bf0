using Archive.Data;
using Archive.Data.USync;
using Archive.Engine.USync;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Archive.Web.Hosting;

/// Brings the database up to date at start-up: migrations, then the uSync schema (when it changed)
/// and, into an empty database, the uSync content and media.
public sealed class StartupImport(IServiceProvider services, IOptions<ArchiveOptions> options, RepositoryPaths paths,
    StartupState state, ILogger<StartupImport> logger) : BackgroundService
{
    public const string SystemActor = "system";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await RunAsync(services, options.Value, paths, logger, stoppingToken);
            state.MarkReady();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogCritical(ex, "Start-up failed: {Message}", ex.Message);
            state.MarkFailed(ex);
        }
    }

    public static async Task RunAsync(IServiceProvider services, ArchiveOptions options, RepositoryPaths paths, ILogger logger, CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ArchiveDbContext>();
        await db.Database.MigrateAsync(ct);
        await scope.ServiceProvider.GetRequiredService<Archive.Identity.IdentityDb>().Database.MigrateAsync(ct);
        await scope.ServiceProvider.GetRequiredService<Archive.Identity.Accounts>().EnsureRolesAsync(ct);
        logger.LogInformation("Database ready ({Provider})", db.Database.ProviderName);
        if (!options.USync.ImportOnStartup)
        {
            await MigrateLegacyLocationsAsync(scope.ServiceProvider, logger, ct);
            return;
        }
        var folder = paths.Resolve(options.USync.Folder);
        if (!Directory.Exists(folder))
        {
            logger.LogWarning("The uSync folder {Folder} does not exist; nothing imported", folder);
            await MigrateLegacyLocationsAsync(scope.ServiceProvider, logger, ct);
            return;
        }
        var package = USyncFolderReader.Read(folder);
        var importContent = options.USync.ImportContent && !await db.Nodes.AnyAsync(ct);
        var importer = scope.ServiceProvider.GetRequiredService<USyncImporter>();
        var report = await importer.ImportAsync(package, new USyncImportOptions
        {
            Schema = true,
            Content = importContent,
            MediaFolder = paths.Resolve(options.USync.MediaFolder),
        }, SystemActor, ct: ct);
        logger.LogInformation("uSync import from {Folder}: {Report}", folder, report.ToString());
        foreach (var warning in report.Warnings.Take(20))
            logger.LogWarning("uSync import: {Warning}", warning);
        await MigrateLegacyLocationsAsync(scope.ServiceProvider, logger, ct);
    }

    /// A catalogue from before the movement ledger is brought onto it once (LegacyLocations).
    private static async Task MigrateLegacyLocationsAsync(IServiceProvider services, ILogger logger, CancellationToken ct)
    {
        var migrated = await services.GetRequiredService<Archive.Data.Movements.LegacyLocations>().MigrateAsync(ct);
        if (migrated > 0)
            logger.LogInformation("Moved the former location fields of {Count} items onto the movement ledger", migrated);
    }
}
