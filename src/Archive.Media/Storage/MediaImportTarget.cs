using Archive.Data.USync;
using Archive.Media.Metadata;
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
        var extension = Path.GetExtension(path).TrimStart('.').ToLowerInvariant();
        PublicCopy copy;
        try
        {
            copy = await PublicCopy.PrepareAsync(source.FullName, extension, MediaPath.ContentTypeOf(path).StartsWith("image/", StringComparison.Ordinal) && extension != "svg", ct);
        }
        catch (Exception ex) when (ex is InvalidDataException or EndOfStreamException or ImageFormatException)
        {
            // A file whose location cannot be removed is not published.
            return null;
        }
        await using var _ = copy;
        var stored = await store.GetInfoAsync(path, ct);
        if (stored is null || stored.Length != new FileInfo(copy.PublicFile).Length)
            await copy.StoreAsync(store, path, MediaPath.ContentTypeOf(path), ct);
        int? width = null, height = null;
        // Header only: no pixels are decoded here.
        await using (var input = source.OpenRead())
        {
            try
            {
                if (await Image.IdentifyAsync(input, ct) is { } info)
                    (width, height) = Archive.Media.Imaging.Orientation.UprightSize(info);
            }
            catch (Exception ex) when (ex is not (OperationCanceledException or OutOfMemoryException))
            {
                // Not an image ImageSharp reads (SVG, PDF…): no dimensions.
            }
        }
        return new ImportedMediaFile(path, source.Length, extension, width, height) { Labels = copy.Facts.AsLabels().ToList() };
    }

    public async Task<bool> ExportAsync(string mediaPath, string targetFolder, CancellationToken ct)
    {
        if (!MediaPath.TryNormalize(mediaPath, out var path))
            return false;
        // An export carries the file as it came: the untouched original where a public copy was cleaned of its location.
        await using var input = await store.OpenReadAsync($"{Archive.Media.Metadata.PublicCopy.PrivateFolder}/{path}", ct) ?? await store.OpenReadAsync(path, ct);
        if (input is null)
            return false;
        var target = Path.Combine(targetFolder, path);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        await using var output = File.Create(target);
        await input.CopyToAsync(output, ct);
        return true;
    }
}
