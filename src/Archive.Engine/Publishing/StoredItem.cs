using Archive.Engine.Content;

namespace Archive.Engine.Publishing;

/// One culture of a stored item ("" for invariant items): the draft's name and segment, and the
/// published ones where that culture is published.
public sealed record StoredCulture(string Culture, string Name, string Segment, bool Published, string? PublishedName, string? PublishedSegment, bool Edited);

/// An ancestor as the projection needs it: which cultures it is published in and whether it is a
/// private record (its draft or its published version says so).
public sealed record StoredAncestor(Guid Key, string ContentTypeAlias, int SortOrder, IReadOnlySet<string> PublishedCultures, bool IsPrivateRecord)
{
    /// Whether a descendant's culture can be reached through this ancestor: published in that culture
    /// or invariant; an invariant descendant needs any published culture.
    public bool Passes(string culture) =>
        PublishedCultures.Contains(culture) || PublishedCultures.Contains(ContentData.Invariant) || (culture.Length == 0 && PublishedCultures.Count > 0);
}

/// Where an object is now, as the public may know it: the place the ledger has it at and the places that place lies
/// in, nearest first, with every private location (and all beneath one) left out; or on its way between two places.
public sealed record StoredWhereabouts(IReadOnlyList<Guid> Places, bool InTransit);

/// An item as the database holds it, everything the public projection decides from: its place in the
/// tree, its ancestors, its cultures, its current draft and published versions.
public sealed record StoredItem
{
    public required Guid Key { get; init; }
    public required bool IsMedia { get; init; }
    public required string ContentTypeAlias { get; init; }
    public required int Level { get; init; }
    public required int SortOrder { get; init; }
    public required DateTime CreateDate { get; init; }
    /// When anything about the item last changed, its unpublished draft included: what the back office and preview show.
    public required DateTime UpdateDate { get; init; }
    /// When the published version was made: what the public sees as a document's update, so that a curator's unpublished
    /// work is not news to visitors, crawlers or harvesters. Null for an item never published. Media is not published in
    /// Umbraco (its current version serves), so the public sees its UpdateDate.
    public DateTime? PublishedAt { get; init; }
    /// Root first, the parent last.
    public required IReadOnlyList<StoredAncestor> Ancestors { get; init; }
    public required IReadOnlyList<StoredCulture> Cultures { get; init; }
    public ContentData? Draft { get; init; }
    public ContentData? Published { get; init; }
    /// Media only: a private record uses this item, so its file is withheld with it.
    public bool UsedByPrivateRecord { get; init; }
    /// Artefacts only: where the movement ledger has the object now, as public places.
    public StoredWhereabouts? Whereabouts { get; init; }

    public bool IsPrivateRecord => PublicProjection.SaysPrivate(Draft) || PublicProjection.SaysPrivate(Published);

    /// Kept from the public whatever is published: a private record, anything beneath one, media one uses.
    public bool IsWithheld => IsPrivateRecord || Ancestors.Any(a => a.IsPrivateRecord) || (IsMedia && UsedByPrivateRecord);
}
