using Microsoft.AspNetCore.Identity;

namespace Archive.Identity;

public enum UserKind
{
    /// A person signing in with a password.
    Person,
    /// A machine client using OAuth client credentials (Umbraco's API users).
    Api,
}

/// An account: a person or an API client, with one role and, for editors and contributors, the
/// institutions and collections they may work in.
public sealed class ArchiveUser : IdentityUser<Guid>
{
    public string Name { get; set; } = "";
    public UserKind Kind { get; set; }
    public DateTime CreatedAt { get; set; }
    /// The language the back office speaks to this person in (a culture code), when chosen.
    public string? LanguageIsoCode { get; set; }
    public List<UserGrant> Grants { get; set; } = [];
}

/// An institution or collection (a content node's key) a user may work in, with everything below it.
public sealed class UserGrant
{
    public Guid UserId { get; set; }
    public Guid NodeKey { get; set; }
}
