namespace Archive.Data.USync;

public sealed record ImportedMediaFile(string Path, long Bytes, string Extension, int? Width, int? Height)
{
    /// Further labels read from the file (format, capture date, camera, copyright, creator).
    public IReadOnlyList<KeyValuePair<string, string>> Labels { get; init; } = [];
}

/// Brings a media binary named by an imported media item into the archive's media store, and
/// reads back what export needs. Implemented by the media library; the data layer knows no blobs.
public interface IMediaImportTarget
{
    bool SourceExists(string sourceFolder, string mediaPath);

    /// Copies "<folder>/<file>" from the source folder into the store (unless it is there already);
    /// null when the source has no such file.
    Task<ImportedMediaFile?> ImportAsync(string sourceFolder, string mediaPath, CancellationToken ct);

    /// Copies a stored binary out to "<targetFolder>/<folder>/<file>"; false when the store lacks it.
    Task<bool> ExportAsync(string mediaPath, string targetFolder, CancellationToken ct);
}
