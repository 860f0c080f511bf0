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

    /// How long a blob's properties are remembered: a kiosk asking for the same image again and again
    /// costs one round trip to the store per this time, not one per request. Blobs here are written
    /// once under their path; this store's own writes and deletes are seen at once, another process's
    /// deletion within this time (the read then finds nothing and answers 404).
    public static readonly TimeSpan InfoMemory = TimeSpan.FromSeconds(30);
    private const int RememberedAtMost = 50_000;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, (StoredBlob Blob, long Until)> _info = new(StringComparer.Ordinal);

    public AzureBlobMediaStore(BlobContainerClient container) => _container = container;

    /// From a connection string (or "UseDevelopmentStorage=true") and a container name.
    public static AzureBlobMediaStore Connect(string connectionString, string container) =>
        new(new BlobServiceClient(connectionString, ClientOptions()).GetBlobContainerClient(container));

    /// From an account or container URL that carries its own authorisation (a SAS token).
    public static AzureBlobMediaStore Connect(Uri serviceUri, string container) =>
        new(new BlobServiceClient(serviceUri, ClientOptions()).GetBlobContainerClient(container));

    // A few quick retries: a visitor waiting on an image is better served by a prompt 503 than a long hang.
    private static BlobClientOptions ClientOptions()
    {
        var options = new BlobClientOptions();
        options.Retry.MaxRetries = 2;
        options.Retry.Delay = TimeSpan.FromMilliseconds(200);
        options.Retry.MaxDelay = TimeSpan.FromSeconds(2);
        options.Retry.NetworkTimeout = TimeSpan.FromSeconds(30);
        return options;
    }

    private static async Task<T> Guard<T>(Func<Task<T>> call, CancellationToken ct)
    {
        try
        {
            return await call();
        }
        catch (RequestFailedException ex) when (ex.Status is 0 or 408 or 429 or >= 500)
        {
            throw new MediaStoreUnavailableException($"Blob storage did not answer ({ex.Status} {ex.ErrorCode}).", ex);
        }
        catch (Exception ex) when (ex is AggregateException or HttpRequestException or IOException or TimeoutException
            || ex is OperationCanceledException && !ct.IsCancellationRequested)
        {
            throw new MediaStoreUnavailableException("Blob storage cannot be reached.", ex);
        }
    }

    public async Task<StoredBlob?> GetInfoAsync(string path, CancellationToken ct = default)
    {
        var key = Normalize(path);
        if (_info.TryGetValue(key, out var known) && known.Until > Environment.TickCount64)
            return known.Blob;
        return Remember(await Guard(() => InfoAsync(path, ct), ct));
    }

    private StoredBlob? Remember(StoredBlob? blob)
    {
        if (blob is null)
            return null;
        if (_info.Count >= RememberedAtMost)
            _info.Clear();
        _info[blob.Path] = (blob, Environment.TickCount64 + (long)InfoMemory.TotalMilliseconds);
        return blob;
    }

    private async Task<StoredBlob?> InfoAsync(string path, CancellationToken ct)
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

    public Task<Stream?> OpenReadAsync(string path, CancellationToken ct = default) => Guard(() => OpenAsync(path, ct), ct);

    private async Task<Stream?> OpenAsync(string path, CancellationToken ct)
    {
        try
        {
            // Seekable, read in blocks on demand: range requests fetch only the bytes they ask for.
            return await Blob(path).OpenReadAsync(new BlobOpenReadOptions(allowModifications: false), ct);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return null;
        }
    }

    public async Task<StoredBlob> WriteAsync(string path, Stream content, string contentType, CancellationToken ct = default)
    {
        _info.TryRemove(Normalize(path), out _);
        return Remember(await Guard(() => UploadAsync(path, content, contentType, ct), ct))!;
    }

    private async Task<StoredBlob> UploadAsync(string path, Stream content, string contentType, CancellationToken ct)
    {
        var blob = Blob(path);
        await EnsureContainerAsync(ct);
        await blob.UploadAsync(content, new BlobUploadOptions { HttpHeaders = new BlobHttpHeaders { ContentType = contentType } }, ct);
        var properties = (await blob.GetPropertiesAsync(cancellationToken: ct)).Value;
        return new StoredBlob(Normalize(path), properties.ContentLength, contentType, properties.LastModified);
    }

    public async Task<bool> DeleteAsync(string path, CancellationToken ct = default)
    {
        try
        {
            return await Guard(async () => (await Blob(path).DeleteIfExistsAsync(cancellationToken: ct)).Value, ct);
        }
        finally
        {
            _info.TryRemove(Normalize(path), out _);
        }
    }

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
