namespace Archive.Engine.Content;

/// One reason an operation was refused, pointing at the field (a JSON path into the request) and culture.
public sealed record ContentProblem(string Path, string? Culture, string Message)
{
    public override string ToString() => Culture is null ? $"{Path}: {Message}" : $"{Path} [{Culture}]: {Message}";
}
