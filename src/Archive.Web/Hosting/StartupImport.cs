using Archive.Data;
using Archive.Data.USync;
using Archive.Engine.USync;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Archive.Web.Hosting;

/// Brings the database up to date at start-up: migrations, then the uSync schema (when it changed)
/// and, into an empty database, the uSync content and media. Nodes of a cluster take turns (a cluster lock), so one
/// migrates and seeds while the others wait; and there the database holds the schema: the folder is imported only
/// into a database without one, so a node started from an older folder never reverts what another node changed.
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
        await using var turn = await Archive.Data.Cluster.ClusterLock.AcquireAsync(db, "startup", ct);
        await db.Database.MigrateAsync(ct);
        var identity = scope.ServiceProvider.GetRequiredService<Archive.Identity.IdentityDb>();
        await identity.Database.MigrateAsync(ct);
        if (await Archive.Identity.KeyRingFolder.ImportAsync(identity, Path.Combine(paths.Resolve(options.DataPath), "keys"), ct) is var keys and > 0)
            logger.LogInformation("Moved {Count} keys of the key ring from the data folder into the database", keys);
        // The key ring's first key is made here, inside the start-up turn: nodes starting together share one key
        // instead of each making its own before the others can read it.
        scope.ServiceProvider.GetService<Microsoft.AspNetCore.DataProtection.IDataProtectionProvider>()?.CreateProtector("Archive.Startup").Protect([1]);
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
        if (options.Cluster.Enabled && await db.SchemaItems.AnyAsync(ct))
        {
            logger.LogInformation("The cluster's database holds the schema; the uSync folder is not imported (roll a changed folder out once with 'usync import <folder> --schema-only')");
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
