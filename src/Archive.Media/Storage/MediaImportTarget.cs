using Archive.Data.USync;
using SixLabors.ImageSharp;

namespace Archive.Media.Storage;

/// Copies media binaries between a uSync site's media folder and the archive's media store.
public sealed class MediaImportTarget(IMediaStore store) : IMediaImportTarget
{
    public bool SourceExists(string sourceFolder, string mediaPath) =>
        MediaPath.TryNormalize(mediaPath, out var path) && File.Exists(Path.Combine(sourceFolder, path));

    public async Task<ImportedMediaFile?> ImportAsync(string sourceFolder, string mediaPath, CancellationToken ct)
    {
        if (!MediaPath.TryNormalize(mediaPath, out var path))
            return null;
        var source = new FileInfo(Path.Combine(sourceFolder, path));
        if (!source.Exists)
            return null;
        var stored = await store.GetInfoAsync(path, ct);
        if (stored is null || stored.Length != source.Length)
        {
            await using var input = source.OpenRead();
            await store.WriteAsync(path, input, MediaPath.ContentTypeOf(path), ct);
        }
        int? width = null, height = null;
        // Header only: no pixels are decoded here.
        await using (var input = source.OpenRead())
        {
            try
            {
                if (await Image.IdentifyAsync(input, ct) is { } info)
                    (width, height) = (info.Width, info.Height);
            }
            catch (Exception ex) when (ex is UnknownImageFormatException or InvalidImageContentException or NotSupportedException)
            {
                // Not an image ImageSharp reads (SVG, PDF…): no dimensions.
            }
        }
        return new ImportedMediaFile(path, source.Length, Path.GetExtension(path).TrimStart('.').ToLowerInvariant(), width, height);
    }

    public async Task<bool> ExportAsync(string mediaPath, string targetFolder, CancellationToken ct)
    {
        if (!MediaPath.TryNormalize(mediaPath, out var path))
            return false;
        await using var input = await store.OpenReadAsync(path, ct);
        if (input is null)
            return false;
        var target = Path.Combine(targetFolder, path);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        await using var output = File.Create(target);
        await input.CopyToAsync(output, ct);
        return true;
    }
}
