using System.CommandLine;
using Archive.Data;
using Archive.Media.Uploads;
using Archive.Web.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Archive.Web.Cli;

public static class MediaCommands
{
    public static Command Create(IServiceProvider services)
    {
        var file = new Argument<string>("file") { Description = "The file to add to the media library." };
        var parent = new Option<Guid?>("--parent") { Description = "The key of the media folder to put it in (default: the media root)." };
        var upload = new Command("upload", "Upload a file into the media library (its type is decided by its contents; the same file twice is found).") { file, parent };
        upload.SetAction(async (parse, ct) =>
        {
            var path = Path.GetFullPath(parse.GetValue(file)!);
            if (!File.Exists(path))
            {
                Console.Error.WriteLine($"{path}: no such file.");
                return 1;
            }
            await using var scope = services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<ArchiveDbContext>().Database.MigrateAsync(ct);
            var limit = services.GetRequiredService<IOptions<ArchiveOptions>>().Value.Media.MaxUploadBytes;
            await using var stream = File.OpenRead(path);
            var result = await scope.ServiceProvider.GetRequiredService<MediaUploads>().UploadAsync(stream, Path.GetFileName(path), parse.GetValue(parent), "command line", limit, ct);
            switch (result.Status)
            {
                case UploadStatus.Created:
                    Console.WriteLine($"Uploaded {Path.GetFileName(path)} as {result.Key} ({result.Url}).");
                    return 0;
                case UploadStatus.Duplicate:
                    Console.WriteLine($"{Path.GetFileName(path)} is in the media library already as {result.Key}; nothing was stored.");
                    return 0;
                case UploadStatus.Unavailable:
                    Console.Error.WriteLine($"{Path.GetFileName(path)} was not uploaded: {result.Detail}");
                    return 75; // EX_TEMPFAIL: try again later
                default:
                    Console.Error.WriteLine($"{Path.GetFileName(path)} was not uploaded: {result.Detail}");
                    return 1;
            }
        });
        var key = new Argument<Guid>("key") { Description = "The key of the media item to delete." };
        var delete = new Command("delete", "Delete a media item for good with its file, derivatives and tiles; refused while content still uses it.") { key };
        delete.SetAction(async (parse, ct) =>
        {
            await using var scope = services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<ArchiveDbContext>().Database.MigrateAsync(ct);
            var result = await scope.ServiceProvider.GetRequiredService<Archive.Media.Library.MediaDeletion>().DeleteAsync(parse.GetValue(key), "command line", ct);
            if (result.Deleted)
            {
                Console.WriteLine($"Deleted {parse.GetValue(key)}.");
                return 0;
            }
            Console.Error.WriteLine(result.NotFound ? $"There is no media item {parse.GetValue(key)}." : $"Not deleted: {result.Detail}");
            foreach (var item in result.ReferencedBy ?? [])
                Console.Error.WriteLine($"  used by {item.Key} {item.Name}");
            return 1;
        });
        return new Command("media", "The media library.") { upload, delete };
    }
}
