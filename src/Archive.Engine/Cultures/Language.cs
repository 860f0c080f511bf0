namespace Archive.Engine.Cultures;

/// A language as Umbraco and uSync describe it: the ISO code is the identity, the key is informational.
public sealed record Language(
    string IsoCode,
    string Name,
    bool IsDefault,
    bool IsMandatory,
    string? FallbackIsoCode,
    Guid Key);
