using System.Text.Json;

namespace Archive.Site.Views;

/// A recording of an object (audio or video) with its captions in the reader's language, as a page or a kiosk plays it.
public sealed record Recording(Guid Key, string Kind, string Url, string Type, string? Captions, string? CaptionsLang);

/// Reads an item's recordings (`audioVideo`), their captions (`captions`, per language, matched by order) and its spoken
/// description (`audioDescription`, per language) from the item's rendering.
public static class Recordings
{
    public static IReadOnlyList<Recording> Of(ItemView item)
    {
        if (item.Value("audioVideo") is not { Value.ValueKind: JsonValueKind.Array } found)
            return [];
        var captions = item.Value("captions") is { Value.ValueKind: JsonValueKind.Array } c ? c.Value.EnumerateArray().ToList() : [];
        var captionsLang = item.Value("captions") is { } shown ? shown.Culture : null;
        return found.Value.EnumerateArray().Where(HasUrl).Select((media, i) =>
        {
            var track = i < captions.Count && HasUrl(captions[i]) ? captions[i].GetProperty("url").GetString() : null;
            var kind = media.GetProperty("mediaType").GetString() == "umbracoMediaVideo" ? "video" : "audio";
            var extension = media.TryGetProperty("extension", out var e) ? e.GetString() ?? "" : "";
            return new Recording(Guid.Parse(media.GetProperty("id").GetString()!), kind, media.GetProperty("url").GetString()!, MimeOf(extension, kind), track,
                track is null ? null : captionsLang);
        }).ToList();
    }

    /// The spoken description in the first culture of the reader's chain that has one.
    public static string? Description(ItemView item) =>
        item.Value("audioDescription") is { Value.ValueKind: JsonValueKind.Array } found && found.Value.EnumerateArray().FirstOrDefault(HasUrl) is { ValueKind: JsonValueKind.Object } media
            ? media.GetProperty("url").GetString()
            : null;

    private static bool HasUrl(JsonElement media) => media.ValueKind == JsonValueKind.Object && media.TryGetProperty("url", out var url) && url.GetString() is { Length: > 0 };

    public static string MimeOf(string extension, string kind) => extension.ToLowerInvariant() switch
    {
        "mp3" => "audio/mpeg",
        "wav" => "audio/wav",
        "ogg" => "audio/ogg",
        "flac" => "audio/flac",
        "m4a" => "audio/mp4",
        "mp4" => "video/mp4",
        "webm" => "video/webm",
        _ => kind + "/*",
    };
}
