using Archive.Media.Storage;

namespace Archive.Media.Metadata;

/// A media file made ready for the public store: its facts read, and when it carries a location,
/// a scrubbed copy to serve while the untouched original is kept under "_private/" for curators.
public sealed class PublicCopy : IAsyncDisposable
{
    public const string PrivateFolder = "_private";

    private readonly string? _scrubbed;

    private PublicCopy(string source, string? scrubbed, ImageFacts facts)
    {
        (Source, _scrubbed, Facts) = (source, scrubbed, facts);
    }

    public string Source { get; }
    public ImageFacts Facts { get; }
    /// The file to serve: the scrubbed copy, or the source when there was nothing to remove.
    public string PublicFile => _scrubbed ?? Source;
    public bool Scrubbed => _scrubbed is not null;

    public static async Task<PublicCopy> PrepareAsync(string source, string extension, bool isImage, CancellationToken ct = default)
    {
        if (!isImage)
            return new PublicCopy(source, null, ImageFacts.None);
        ImageFacts facts;
        await using (var stream = File.OpenRead(source))
            facts = ImageFacts.Read(stream);
        if (!facts.HasLocation)
            return new PublicCopy(source, null, facts);
        var scrubbed = Path.Combine(Path.GetTempPath(), $"archive-scrubbed-{Guid.NewGuid():N}.{extension}");
        try
        {
            await GpsScrubber.ScrubAsync(source, scrubbed, extension, ct);
        }
        catch
        {
            File.Delete(scrubbed);
            throw;
        }
        return new PublicCopy(source, scrubbed, facts);
    }

    /// Writes the public file at the media path and, when it differs, the original beside it privately.
    public async Task<StoredBlob> StoreAsync(IMediaStore store, string path, string contentType, CancellationToken ct = default)
    {
        if (_scrubbed is not null)
            await using (var original = File.OpenRead(Source))
                await store.WriteAsync($"{PrivateFolder}/{path}", original, contentType, ct);
        await using var file = File.OpenRead(PublicFile);
        return await store.WriteAsync(path, file, contentType, ct);
    }

    public ValueTask DisposeAsync()
    {
        if (_scrubbed is not null)
            File.Delete(_scrubbed);
        return ValueTask.CompletedTask;
    }
}
