using Archive.Data;
using Archive.Data.Content;
using Archive.Data.Publishing;
using Archive.Data.Schema;
using Archive.Data.USync;
using Archive.Engine.Editors;
using Archive.Engine.Publishing;
using Archive.Media.Storage;
using Archive.Search.Analysis;
using Archive.Search.Indexing;
using Archive.Search.Querying;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Archive.Web.Hosting;

public static class ArchiveServices
{
    /// Options, database, engine and media: everything the web host and the command line share.
    public static IHostApplicationBuilder AddArchive(this IHostApplicationBuilder builder)
    {
        var paths = RepositoryPaths.Discover(builder.Environment.ContentRootPath);
        builder.Services.AddSingleton(paths);
        builder.Services.AddOptions<ArchiveOptions>().BindConfiguration(ArchiveOptions.Section).ValidateDataAnnotations()
            .Validate(o => !o.Cluster.Enabled || o.Database.Provider.Equals("PostgreSQL", StringComparison.OrdinalIgnoreCase),
                "Archive:Cluster:Enabled needs Archive:Database:Provider PostgreSQL: the nodes of a cluster share one database.")
            .Validate(o => o.Cluster.MaxLagSeconds is >= 1 and <= 3600, "Archive:Cluster:MaxLagSeconds must be between 1 and 3600.")
            .ValidateOnStart();
        var options = builder.Configuration.GetSection(ArchiveOptions.Section).Get<ArchiveOptions>() ?? new ArchiveOptions();

        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton(PropertyEditors.Default);
        builder.Services.AddSingleton<SchemaStore>();
        builder.Services.AddSingleton(builder.Configuration.GetSection("Archive:Content").Get<ContentOptions>() ?? new ContentOptions());
        builder.Services.AddDbContext<ArchiveDbContext>((sp, db) => ConfigureDatabase(db, options, paths, builder.Configuration, historyTable: null));
        builder.Services.AddDbContext<Archive.Identity.IdentityDb>((sp, db) => ConfigureDatabase(db, options, paths, builder.Configuration, Archive.Identity.IdentityDb.MigrationsHistoryTable));
        Archive.Web.Management.ManagementSecurity.AddArchiveAccounts(builder.Services);
        builder.Services.AddScoped<ContentService>();
        builder.Services.AddScoped<Archive.Data.Exhibitions.RegistrarSheets>();
        builder.Services.AddScoped<Archive.Data.Movements.LedgerWriter>();
        builder.Services.AddScoped<Archive.Data.Movements.LedgerReader>();
        builder.Services.AddScoped<Archive.Data.Movements.LegacyLocations>();
        builder.Services.AddScoped<Archive.Data.Kiosks.KioskDevices>();
        builder.Services.AddScoped<Archive.Data.Kiosks.KioskUsage>();
        builder.Services.AddScoped<Management.Ledger.LedgerViews>();
        builder.Services.AddScoped<USyncImporter>();
        builder.Services.AddSingleton<Archive.Spreadsheets.Importing.SpreadsheetImporter>();
        builder.Services.AddScoped<Archive.Spreadsheets.Exporting.SpreadsheetExporter>();
        builder.Services.AddScoped<USyncExporter>();
        builder.Services.AddSingleton(new SchemaFilesOptions(options.USync.ExportOnSave ? paths.Resolve(options.USync.Folder) : null));
        builder.Services.AddSingleton<SchemaFiles>();
        builder.Services.AddScoped<SchemaService>();

        builder.Services.AddSingleton<IMediaStore>(sp =>
        {
            var archive = sp.GetRequiredService<IOptions<ArchiveOptions>>().Value;
            var media = archive.Media;
            // Derivatives and tiles of a remote store are kept on this node's disk too (served while the store is away).
            IMediaStore NodeCopies(IMediaStore remote) =>
                new NodeCopyStore(remote, Path.Combine(paths.Resolve(archive.DataPath), "media-copies"), media.NodeCopiesMegabytes * 1024L * 1024L);
            return media.Store switch
            {
                "FileSystem" => new FileSystemMediaStore(paths.Resolve(media.RootPath)),
                "AzureBlob" when !string.IsNullOrWhiteSpace(media.AzureBlob.ConnectionString) => NodeCopies(AzureBlobMediaStore.Connect(media.AzureBlob.ConnectionString, media.AzureBlob.Container)),
                "AzureBlob" when media.AzureBlob.ServiceUri is { } uri => NodeCopies(AzureBlobMediaStore.Connect(uri, media.AzureBlob.Container)),
                "AzureBlob" => throw new OptionsValidationException(nameof(MediaOptions), typeof(MediaOptions),
                    ["Archive:Media:AzureBlob needs a ConnectionString or a ServiceUri when Archive:Media:Store is AzureBlob."]),
                _ => throw new OptionsValidationException(nameof(MediaOptions), typeof(MediaOptions), [$"The media store '{media.Store}' is not available in this build."]),
            };
        });
        builder.Services.AddSingleton<IMediaImportTarget, MediaImportTarget>();
        builder.Services.AddOptions<Archive.Media.Imaging.ImagingSettings>().BindConfiguration(Archive.Media.Imaging.ImagingSettings.Section);
        builder.Services.AddSingleton<Archive.Media.Imaging.SourceHashes>();
        builder.Services.AddSingleton(sp => new Archive.Media.Imaging.DerivativeQuota.Settings(
            sp.GetRequiredService<IOptions<ArchiveOptions>>().Value.Media.DerivativeCacheMegabytes * 1024L * 1024L));
        builder.Services.AddSingleton<Archive.Media.Imaging.DerivativeQuota>();
        builder.Services.AddSingleton<Archive.Media.Imaging.Derivatives>();
        builder.Services.AddSingleton<Archive.Media.Iiif.TilePyramids>();
        builder.Services.AddSingleton<Archive.Media.Iiif.IiifRenderer>();
        builder.Services.AddScoped<Archive.Media.Uploads.MediaUploads>();
        builder.Services.AddScoped<Archive.Media.Library.MediaDeletion>();
        builder.Services.AddScoped<Archive.Media.Library.MediaOrphans>();
        builder.Services.AddSingleton<StartupState>();
        builder.Services.AddSingleton<Archive.Data.Cluster.ClusterLeadership>();

        builder.Services.AddSingleton(new HunspellDictionaries());
        builder.Services.AddSingleton<ArchiveAnalyzers>();
        builder.Services.AddSingleton(sp => new SearchIndex(Path.Combine(paths.Resolve(options.DataPath), "index"), sp.GetRequiredService<ArchiveAnalyzers>()));
        builder.Services.AddSingleton(new FacetSampling(options.Search.FacetsExactUpTo));
        builder.Services.AddSingleton<SearchService>();
        builder.Services.AddSingleton<SuggestService>();
        builder.Services.AddSingleton(new SearchIndexProjection.Settings(options.Search.CheckpointEvery));
        builder.Services.AddSingleton<SearchIndexProjection>();

        // One follower of the change log feeds every projection of the public content.
        builder.Services.AddSingleton<PrivateRecordFacts>();
        builder.Services.AddScoped<IStoredItemSource, StoredItemReader>();
        builder.Services.AddSingleton<ChangeLogFollower>();
        return builder;
    }

    private static void ConfigureDatabase(DbContextOptionsBuilder typed, ArchiveOptions options, RepositoryPaths paths, IConfiguration configuration, string? historyTable)
    {
        var connection = configuration.GetConnectionString("Archive");
        if (options.Database.Provider.Equals("PostgreSQL", StringComparison.OrdinalIgnoreCase))
        {
            if (string.IsNullOrWhiteSpace(connection))
                throw new OptionsValidationException("ConnectionStrings:Archive", typeof(ArchiveOptions), ["ConnectionStrings:Archive is required when Archive:Database:Provider is PostgreSQL."]);
            typed.UseNpgsql(connection, npgsql =>
            {
                npgsql.MigrationsAssembly("Archive.Data.PostgreSql");
                // A list of keys goes as one array parameter: one per key would meet the server's limit at a large catalogue.
                npgsql.UseParameterizedCollectionMode(ParameterTranslationMode.Parameter);
                if (historyTable is not null)
                    npgsql.MigrationsHistoryTable(historyTable);
            });
        }
        else
        {
            if (string.IsNullOrWhiteSpace(connection))
            {
                var dataPath = paths.Resolve(options.DataPath);
                Directory.CreateDirectory(dataPath);
                connection = $"Data Source={Path.Combine(dataPath, "archive.db")}";
            }
            typed.UseSqlite(connection, sqlite =>
            {
                sqlite.MigrationsAssembly("Archive.Data.Sqlite");
                // A list of keys goes as one JSON parameter: one per key meets SQLite's limit of 32,766 at a large catalogue.
                sqlite.UseParameterizedCollectionMode(ParameterTranslationMode.Parameter);
                if (historyTable is not null)
                    sqlite.MigrationsHistoryTable(historyTable);
            });
        }
        if (typed is DbContextOptionsBuilder<ArchiveDbContext> archive)
            archive.UseArchiveDefaults();
    }
}
