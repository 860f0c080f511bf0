using Archive.Delivery.Rendering;
using Archive.Engine.Content;
using Archive.Media.Storage;

namespace Archive.Web.Iiif;

/// What the IIIF Image API serves of a media item: its file in the store, its recorded size, its rights
/// statement. The public service takes it from the published item, the back office's preview from the draft.
public sealed record IiifImage(string Path, int? Width, int? Height, string? Rights)
{
    /// The longest side the image may be shown at (a loan's display condition, "no zoom beyond 1200 px"); null: any.
    public int? MaxSize { get; init; }

    /// How far the image may be shown at most, as a fraction of its full size (1 when uncapped).
    public double ScaleLimit(int width, int height) => MaxSize is { } cap && cap < Math.Max(width, height) ? (double)cap / Math.Max(width, height) : 1;

    private static readonly HashSet<string> ImageExtensions = ["jpg", "jpeg", "png", "gif", "webp", "tif", "tiff", "bmp"];

    /// An extension (without its dot, lower case) of a file the image services draw.
    public static bool IsImageExtension(string extension) => ImageExtensions.Contains(extension);

    public static IiifImage? Of(ContentData data)
    {
        if (MediaPath.FromFileValue(data.GetValue(ContentRules.MediaFileAlias)) is not { } path ||
            !IsImageExtension(System.IO.Path.GetExtension(path).TrimStart('.').ToLowerInvariant()))
            return null;
        static int? Number(string? value) => int.TryParse(value, out var n) && n > 0 ? n : null;
        return new IiifImage(path, Number(data.GetValue("umbracoWidth")), Number(data.GetValue("umbracoHeight")), RightsValue.Of(data));
    }
}
