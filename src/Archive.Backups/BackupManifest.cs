using System.Text.Json;
using System.Text.Json.Serialization;

namespace Archive.Backups;

/// One stored file of a backup: where it lived in the media store, and the object (its SHA-256) holding its bytes.
public sealed record BackupFile(string Path, string Sha256, long Bytes);

/// What a backup folder holds, written last: a folder without one is not a backup (it was cut short).
public sealed record BackupManifest
{
    public const string FileName = "manifest.json";
    public const string CurrentFormat = "archive-backup/1";

    public string Format { get; init; } = CurrentFormat;
    public DateTimeOffset CreatedAt { get; init; }
    /// `Sqlite` or `PostgreSQL`: a backup restores into the same kind of database.
    public required string Provider { get; init; }
    /// The database snapshot's file in the folder, its SHA-256 and size.
    public required BackupFile Database { get; init; }
    /// Rows per table at the snapshot (what verify reports, and restore checks).
    public IReadOnlyDictionary<string, long> Rows { get; init; } = new Dictionary<string, long>();
    public IReadOnlyList<BackupFile> Media { get; init; } = [];
    /// Files the database named that the store no longer held when they were copied (deleted since the snapshot).
    public IReadOnlyList<string> Missing { get; init; } = [];

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true, DefaultIgnoreCondition = JsonIgnoreCondition.Never };

    public static string PathIn(string folder) => System.IO.Path.Combine(folder, FileName);

    public async Task WriteAsync(string folder, CancellationToken ct)
    {
        // Whole or not at all: written beside, then moved into place.
        var temp = PathIn(folder) + ".tmp";
        await File.WriteAllTextAsync(temp, JsonSerializer.Serialize(this, Json), ct);
        File.Move(temp, PathIn(folder), overwrite: true);
    }

    /// The manifest of a folder; refused with a reason when the folder is not a complete backup of this format.
    public static async Task<BackupManifest> ReadAsync(string folder, CancellationToken ct)
    {
        var path = PathIn(folder);
        if (!File.Exists(path))
            throw new BackupException($"{folder} is not a complete backup: it has no {FileName}.");
        BackupManifest? manifest;
        try
        {
            manifest = JsonSerializer.Deserialize<BackupManifest>(await File.ReadAllTextAsync(path, ct), Json);
        }
        catch (JsonException ex)
        {
            throw new BackupException($"{FileName} cannot be read: {ex.Message}");
        }
        if (manifest is null || manifest.Format != CurrentFormat)
            throw new BackupException($"{FileName} is not an {CurrentFormat} manifest.");
        return manifest;
    }
}

/// A backup cannot be made, checked or restored; the message says why and nothing was changed.
public sealed class BackupException(string message) : Exception(message);
