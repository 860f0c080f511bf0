using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using Archive.Media.Uploads;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace Archive.Media.Tests;

public class UploadInspectorTests
{
    private static readonly UploadInspector Inspector = new(maxBytes: 1_000_000);

    private static byte[] Jpeg(int width, int height)
    {
        using var image = new Image<Rgb24>(width, height, new Rgb24(200, 120, 40));
        using var stream = new MemoryStream();
        image.SaveAsJpeg(stream);
        return stream.ToArray();
    }

    /// A PNG that is only a header: 8-byte signature and an IHDR chunk declaring the given size.
    private static byte[] PngHeader(int width, int height)
    {
        var ihdr = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(ihdr, width);
        BinaryPrimitives.WriteInt32BigEndian(ihdr.AsSpan(4), height);
        ihdr[8] = 8; // bit depth
        ihdr[9] = 2; // truecolour
        var chunk = new MemoryStream();
        var length = new byte[4];
        BinaryPrimitives.WriteInt32BigEndian(length, ihdr.Length);
        chunk.Write(length);
        var typeAndData = Encoding.ASCII.GetBytes("IHDR").Concat(ihdr).ToArray();
        chunk.Write(typeAndData);
        var crc = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(crc, Crc32(typeAndData));
        chunk.Write(crc);
        return [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, .. chunk.ToArray()];
    }

    private static uint Crc32(byte[] data)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in data)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++)
                crc = (crc & 1) != 0 ? 0xEDB88320u ^ (crc >> 1) : crc >> 1;
        }
        return ~crc;
    }

    [Theory]
    [InlineData(1, 64, 48)]
    [InlineData(3, 64, 48)] // upside down: same shape
    [InlineData(6, 48, 64)] // on its side: shown upright, as every rendering here shows it
    [InlineData(8, 48, 64)]
    public async Task Dimensions_are_those_of_the_image_turned_upright_by_its_EXIF_orientation(ushort orientation, int width, int height)
    {
        using var image = new Image<Rgb24>(64, 48, new Rgb24(10, 20, 30));
        image.Metadata.ExifProfile = new SixLabors.ImageSharp.Metadata.Profiles.Exif.ExifProfile();
        image.Metadata.ExifProfile.SetValue(SixLabors.ImageSharp.Metadata.Profiles.Exif.ExifTag.Orientation, orientation);
        using var stream = new MemoryStream();
        image.SaveAsJpeg(stream);
        await using var upload = await Inspector.InspectAsync(new MemoryStream(stream.ToArray()));
        Assert.Equal((width, height), (upload.Width, upload.Height));
    }

    [Fact]
    public async Task A_real_image_is_accepted_with_its_kind_size_dimensions_and_hash()
    {
        var bytes = Jpeg(64, 48);
        await using var upload = await Inspector.InspectAsync(new MemoryStream(bytes));
        Assert.Equal(UploadProblem.None, upload.Problem);
        Assert.Equal("jpg", upload.Kind!.Extension);
        Assert.Equal("Image", upload.Kind.MediaType);
        Assert.Equal((64, 48), (upload.Width, upload.Height));
        Assert.Equal(bytes.Length, upload.Bytes);
        Assert.Equal(Convert.ToHexString(SHA256.HashData(bytes)).ToLowerInvariant(), upload.Sha256);
        await using var stored = upload.OpenRead();
        var copy = new MemoryStream();
        await stored.CopyToAsync(copy);
        Assert.Equal(bytes, copy.ToArray());
    }

    [Fact]
    public async Task A_decompression_bomb_is_refused_from_its_header()
    {
        await using var upload = await Inspector.InspectAsync(new MemoryStream(PngHeader(60000, 60000)));
        Assert.Equal(UploadProblem.ImageTooLarge, upload.Problem);
        Assert.Equal((60000, 60000), (upload.Width, upload.Height));
        Assert.Contains("60000×60000", upload.Detail);
    }

    private static byte[] Animated(int frames, int width, int height, SixLabors.ImageSharp.Formats.IImageEncoder encoder)
    {
        if (encoder is SixLabors.ImageSharp.Formats.Webp.WebpEncoder)
            return AnimatedWebp(frames, width, height);
        using var image = new Image<Rgba32>(width, height, new Rgba32(10, 20, 30, 255));
        for (var i = 1; i < frames; i++)
            image.Frames.AddFrame(new Image<Rgba32>(width, height, new Rgba32((byte)i, 20, 30, 255)).Frames.RootFrame);
        using var stream = new MemoryStream();
        image.Save(stream, encoder);
        return stream.ToArray();
    }

    /// ImageSharp 2 writes one WebP frame: an animation is put together by hand (VP8X, ANIM, one ANMF per frame).
    private static byte[] AnimatedWebp(int frames, int width, int height)
    {
        using var image = new Image<Rgba32>(width, height, new Rgba32(10, 20, 30, 255));
        using var single = new MemoryStream();
        image.Save(single, new SixLabors.ImageSharp.Formats.Webp.WebpEncoder { FileFormat = SixLabors.ImageSharp.Formats.Webp.WebpFileFormatType.Lossless });
        var vp8l = single.ToArray()[12..];
        static byte[] Chunk(string type, byte[] data) =>
            [.. Encoding.ASCII.GetBytes(type), .. BitConverter.GetBytes((uint)data.Length), .. data, .. (data.Length % 2 == 1 ? new byte[1] : [])];
        static byte[] U24(int value) => [(byte)value, (byte)(value >> 8), (byte)(value >> 16)];
        var body = new List<byte>();
        body.AddRange(Chunk("VP8X", [0x02, 0, 0, 0, .. U24(width - 1), .. U24(height - 1)]));
        body.AddRange(Chunk("ANIM", [0, 0, 0, 0, 0, 0]));
        for (var i = 0; i < frames; i++)
            body.AddRange(Chunk("ANMF", [.. U24(0), .. U24(0), .. U24(width - 1), .. U24(height - 1), .. U24(100), 0, .. vp8l]));
        return [.. Encoding.ASCII.GetBytes("RIFF"), .. BitConverter.GetBytes((uint)(body.Count + 4)), .. Encoding.ASCII.GetBytes("WEBP"), .. body];
    }

    [Theory]
    [InlineData("gif")]
    [InlineData("tiff")]
    [InlineData("webp")]
    public async Task Every_frame_or_page_counts_against_the_pixel_limit_before_decoding(string format)
    {
        SixLabors.ImageSharp.Formats.IImageEncoder encoder = format switch
        {
            "gif" => new SixLabors.ImageSharp.Formats.Gif.GifEncoder(),
            "tiff" => new SixLabors.ImageSharp.Formats.Tiff.TiffEncoder(),
            _ => new SixLabors.ImageSharp.Formats.Webp.WebpEncoder { FileFormat = SixLabors.ImageSharp.Formats.Webp.WebpFileFormatType.Lossless },
        };
        // 40 frames of 100×100: 400,000 pixels in all; one frame alone is within 100,000.
        var inspector = new UploadInspector(maxBytes: 50_000_000, maxPixels: 100_000);
        var bytes = Animated(40, 100, 100, encoder);
        var file = Path.GetTempFileName();
        await File.WriteAllBytesAsync(file, bytes);
        try
        {
            Assert.Equal(40, FrameCount.Of(file, format, enough: 1000));
            Assert.Equal(5, FrameCount.Of(file, format, enough: 5));
        }
        finally
        {
            File.Delete(file);
        }
        await using (var animation = await inspector.InspectAsync(new MemoryStream(bytes)))
        {
            // Never accepted; where the header can be read, refused for its pixels in all.
            Assert.NotEqual(UploadProblem.None, animation.Problem);
            if (animation.Problem != UploadProblem.CorruptImage)
            {
                Assert.Equal(UploadProblem.ImageTooLarge, animation.Problem);
                Assert.Contains("frames or pages", animation.Detail);
            }
        }
        if (format != "webp")
            await using (var single = await inspector.InspectAsync(new MemoryStream(Animated(1, 100, 100, encoder))))
                Assert.Equal(UploadProblem.None, single.Problem);
    }

    [Fact]
    public async Task Empty_truncated_lying_and_oversized_files_are_refused_with_a_reason()
    {
        await using (var empty = await Inspector.InspectAsync(new MemoryStream()))
            Assert.Equal(UploadProblem.Empty, empty.Problem);

        await using (var truncated = await Inspector.InspectAsync(new MemoryStream(Jpeg(640, 480)[..120])))
            Assert.Equal(UploadProblem.CorruptImage, truncated.Problem);

        // Text, whatever its name says: the bytes decide.
        await using (var liar = await Inspector.InspectAsync(new MemoryStream(Encoding.UTF8.GetBytes("<script>alert(1)</script> not really a JPEG"))))
        {
            Assert.Equal(UploadProblem.UnsupportedType, liar.Problem);
            Assert.NotNull(liar.Detail);
        }

        var counting = new CountingStream(new MemoryStream(new byte[5_000_000]));
        await using (var large = await Inspector.InspectAsync(counting))
            Assert.Equal(UploadProblem.TooLarge, large.Problem);
        Assert.True(counting.BytesRead < 1_200_000, $"read {counting.BytesRead:N0} bytes of a file over the limit");
    }

    [Fact]
    public async Task The_spooled_copy_is_removed_when_the_upload_is_disposed()
    {
        var upload = await Inspector.InspectAsync(new MemoryStream(Jpeg(8, 8)));
        await using (var stream = upload.OpenRead())
            Assert.True(stream.Length > 0);
        await upload.DisposeAsync();
        Assert.Throws<FileNotFoundException>(() => upload.OpenRead());
    }

    [Theory]
    [InlineData(new byte[] { 0x25, 0x50, 0x44, 0x46, 0x2D, 0x31, 0x2E, 0x37 }, "pdf", "File")]
    [InlineData(new byte[] { 0x49, 0x44, 0x33, 0x04, 0, 0, 0, 0 }, "mp3", "umbracoMediaAudio")]
    [InlineData(new byte[] { 0, 0, 0, 0x20, 0x66, 0x74, 0x79, 0x70, 0x69, 0x73, 0x6F, 0x6D }, "mp4", "umbracoMediaVideo")]
    [InlineData(new byte[] { 0x49, 0x49, 0x2A, 0x00, 8, 0, 0, 0 }, "tif", "Image")]
    public void Kinds_come_from_magic_bytes(byte[] head, string extension, string mediaType)
    {
        var kind = FileSignature.Detect(head);
        Assert.Equal((extension, mediaType), (kind!.Extension, kind.MediaType));
    }

    private sealed class CountingStream(Stream inner) : Stream
    {
        public long BytesRead { get; private set; }
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => inner.Length;
        public override long Position { get => inner.Position; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override int Read(byte[] buffer, int offset, int count)
        {
            var read = inner.Read(buffer, offset, count);
            BytesRead += read;
            return read;
        }

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            var read = await inner.ReadAsync(buffer, cancellationToken);
            BytesRead += read;
            return read;
        }
    }
}
