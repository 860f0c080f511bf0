namespace Archive.Engine.Publishing;

/// The archive's own aliases that code treats specially, kept in one place: the schema names them,
/// the projection, search, IIIF and the Delivery filters read them from here.
public static class ArchiveAliases
{
    /// A record lent for study, never for display: set in its draft or published version, it keeps the
    /// record, whatever lies beneath it and the media it uses from every public channel.
    public const string PrivateRecord = "privateRecord";

    public const string AccessionNumber = "accessionNumber";

    public const string Institution = "institution";
    public const string Collection = "collection";
    public const string Artefact = "artefact";
    public const string Exhibition = "exhibition";
    public const string ExhibitionStop = "exhibitionStop";

    /// A vocabulary term: a place (with its old names), a material, an object type, a people.
    public const string Term = "term";

    /// An exhibition's objects (a multi-node tree picker).
    public const string ExhibitionObjects = "objects";

    /// An artefact's images (a media picker).
    public const string Images = "images";

    /// The vocabulary pickers search counts as facets: object type, materials, peoples.
    public const string ObjectType = "objectType";
    public const string Materials = "materials";
    public const string Peoples = "peoples";

    public const string CreditLine = "creditLine";
    public const string AltText = "altText";

    public static bool IsTrue(string? stored) => stored is "1" or "true" or "True";
}
