namespace Archive.Media.Storage;

public sealed record StoredBlob(string Path, long Length, string ContentType, DateTimeOffset LastModified);

/// Where media binaries live, addressed by their Umbraco-style path "<folder>/<file>" (without "/media/").
public interface IMediaStore
{
    Task<StoredBlob?> GetInfoAsync(string path, CancellationToken ct = default);

    Task<Stream?> OpenReadAsync(string path, CancellationToken ct = default);

    /// Writes the whole stream or nothing: readers never see a half-written blob.
    Task<StoredBlob> WriteAsync(string path, Stream content, string contentType, CancellationToken ct = default);

    Task<bool> DeleteAsync(string path, CancellationToken ct = default);

    IAsyncEnumerable<string> ListAsync(string prefix = "", CancellationToken ct = default);

    /// The file on this machine's disk holding the blob, when the store keeps one: it can then be
    /// sent by the operating system directly (sendfile), as static files are.
    string? LocalPath(string path) => null;
}
