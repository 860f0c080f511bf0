namespace Archive.Data.Entities;

/// What harvesters were last told of an item shown to other systems (an artefact's OAI-PMH record and IIIF manifest, a
/// collection's or institution's IIIF collection): when its public record last changed, and whether it is still there. A
/// record that leaves the public projection stays as a deleted record, so harvesters learn of it (OAI `persistent`).
public sealed class HarvestRecordEntity
{
    public Guid Key { get; set; }
    /// `artefact`, `collection` or `institution`.
    public required string ContentType { get; set; }
    /// When the public record last changed (UTC, whole seconds).
    public DateTime Datestamp { get; set; }
    /// The change-log position at which the public record last changed. Lists walk records by datestamp, then this,
    /// then key: a record that changes while a harvest is under way moves behind the harvest's place even when its
    /// datestamp stays within the same second.
    public long Sequence { get; set; }
    public bool Deleted { get; set; }
    /// SHA-256 of the public record as last disseminated (hex); empty for a deleted record.
    public required string Hash { get; set; }
    /// The record's OAI sets, space-separated (a deleted record keeps those it had).
    public required string Sets { get; set; }
}

/// One entry of the IIIF change discovery stream: a manifest or collection created, updated or deleted. Append-only.
public sealed class HarvestActivityEntity
{
    public long Id { get; set; }
    public Guid Key { get; set; }
    /// `Manifest` or `Collection`.
    public required string ObjectType { get; set; }
    /// `Create`, `Update` or `Delete`.
    public required string Type { get; set; }
    public DateTime EndTime { get; set; }
}

/// How far the harvest records follow the change log. Claimed with a conditional update, so in a cluster one node
/// writes each change once.
public sealed class HarvestStateEntity
{
    public required string Name { get; set; }
    public long Position { get; set; }
}
