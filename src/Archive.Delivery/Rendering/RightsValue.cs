using System.Text.Json.Nodes;
using Archive.Engine.Content;

namespace Archive.Delivery.Rendering;

/// The rights statement URI a dropdown value holds (stored as a JSON array or plain text).
public static class RightsValue
{
    public const string Alias = "rightsStatement";

    public static string? Of(ContentData data)
    {
        var value = data.GetValue(Alias)?.Trim();
        if (string.IsNullOrEmpty(value))
            return null;
        if (value.StartsWith('['))
        {
            try
            {
                value = (JsonNode.Parse(value) as JsonArray)?.Select(v => v?.GetValue<string>()).FirstOrDefault(v => !string.IsNullOrEmpty(v));
            }
            catch (System.Text.Json.JsonException)
            {
                return null;
            }
        }
        return value is not null && Uri.TryCreate(value, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" ? value : null;
    }
}
