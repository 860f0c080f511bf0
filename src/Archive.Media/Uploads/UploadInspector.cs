using System.Security.Cryptography;
using SixLabors.ImageSharp;

namespace Archive.Media.Uploads;

public enum UploadProblem
{
    None,
    Empty,
    TooLarge,
    UnsupportedType,
    CorruptImage,
    ImageTooLarge,
}

/// An upload spooled to a temporary file and checked: its kind from its bytes, its SHA-256, its
/// size and, for images, dimensions read from the header alone (before any pixel memory is taken).
public sealed class InspectedUpload : IAsyncDisposable
{
    internal InspectedUpload(string spool) => Spool = spool;

    internal string Spool { get; }
    public UploadProblem Problem { get; internal init; }
    public string? Detail { get; internal init; }
    public long Bytes { get; internal init; }
    public string Sha256 { get; internal init; } = "";
    public FileKind? Kind { get; internal init; }
    public int? Width { get; internal init; }
    public int? Height { get; internal init; }

    /// The spooled bytes, to store once accepted.
    public Stream OpenRead() => new FileStream(Spool, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true);

    public ValueTask DisposeAsync()
    {
        File.Delete(Spool);
        return ValueTask.CompletedTask;
    }
}

public sealed class UploadInspector(long maxBytes, long maxPixels = UploadInspector.DefaultMaxPixels)
{
    /// 150 megapixels: room for a 100-megapixel scan; a 60000×60000 "bomb" (3.6 gigapixels) is refused.
    public const long DefaultMaxPixels = 150_000_000;

    /// Streams the upload to a temporary file (never whole in memory), hashing and counting as it goes;
    /// stops reading as soon as it passes the size limit.
    public async Task<InspectedUpload> InspectAsync(Stream content, CancellationToken ct = default)
    {
        var spool = Path.Combine(Path.GetTempPath(), $"archive-upload-{Guid.NewGuid():N}");
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var head = new byte[FileSignature.HeaderLength];
        var headLength = 0;
        long total = 0;
        await using (var target = new FileStream(spool, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true))
        {
            var buffer = new byte[81920];
            int read;
            while ((read = await content.ReadAsync(buffer, ct)) > 0)
            {
                total += read;
                if (total > maxBytes)
                    return new InspectedUpload(spool) { Problem = UploadProblem.TooLarge, Bytes = total, Detail = $"The file is larger than the limit of {maxBytes:N0} bytes." };
                if (headLength < head.Length)
                {
                    var take = Math.Min(read, head.Length - headLength);
                    Array.Copy(buffer, 0, head, headLength, take);
                    headLength += take;
                }
                sha.AppendData(buffer, 0, read);
                await target.WriteAsync(buffer.AsMemory(0, read), ct);
            }
        }
        var hash = Convert.ToHexString(sha.GetHashAndReset()).ToLowerInvariant();
        if (total == 0)
            return new InspectedUpload(spool) { Problem = UploadProblem.Empty, Detail = "The file is empty." };
        var kind = FileSignature.Detect(head.AsSpan(0, headLength));
        if (kind is null)
            return new InspectedUpload(spool)
            {
                Problem = UploadProblem.UnsupportedType, Bytes = total, Sha256 = hash,
                Detail = "The file's contents are not a supported format (images: JPEG, PNG, GIF, WebP, TIFF, BMP; documents: PDF; audio: MP3, WAV, OGG, FLAC, M4A; video: MP4, WebM)."
            };
        if (!kind.IsImage)
            return new InspectedUpload(spool) { Bytes = total, Sha256 = hash, Kind = kind };

        IImageInfo? info;
        try
        {
            await using var stream = File.OpenRead(spool);
            info = await Image.IdentifyAsync(stream, ct);
        }
        // A damaged header can fail the reader in any way (ImageSharp 2 throws NullReferenceException on some): unreadable, not a crash.
        catch (Exception ex) when (ex is not (OperationCanceledException or OutOfMemoryException))
        {
            info = null;
        }
        if (info is null || info.Width <= 0 || info.Height <= 0)
            return new InspectedUpload(spool) { Problem = UploadProblem.CorruptImage, Bytes = total, Sha256 = hash, Kind = kind, Detail = $"The {kind.Extension} image cannot be read (truncated or corrupt)." };
        // Every frame of an animation, every page of a TIFF is decoded at its full size: all of them count.
        var framePixels = (long)info.Width * info.Height;
        var frames = framePixels > maxPixels ? 1 : FrameCount.Of(spool, kind.Extension, (int)Math.Min(int.MaxValue, maxPixels / framePixels + 1));
        if (framePixels * frames > maxPixels)
            return new InspectedUpload(spool)
            {
                Problem = UploadProblem.ImageTooLarge, Bytes = total, Sha256 = hash, Kind = kind, Width = info.Width, Height = info.Height,
                Detail = frames == 1
                    ? $"The image declares {info.Width}×{info.Height} pixels; at most {maxPixels:N0} pixels are accepted."
                    : $"The image declares {frames:N0} frames or pages of {info.Width}×{info.Height} pixels; at most {maxPixels:N0} pixels are accepted in all."
            };
        var (width, height) = Archive.Media.Imaging.Orientation.UprightSize(info);
        return new InspectedUpload(spool) { Bytes = total, Sha256 = hash, Kind = kind, Width = width, Height = height };
    }
}
