namespace Archive.Data;

/// The entity types and changes the change log records; consumers switch on these strings.
public static class ChangeTypes
{
    public const string Document = "Document";
    public const string Media = "Media";
    public const string Schema = "Schema";
    /// Accounts appear in the audit trail only (they are not content).
    public const string User = "User";

    public const string Saved = "Saved";
    public const string Published = "Published";
    public const string Unpublished = "Unpublished";
    public const string Moved = "Moved";
    public const string Trashed = "Trashed";
    public const string Restored = "Restored";
    public const string Deleted = "Deleted";
    public const string Sorted = "Sorted";
    public const string SchemaChanged = "SchemaChanged";
}
