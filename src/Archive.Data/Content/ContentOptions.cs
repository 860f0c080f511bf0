namespace Archive.Data.Content;

public sealed class ContentOptions
{
    /// Property aliases whose values must be unique among the nodes under one root
    /// (an accession number within its institution).
    public List<string> UniqueWithinRoot { get; set; } = [Archive.Engine.Publishing.ArchiveAliases.AccessionNumber];
}
