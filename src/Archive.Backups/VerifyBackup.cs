namespace Archive.Backups;

/// `backup verify`: a backup checked without restoring it: its manifest, the database copy's hash and readability
/// (SQLite's integrity check, pg_restore's listing), and the hash of every media object. Returns the problems found.
public static class VerifyBackup
{
    public static async Task<(BackupManifest Manifest, List<string> Problems)> RunAsync(string folder, string? postgreSqlBin, IProgress<BackupProgress>? progress, CancellationToken ct)
    {
        var manifest = await BackupManifest.ReadAsync(folder, ct);
        var problems = new List<string>();
        var database = Path.Combine(folder, Path.GetFileName(manifest.Database.Path));
        if (!File.Exists(database))
            problems.Add($"the database copy {manifest.Database.Path} is missing");
        else if (await MediaObjects.HashAsync(database, ct) != (manifest.Database.Sha256, manifest.Database.Bytes))
            problems.Add($"the database copy {manifest.Database.Path} is not the one the manifest names (damaged or replaced)");
        else if (await (manifest.Provider == BackupTarget.PostgreSql ? PostgresDump.CheckAsync(database, postgreSqlBin, ct) : SqliteSnapshot.CheckAsync(database, ct)) is { } unreadable)
            problems.Add(unreadable);
        progress?.Report(new BackupProgress("database", 1, 1));
        problems.AddRange(await MediaObjects.CheckAsync(folder, manifest.Media,
            new Progress<int>(n => progress?.Report(new BackupProgress("media", n, manifest.Media.Count))), ct));
        return (manifest, problems);
    }
}
