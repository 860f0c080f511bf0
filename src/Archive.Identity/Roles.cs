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

    /// Roles limited to what has been granted to them.
    public static bool IsScoped(string role) => role is Editor or Contributor;

    public static bool CanPublish(string role) => role is Administrator or Curator or Editor;

    public static bool CanWrite(string role) => role is not Viewer;

    /// Who sees private fields at all (scoped roles only within their grants).
    public static bool SeesPrivateFields(string role) => role is not Viewer;
}
