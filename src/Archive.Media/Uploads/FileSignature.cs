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

    /// The kinds the library accepts, by the extension a file of that kind is stored with.
    private static readonly Dictionary<string, FileKind> Kinds = new FileKind[]
    {
        new("jpg", "image/jpeg", "Image"), new("png", "image/png", "Image"), new("gif", "image/gif", "Image"), new("webp", "image/webp", "Image"),
        new("tif", "image/tiff", "Image"), new("bmp", "image/bmp", "Image"), new("pdf", "application/pdf", "File"),
        new("wav", "audio/wav", "umbracoMediaAudio"), new("mp3", "audio/mpeg", "umbracoMediaAudio"), new("ogg", "audio/ogg", "umbracoMediaAudio"),
        new("flac", "audio/flac", "umbracoMediaAudio"), new("m4a", "audio/mp4", "umbracoMediaAudio"), new("mp4", "video/mp4", "umbracoMediaVideo"),
        new("webm", "video/webm", "umbracoMediaVideo"),
        // Captions of recordings: plain text, served as text/vtt and only ever read by a media element as a track.
        new("vtt", "text/vtt", "File"),
    }.ToDictionary(k => k.Extension, StringComparer.OrdinalIgnoreCase);

    private static readonly Dictionary<string, string> Synonyms = new(StringComparer.OrdinalIgnoreCase) { ["jpeg"] = "jpg", ["jpe"] = "jpg", ["tiff"] = "tif" };

    /// Every extension the library accepts (synonyms included), for upload forms to check before sending.
    public static IEnumerable<string> Extensions => Kinds.Keys.Concat(Synonyms.Keys);

    /// What a file named with this extension becomes if its bytes agree; null for a kind the library refuses.
    public static FileKind? OfExtension(string? extension)
    {
        var name = (extension ?? "").Trim().TrimStart('.');
        return Kinds.GetValueOrDefault(Synonyms.GetValueOrDefault(name) ?? name);
    }

    public static FileKind? Detect(ReadOnlySpan<byte> head)
    {
        if (At(head, 0, [0xFF, 0xD8, 0xFF])) return Kinds["jpg"];
        if (At(head, 0, [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])) return Kinds["png"];
        if (Ascii(head, 0, "GIF87a") || Ascii(head, 0, "GIF89a")) return Kinds["gif"];
        if (Ascii(head, 0, "RIFF") && Ascii(head, 8, "WEBP")) return Kinds["webp"];
        if (At(head, 0, [0x49, 0x49, 0x2A, 0x00]) || At(head, 0, [0x4D, 0x4D, 0x00, 0x2A])) return Kinds["tif"];
        if (Ascii(head, 0, "BM")) return Kinds["bmp"];
        if (Ascii(head, 0, "%PDF-")) return Kinds["pdf"];
        if (Ascii(head, 0, "RIFF") && Ascii(head, 8, "WAVE")) return Kinds["wav"];
        if (Ascii(head, 0, "ID3") || At(head, 0, [0xFF, 0xFB]) || At(head, 0, [0xFF, 0xF3]) || At(head, 0, [0xFF, 0xF2])) return Kinds["mp3"];
        if (Ascii(head, 0, "OggS")) return Kinds["ogg"];
        if (Ascii(head, 0, "fLaC")) return Kinds["flac"];
        if (Ascii(head, 4, "ftyp"))
            return Ascii(head, 8, "M4A ") ? Kinds["m4a"] : Kinds["mp4"];
        if (At(head, 0, [0x1A, 0x45, 0xDF, 0xA3])) return Kinds["webm"];
        if (Ascii(head, 0, "WEBVTT") || At(head, 0, [0xEF, 0xBB, 0xBF]) && Ascii(head, 3, "WEBVTT")) return Kinds["vtt"];
        return null;
    }
}
