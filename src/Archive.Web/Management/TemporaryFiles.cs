using System.Collections.Concurrent;
using System.Text.Json;
using Archive.Media.Uploads;
using Archive.Web.Hosting;
using Microsoft.Extensions.Options;

namespace Archive.Web.Management;

public sealed record TemporaryFile(Guid Id, string FileName, string Path, Guid Owner, DateTimeOffset AvailableUntil);

/// Umbraco's first upload step: a file streamed to the data folder (never whole in memory), kept for
/// an hour for its owner, then used by a media create (the second step) or thrown away.
public sealed class TemporaryFiles(RepositoryPaths paths, IOptions<ArchiveOptions> options, TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(1);
    private readonly ConcurrentDictionary<Guid, TemporaryFile> _files = new();

    private string Folder
    {
        get
        {
            var folder = Path.Combine(paths.Resolve(options.Value.DataPath), "temporary-files");
            Directory.CreateDirectory(folder);
            return folder;
        }
    }

    public async Task<TemporaryFile> SaveAsync(Guid id, string fileName, Stream content, Guid owner, CancellationToken ct)
    {
        Sweep();
        var path = System.IO.Path.Combine(Folder, id.ToString("N"));
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
        _files[id] = file;
        return file;
    }

    /// The owner's file while it lasts; nobody else's.
    public TemporaryFile? Find(Guid id, Guid owner)
    {
        Sweep();
        return _files.TryGetValue(id, out var file) && file.Owner == owner ? file : null;
    }

    public bool Exists(Guid id) => _files.ContainsKey(id);

    public void Delete(Guid id)
    {
        if (_files.TryRemove(id, out var file))
            File.Delete(file.Path);
    }

    private void Sweep()
    {
        var now = clock.GetUtcNow();
        foreach (var file in _files.Values.Where(f => f.AvailableUntil < now))
            Delete(file.Id);
        // Files left by an earlier run (the list of them lives in memory) go once their hour is over.
        foreach (var orphan in new DirectoryInfo(Folder).EnumerateFiles())
            if (!Guid.TryParseExact(orphan.Name, "N", out var id) || !_files.ContainsKey(id))
                if (orphan.LastWriteTimeUtc + Lifetime < now.UtcDateTime)
                    orphan.Delete();
    }
}
