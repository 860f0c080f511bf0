using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Metadata.Profiles.Exif;

namespace Archive.Media.Imaging;

/// An image's size as it is shown: every rendering here turns the image upright by its EXIF
/// orientation first, so a photograph taken on its side (orientations 5 to 8) is as wide as its
/// stored height.
public static class Orientation
{
    public static (int Width, int Height) UprightSize(this IImageInfo info) =>
        info.Metadata.ExifProfile?.GetValue(ExifTag.Orientation)?.Value is >= 5 and <= 8
            ? (info.Height, info.Width)
            : (info.Width, info.Height);
}
