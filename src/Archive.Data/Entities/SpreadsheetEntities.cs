namespace Archive.Data.Entities;

/// One spreadsheet import: who ran it, into which collection, how far it got and what it did. Its items say what
/// each row made, so the whole batch can be undone.
public sealed class ImportBatchEntity
{
    public Guid Id { get; set; }
    public Guid CollectionKey { get; set; }
    public required string FileName { get; set; }
    public required string CreatedBy { get; set; }
    public DateTime StartedAt { get; set; }
    public DateTime? FinishedAt { get; set; }
    /// `running`, `done`, `failed` or `undone`.
    public required string State { get; set; }
    public int Total { get; set; }
    public int Processed { get; set; }
    public int Created { get; set; }
    public int Updated { get; set; }
    public int Unchanged { get; set; }
    public string? Error { get; set; }
}

/// What one row of a batch did to one item: `created`, or `updated` from the draft version it had before.
public sealed class ImportBatchItemEntity
{
    public long Id { get; set; }
    public Guid BatchId { get; set; }
    public Guid NodeKey { get; set; }
    public int Row { get; set; }
    public required string Action { get; set; }
    /// The draft version the row replaced (updates only): undoing restores it.
    public long? PreviousVersionId { get; set; }
}

/// The column mapping last saved for a collection, as JSON, for the next file of the same shape.
public sealed class SpreadsheetMappingEntity
{
    public Guid CollectionKey { get; set; }
    public required string Json { get; set; }
    public DateTime SavedAt { get; set; }
    public required string SavedBy { get; set; }
}
