using System.Text.Json.Nodes;

namespace Archive.Engine.Content;

/// A value as an editor sends it; culture null for invariant properties.
public sealed record ValueEdit(string Alias, string? Culture, JsonNode? Value);

/// What a curator changes in one save: names per culture (null key → invariant) and values.
public sealed record ContentEdit
{
    public IReadOnlyDictionary<string, string> Names { get; init; } = new Dictionary<string, string>();
    public IReadOnlyList<ValueEdit> Values { get; init; } = [];

    /// Set by the media library alone, for the file it has just stored: only then may an edit name a media item's file.
    public bool StoresFile { get; init; }

    public static ContentEdit Invariant(string name, params ValueEdit[] values) =>
        new() { Names = new Dictionary<string, string> { [ContentData.Invariant] = name }, Values = values };
}
