namespace Archive.Engine.Content;

/// Media file paths are "<folder>/<file>" inside the media store. Nothing a user sends becomes a
/// store path without passing through here.
public static class MediaFile
{
    /// Normalises "/media/ab12cd34/photo.jpg" or "ab12cd34/photo.jpg" and refuses anything that could
    /// escape the store (.., absolute paths, backslashes, control characters).
    public static bool TryNormalize(string? raw, out string path)
    {
        path = "";
        if (string.IsNullOrWhiteSpace(raw))
            return false;
        var text = raw.Trim();
        var query = text.IndexOfAny(['?', '#']);
        if (query >= 0)
            text = text[..query];
        if (text.StartsWith("/media/", StringComparison.OrdinalIgnoreCase))
            text = text["/media/".Length..];
        if (text.Contains('\\') || text.Contains(':') || text.StartsWith('/') || text.Any(char.IsControl))
            return false;
        var parts = text.Split('/');
        if (parts.Length < 2 || parts.Any(p => p.Length == 0 || p == "." || p == ".." || p.Length > 200))
            return false;
        path = string.Join('/', parts);
        return true;
    }

    /// The path in an umbracoFile value: Umbraco's upload field stores the URL, its image cropper a
    /// JSON object whose "src" is the URL.
    public static string? PathOf(string? value)
    {
        if (value is not null && value.TrimStart().StartsWith('{'))
        {
            try
            {
                value = System.Text.Json.Nodes.JsonNode.Parse(value)?["src"]?.GetValue<string>();
            }
            catch (Exception ex) when (ex is System.Text.Json.JsonException or InvalidOperationException)
            {
                return null;
            }
        }
        return TryNormalize(value, out var path) ? path : null;
    }
}
