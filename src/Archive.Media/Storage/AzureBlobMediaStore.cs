using System.Runtime.CompilerServices;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;

namespace Archive.Media.Storage;

/// Media in an Azure Blob Storage container, one blob per media path ("<folder>/<file>").
/// A block blob becomes visible only when its block list is committed, at the end of the upload:
/// readers see the old blob or the whole new one, never part of it.
public sealed class AzureBlobMediaStore : IMediaStore
{
    private readonly BlobContainerClient _container;
    private readonly SemaphoreSlim _created = new(1, 1);
    private bool _exists;

    public AzureBlobMediaStore(BlobContainerClient container) => _container = container;

    /// From a connection string (or "UseDevelopmentStorage=true") and a container name.
    public static AzureBlobMediaStore Connect(string connectionString, string container) =>
        new(new BlobServiceClient(connectionString).GetBlobContainerClient(container));

    /// From an account or container URL that carries its own authorisation (a SAS token).
    public static AzureBlobMediaStore Connect(Uri serviceUri, string container) =>
        new(new BlobServiceClient(serviceUri).GetBlobContainerClient(container));

    public async Task<StoredBlob?> GetInfoAsync(string path, CancellationToken ct = default)
    {
        try
        {
            var properties = (await Blob(path).GetPropertiesAsync(cancellationToken: ct)).Value;
            return new StoredBlob(Normalize(path), properties.ContentLength, properties.ContentType ?? MediaPath.ContentTypeOf(path), properties.LastModified);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return null;
        }
    }

    public async Task<Stream?> OpenReadAsync(string path, CancellationToken ct = default)
    {
        try
        {
            return (await Blob(path).DownloadStreamingAsync(cancellationToken: ct)).Value.Content;
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return null;
        }
    }

    public async Task<StoredBlob> WriteAsync(string path, Stream content, string contentType, CancellationToken ct = default)
    {
        var blob = Blob(path);
        await EnsureContainerAsync(ct);
        await blob.UploadAsync(content, new BlobUploadOptions { HttpHeaders = new BlobHttpHeaders { ContentType = contentType } }, ct);
        var properties = (await blob.GetPropertiesAsync(cancellationToken: ct)).Value;
        return new StoredBlob(Normalize(path), properties.ContentLength, contentType, properties.LastModified);
    }

    public async Task<bool> DeleteAsync(string path, CancellationToken ct = default) =>
        (await Blob(path).DeleteIfExistsAsync(cancellationToken: ct)).Value;

    public async IAsyncEnumerable<string> ListAsync(string prefix = "", [EnumeratorCancellation] CancellationToken ct = default)
    {
        if (!await _container.ExistsAsync(ct))
            yield break;
        await foreach (var item in _container.GetBlobsAsync(new GetBlobsOptions { Prefix = prefix }, ct))
            yield return item.Name;
    }

    private BlobClient Blob(string path) => _container.GetBlobClient(Normalize(path));

    // Nothing a caller sends becomes a blob name unchecked: the same rules as the file system's paths.
    private static string Normalize(string path) =>
        MediaPath.TryNormalize(path, out var normalized) ? normalized : throw new ArgumentException($"'{path}' is not a media path.", nameof(path));

    private async Task EnsureContainerAsync(CancellationToken ct)
    {
        if (_exists)
            return;
        await _created.WaitAsync(ct);
        try
        {
            if (!_exists)
                await _container.CreateIfNotExistsAsync(cancellationToken: ct);
            _exists = true;
        }
        finally
        {
            _created.Release();
        }
    }
}
