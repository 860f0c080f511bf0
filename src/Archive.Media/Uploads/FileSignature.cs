namespace Archive.Media.Uploads;

/// What a file is, decided by its first bytes (magic numbers), never by the name it came with.
public sealed record FileKind(string Extension, string ContentType, string MediaType)
{
    public bool IsImage => MediaType == "Image";
}

public static class FileSignature
{
    /// How many leading bytes the detection needs.
    public const int HeaderLength = 16;

    private static bool At(ReadOnlySpan<byte> head, int offset, ReadOnlySpan<byte> bytes) =>
        head.Length >= offset + bytes.Length && head.Slice(offset, bytes.Length).SequenceEqual(bytes);

    private static bool Ascii(ReadOnlySpan<byte> head, int offset, string text) => At(head, offset, System.Text.Encoding.ASCII.GetBytes(text));

    public static FileKind? Detect(ReadOnlySpan<byte> head)
    {
        if (At(head, 0, [0xFF, 0xD8, 0xFF])) return new("jpg", "image/jpeg", "Image");
        if (At(head, 0, [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])) return new("png", "image/png", "Image");
        if (Ascii(head, 0, "GIF87a") || Ascii(head, 0, "GIF89a")) return new("gif", "image/gif", "Image");
        if (Ascii(head, 0, "RIFF") && Ascii(head, 8, "WEBP")) return new("webp", "image/webp", "Image");
        if (At(head, 0, [0x49, 0x49, 0x2A, 0x00]) || At(head, 0, [0x4D, 0x4D, 0x00, 0x2A])) return new("tif", "image/tiff", "Image");
        if (Ascii(head, 0, "BM")) return new("bmp", "image/bmp", "Image");
        if (Ascii(head, 0, "%PDF-")) return new("pdf", "application/pdf", "File");
        if (Ascii(head, 0, "RIFF") && Ascii(head, 8, "WAVE")) return new("wav", "audio/wav", "umbracoMediaAudio");
        if (Ascii(head, 0, "ID3") || At(head, 0, [0xFF, 0xFB]) || At(head, 0, [0xFF, 0xF3]) || At(head, 0, [0xFF, 0xF2])) return new("mp3", "audio/mpeg", "umbracoMediaAudio");
        if (Ascii(head, 0, "OggS")) return new("ogg", "audio/ogg", "umbracoMediaAudio");
        if (Ascii(head, 0, "fLaC")) return new("flac", "audio/flac", "umbracoMediaAudio");
        if (Ascii(head, 4, "ftyp"))
            return Ascii(head, 8, "M4A ") ? new("m4a", "audio/mp4", "umbracoMediaAudio") : new("mp4", "video/mp4", "umbracoMediaVideo");
        if (At(head, 0, [0x1A, 0x45, 0xDF, 0xA3])) return new("webm", "video/webm", "umbracoMediaVideo");
        return null;
    }
}
