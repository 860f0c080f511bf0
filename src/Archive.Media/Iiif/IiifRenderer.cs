using Archive.Media.Imaging;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;
using SixLabors.ImageSharp.Processing;

namespace Archive.Media.Iiif;

/// Produces IIIF Image API responses: from the tile pyramid when it is built, else by decoding the
/// source once; then mirroring, rotation and quality, and the encoder of the requested format.
public sealed class IiifRenderer(TilePyramids pyramids)
{
    public async Task RenderAsync(ImageApiRequest request, string sourceHash, PyramidInfo? pyramid, Func<CancellationToken, Task<Stream>> openSource, Stream output, CancellationToken ct = default)
    {
        Image<Rgb24> image;
        if (pyramid is not null)
            image = await pyramids.ComposeAsync(sourceHash, pyramid, request.Region, request.Size, ct);
        else
        {
            await using var source = await openSource(ct);
            image = await ImageRenderer.DecodeAsync<Rgb24>(source, ct);
            image.Mutate(x => x.AutoOrient());
            // The region was resolved against the recorded size; an image oriented otherwise is cut to fit.
            var region = Rectangle.Intersect(request.Region, image.Bounds());
            image.Mutate(x => x.Crop(region.Width > 0 && region.Height > 0 ? region : image.Bounds()).Resize(request.Size.Width, request.Size.Height));
        }
        using (image)
        {
            image.Mutate(x =>
            {
                if (request.Mirror)
                    x.Flip(FlipMode.Horizontal);
                if (request.Rotation != 0)
                    x.Rotate(request.Rotation);
                if (request.Quality == ImageQuality.Gray)
                    x.Grayscale();
                else if (request.Quality == ImageQuality.Bitonal)
                    x.BinaryThreshold(0.5f);
            });
            ImageRenderer.StripMetadata(image);
            await image.SaveAsync(output, ImageRenderer.Encoder(request.Format, null), ct);
        }
    }
}
