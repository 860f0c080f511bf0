using System.Text.Json;
using Archive.Media.Uploads;
using Archive.Web.Hosting;
using Microsoft.Extensions.Options;

namespace Archive.Web.Management;

public sealed record TemporaryFile(Guid Id, string FileName, string Path, Guid Owner, DateTimeOffset AvailableUntil);

/// Umbraco's first upload step: a file streamed to the data folder (never whole in memory), kept for
/// an hour for its owner, then used by a media create (the second step) or thrown away. What is known
/// of it (name, owner, expiry) sits beside it on disk, so a restart, or another process on the same
/// data folder, finds it too.
public sealed class TemporaryFiles(RepositoryPaths paths, IOptions<ArchiveOptions> options, TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(1);

    private string Folder
    {
        get
        {
            var folder = Path.Combine(paths.Resolve(options.Value.DataPath), "temporary-files");
            Directory.CreateDirectory(folder);
            return folder;
        }
    }

    private string DataPath(Guid id) => System.IO.Path.Combine(Folder, id.ToString("N"));

    private string InfoPath(Guid id) => DataPath(id) + ".json";

    public async Task<TemporaryFile> SaveAsync(Guid id, string fileName, Stream content, Guid owner, CancellationToken ct)
    {
        Sweep();
        var path = DataPath(id);
        await using (var target = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 81920, useAsync: true))
        {
            var buffer = new byte[81920];
            long total = 0;
            int read;
            while ((read = await content.ReadAsync(buffer, ct)) > 0)
            {
                total += read;
                if (total > options.Value.Media.MaxUploadBytes)
                {
                    target.Close();
                    File.Delete(path);
                    throw new InvalidDataException($"The file is larger than the limit of {options.Value.Media.MaxUploadBytes:N0} bytes.");
                }
                await target.WriteAsync(buffer.AsMemory(0, read), ct);
            }
        }
        var file = new TemporaryFile(id, System.IO.Path.GetFileName(fileName.Replace('\\', '/')), path, owner, clock.GetUtcNow() + Lifetime);
        // Written whole and then moved into place: a reader never sees half of it.
        var info = InfoPath(id);
        await File.WriteAllTextAsync(info + ".tmp", JsonSerializer.Serialize(file), ct);
        File.Move(info + ".tmp", info, overwrite: true);
        return file;
    }

    /// The owner's file while it lasts; nobody else's.
    public TemporaryFile? Find(Guid id, Guid owner) => Read(id) is { } file && file.Owner == owner && file.AvailableUntil >= clock.GetUtcNow() ? file : null;

    public bool Exists(Guid id) => File.Exists(InfoPath(id));

    public void Delete(Guid id)
    {
        File.Delete(InfoPath(id));
        File.Delete(DataPath(id));
    }

    private TemporaryFile? Read(Guid id)
    {
        try
        {
            return File.Exists(InfoPath(id)) ? JsonSerializer.Deserialize<TemporaryFile>(File.ReadAllText(InfoPath(id))) : null;
        }
        catch (Exception ex) when (ex is IOException or JsonException)
        {
            return null;
        }
    }

    /// Expired files go, and so does anything in the folder without a record of its own.
    private void Sweep()
    {
        var now = clock.GetUtcNow();
        foreach (var entry in new DirectoryInfo(Folder).EnumerateFiles())
        {
            var name = entry.Name.Split('.')[0];
            if (Guid.TryParseExact(name, "N", out var id) && Read(id) is { } file)
            {
                if (file.AvailableUntil < now)
                    Delete(id);
            }
            else if (entry.LastWriteTimeUtc + Lifetime < now.UtcDateTime)
                entry.Delete();
        }
    }
}
