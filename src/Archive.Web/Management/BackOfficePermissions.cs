using Archive.Identity;

namespace Archive.Web.Management;

/// What each role may do, in the verbs of Umbraco's back office: it shows each person exactly the buttons
/// and editable fields their role allows (the API enforces the same rules regardless).
public static class BackOfficePermissions
{
    private static readonly string[] Read = ["Umb.Document.Read", "Umb.Document.PropertyValue.Read"];
    private static readonly string[] Draft = ["Umb.Document.Create", "Umb.Document.Update", "Umb.Document.PropertyValue.Write"];
    private static readonly string[] Manage = ["Umb.Document.Delete", "Umb.Document.Publish", "Umb.Document.Unpublish", "Umb.Document.Move", "Umb.Document.Duplicate",
        "Umb.Document.Sort", "Umb.Document.Rollback"];

    public static IReadOnlyList<string> Of(string role) => role switch
    {
        Roles.Administrator or Roles.Curator or Roles.Editor => [.. Read, .. Draft, .. Manage],
        // Contributors draft and submit for review; publishing, deleting and moving belong to others.
        Roles.Contributor => [.. Read, .. Draft],
        _ => Read,
    };

    /// The back-office sections a role sees: settings and users are the administrators'.
    public static IReadOnlyList<string> SectionsOf(string role) => role == Roles.Administrator
        ? ["Umb.Section.Content", "Umb.Section.Media", "Umb.Section.Settings", "Umb.Section.Users"]
        : ["Umb.Section.Content", "Umb.Section.Media"];
}
