namespace Archive.Identity;

/// The archive's roles, from most to least power.
public static class Roles
{
    /// Everything, schema and users included.
    public const string Administrator = "administrator";
    /// All content and media, publishing.
    public const string Curator = "curator";
    /// Create, edit and publish within the institutions and collections granted.
    public const string Editor = "editor";
    /// Drafts within the collections granted, submitted for review; never publishes.
    public const string Contributor = "contributor";
    /// Reads everything, drafts included; changes nothing.
    public const string Viewer = "viewer";

    public static readonly string[] All = [Administrator, Curator, Editor, Contributor, Viewer];

    /// Each role shown to Umbraco's clients as a user group with a fixed id; administrators keep
    /// the id of Umbraco's own admin group.
    public static readonly IReadOnlyDictionary<string, Guid> GroupKeys = new Dictionary<string, Guid>
    {
        [Administrator] = Guid.Parse("e5e7f6c8-7f9c-4b5b-8d5d-9e1e5a4f7e4d"),
        [Curator] = Guid.Parse("173dbe50-db4c-45c2-8b16-1101c2e2601c"),
        [Editor] = Guid.Parse("7812a684-5b07-4abb-a035-ffc66ee180e3"),
        [Contributor] = Guid.Parse("db2d17d8-215d-41aa-b791-d55a973558d6"),
        [Viewer] = Guid.Parse("a357af79-461c-483d-a8ef-8f19c5eb26c9"),
    };

    public static string Describe(string role) => role switch
    {
        Administrator => "Everything, schema and users included.",
        Curator => "All content and media, publishing and approving.",
        Editor => "Create, edit and publish within the institutions and collections granted.",
        Contributor => "Drafts within the collections granted, submitted for review; never publishes.",
        _ => "Reads everything, drafts included; changes nothing.",
    };

    public static string? FromGroupKey(Guid key) => GroupKeys.FirstOrDefault(g => g.Value == key).Key;

    /// Roles limited to what has been granted to them.
    public static bool IsScoped(string role) => role is Editor or Contributor;

    public static bool CanPublish(string role) => role is Administrator or Curator or Editor;

    public static bool CanWrite(string role) => role is not Viewer;

    /// Who approves or returns what was submitted for review.
    public static bool CanReview(string role) => role is Administrator or Curator;

    /// Who sees private fields at all (scoped roles only within their grants).
    public static bool SeesPrivateFields(string role) => role is not Viewer;
}
