using System.Diagnostics.CodeAnalysis;

namespace Archive.Engine.Content;

/// Umbraco's entity references in property values: umb://document/{32 hex}, umb://media/…, umb://element/….
public readonly record struct Udi(string EntityType, Guid Key)
{
    public override string ToString() => $"umb://{EntityType}/{Key:N}";

    public static bool TryParse(string? text, [NotNullWhen(true)] out Udi? udi)
    {
        udi = null;
        if (string.IsNullOrWhiteSpace(text) || !text.StartsWith("umb://", StringComparison.OrdinalIgnoreCase))
            return false;
        var rest = text[6..];
        var slash = rest.IndexOf('/');
        if (slash <= 0 || !Guid.TryParse(rest[(slash + 1)..], out var key))
            return false;
        udi = new Udi(rest[..slash].ToLowerInvariant(), key);
        return true;
    }

    /// Accepts a Udi or a bare key (assumed to be of the given entity type).
    public static bool TryParseReference(string? text, string entityType, [NotNullWhen(true)] out Udi? udi)
    {
        if (TryParse(text, out udi))
            return udi.Value.EntityType == entityType;
        if (Guid.TryParse(text, out var key))
        {
            udi = new Udi(entityType, key);
            return true;
        }
        return false;
    }
}
