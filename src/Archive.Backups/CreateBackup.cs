namespace Archive.Backups;

/// `backup create`: the database snapshot first, then every media file (so each file the snapshot names is there, unless
/// deleted in between: listed as missing), then the manifest, which makes the folder a backup.
public static class CreateBackup
{
    public static async Task<BackupManifest> RunAsync(BackupTarget source, string folder, IProgress<BackupProgress>? progress, CancellationToken ct)
    {
        if (Directory.Exists(folder) && Directory.EnumerateFileSystemEntries(folder).Any())
            throw new BackupException($"{folder} is not empty: a backup goes into a new or empty folder.");
        Directory.CreateDirectory(folder);
        progress?.Report(new BackupProgress("database", 0, 1));
        var databaseFile = Path.Combine(folder, source.DatabaseFile);
        var (rows, named) = source.IsPostgres
            ? await PostgresDump.CreateAsync(source.ConnectionString, databaseFile, source.PostgreSqlBin, ct)
            : await SqliteSnapshot.CreateAsync(source.ConnectionString, databaseFile, ct);
        var (hash, bytes) = await MediaObjects.HashAsync(databaseFile, ct);
        progress?.Report(new BackupProgress("database", 1, 1));

        var files = await MediaObjects.CopyOutAsync(source.Media, folder, new Progress<int>(n => progress?.Report(new BackupProgress("media", n, 0))), ct);
        var copied = files.Select(f => f.Path).ToHashSet(StringComparer.Ordinal);
        var manifest = new BackupManifest
        {
            CreatedAt = DateTimeOffset.UtcNow,
            Provider = source.Provider,
            Database = new BackupFile(source.DatabaseFile, hash, bytes),
            Rows = rows,
            Media = files,
            Missing = named.Where(p => !copied.Contains(p)).Order(StringComparer.Ordinal).ToList(),
        };
        await manifest.WriteAsync(folder, ct);
        return manifest;
    }
}
