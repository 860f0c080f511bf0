namespace Archive.Backups;

/// `backup restore`: a verified backup brought into an empty installation of the same database kind: the database put
/// back as it was, then every media file. The search index and caches are built from the database at the next start.
public static class RestoreBackup
{
    public static async Task<BackupManifest> RunAsync(BackupTarget target, string folder, IProgress<BackupProgress>? progress, CancellationToken ct)
    {
        var (manifest, problems) = await VerifyBackup.RunAsync(folder, target.PostgreSqlBin, progress, ct);
        if (problems.Count > 0)
            throw new BackupException($"The backup does not verify, nothing was restored: {string.Join("; ", problems.Take(5))}");
        if (manifest.Provider != target.Provider)
            throw new BackupException($"This is a {manifest.Provider} backup; the installation is configured for {target.Provider}.");
        var database = Path.Combine(folder, Path.GetFileName(manifest.Database.Path));
        progress?.Report(new BackupProgress("restoring the database", 0, 1));
        if (target.IsPostgres)
            await PostgresDump.RestoreAsync(database, target.ConnectionString, target.PostgreSqlBin, ct);
        else
            await SqliteSnapshot.RestoreAsync(database, target.ConnectionString, ct);
        var rows = await target.CountAsync(ct);
        var different = manifest.Rows.Where(r => rows.GetValueOrDefault(r.Key, -1) != r.Value).Select(r => $"{r.Key} ({rows.GetValueOrDefault(r.Key)} of {r.Value})").ToList();
        if (different.Count > 0)
            throw new BackupException($"The restored database differs from the backup in {string.Join(", ", different)}.");
        progress?.Report(new BackupProgress("restoring the database", 1, 1));
        await MediaObjects.CopyInAsync(target.Media, folder, manifest.Media,
            new Progress<int>(n => progress?.Report(new BackupProgress("restoring media", n, manifest.Media.Count))), ct);
        return manifest;
    }
}
