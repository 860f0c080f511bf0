using System.Text.Json;
using Archive.Media.Storage;
using Archive.Web.Hosting;
using Microsoft.Extensions.Options;

namespace Archive.Web.Management;

public sealed record TemporaryFile(Guid Id, string FileName, string Path, Guid Owner, DateTimeOffset AvailableUntil);

/// Umbraco's first upload step: a file streamed in (never whole in memory), kept for an hour for its owner, then used
/// by a media create or a spreadsheet import (the second step) or thrown away. It is kept in the media store under
/// _temporary/ with what is known of it (name, owner, expiry) beside it, so the node that answers the second step need
/// not be the one that took the first, and a restart loses nothing. A store without files on this disk (Azure Blob
/// Storage) is read through a copy in the data folder, made once per node.
public sealed class TemporaryFiles(IMediaStore store, RepositoryPaths paths, IOptions<ArchiveOptions> options, TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(1);

    /// Where they sit in the store; never served (/media serves the files of public media items only).
    public const string Prefix = "_temporary/";

    private static readonly TimeSpan SweepEvery = TimeSpan.FromMinutes(10);
    private DateTimeOffset _swept = DateTimeOffset.MinValue;

    private string LocalFolder
    {
        get
        {
            var folder = System.IO.Path.Combine(paths.Resolve(options.Value.DataPath), "temporary-files");
            Directory.CreateDirectory(folder);
            return folder;
        }
    }

    private static string DataKey(Guid id) => Prefix + id.ToString("N");

    private static string InfoKey(Guid id) => DataKey(id) + ".json";

    private string LocalCopy(Guid id) => System.IO.Path.Combine(LocalFolder, id.ToString("N"));

    public async Task<TemporaryFile> SaveAsync(Guid id, string fileName, Stream content, Guid owner, CancellationToken ct)
    {
        await SweepAsync(ct);
        // Spooled here first: the size limit is enforced while it streams in, before the store sees a byte.
        var spool = LocalCopy(id) + ".part";
        try
        {
            await using (var target = new FileStream(spool, FileMode.Create, FileAccess.Write, FileShare.None, 81920, useAsync: true))
            {
                var buffer = new byte[81920];
                long total = 0;
                int read;
                while ((read = await content.ReadAsync(buffer, ct)) > 0)
                {
                    total += read;
                    if (total > options.Value.Media.MaxUploadBytes)
                        throw new InvalidDataException($"The file is larger than the limit of {options.Value.Media.MaxUploadBytes:N0} bytes.");
                    await target.WriteAsync(buffer.AsMemory(0, read), ct);
                }
            }
            await using (var source = File.OpenRead(spool))
                await store.WriteAsync(DataKey(id), source, "application/octet-stream", ct);
            var file = new TemporaryFile(id, System.IO.Path.GetFileName(fileName.Replace('\\', '/')), "", owner, clock.GetUtcNow() + Lifetime);
            // The record last: a file without one is not there yet (and is swept once it is old).
            await store.WriteAsync(InfoKey(id), new MemoryStream(JsonSerializer.SerializeToUtf8Bytes(file)), "application/json", ct);
            if (store.LocalPath(DataKey(id)) is { } inStore)
                return file with { Path = inStore };
            File.Move(spool, LocalCopy(id), overwrite: true);
            return file with { Path = LocalCopy(id) };
        }
        finally
        {
            File.Delete(spool);
        }
    }

    /// The owner's file while it lasts, on this machine's disk; nobody else's.
    public async Task<TemporaryFile?> FindAsync(Guid id, Guid owner, CancellationToken ct)
    {
        if (await ReadAsync(id, ct) is not { } file || file.Owner != owner || file.AvailableUntil < clock.GetUtcNow())
            return null;
        if (store.LocalPath(DataKey(id)) is { } inStore)
            return File.Exists(inStore) ? file with { Path = inStore } : null;
        var local = LocalCopy(id);
        if (!File.Exists(local))
        {
            await using var source = await store.OpenReadAsync(DataKey(id), ct);
            if (source is null)
                return null;
            var part = local + "." + Guid.NewGuid().ToString("N") + ".part";
            await using (var target = new FileStream(part, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true))
                await source.CopyToAsync(target, ct);
            File.Move(part, local, overwrite: true);
        }
        return file with { Path = local };
    }

    public async Task<bool> ExistsAsync(Guid id, CancellationToken ct) => await store.GetInfoAsync(InfoKey(id), ct) is not null;

    public async Task DeleteAsync(Guid id, CancellationToken ct)
    {
        await store.DeleteAsync(InfoKey(id), ct);
        await store.DeleteAsync(DataKey(id), ct);
        File.Delete(LocalCopy(id));
    }

    private async Task<TemporaryFile?> ReadAsync(Guid id, CancellationToken ct)
    {
        try
        {
            await using var stream = await store.OpenReadAsync(InfoKey(id), ct);
            return stream is null ? null : await JsonSerializer.DeserializeAsync<TemporaryFile>(stream, cancellationToken: ct);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// Every ten minutes at most: expired files go from the store, and so does anything there without a record of its
    /// own once it is an hour old; copies on this disk go after their hour.
    private async Task SweepAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        if (now - _swept < SweepEvery)
            return;
        _swept = now;
        await foreach (var key in store.ListAsync(Prefix, ct))
        {
            var name = key[Prefix.Length..].Split('.')[0];
            if (Guid.TryParseExact(name, "N", out var id) && await ReadAsync(id, ct) is { } file)
            {
                if (file.AvailableUntil < now)
                    await DeleteAsync(id, ct);
            }
            else if (await store.GetInfoAsync(key, ct) is { } blob && blob.LastModified + Lifetime < now)
                await store.DeleteAsync(key, ct);
        }
        foreach (var entry in new DirectoryInfo(LocalFolder).EnumerateFiles())
            if (entry.LastWriteTimeUtc + Lifetime < now.UtcDateTime)
                entry.Delete();
    }
}
