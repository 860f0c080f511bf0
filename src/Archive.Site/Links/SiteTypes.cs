namespace Archive.Site.Links;

/// The archive's document types the site gives a page of its own shape (any other type gets the generic one).
public static class SiteTypes
{
    public const string Institution = "institution", Collection = "collection", Artefact = "artefact", Person = "person",
        Exhibition = "exhibition", ExhibitionStop = "exhibitionStop", Venue = "venue", Route = "route", Story = "story",
        Term = "term", Vocabulary = "vocabulary", Loan = "loan", ObjectLabel = "objectLabel", Location = "location", Kiosk = "kiosk",
        People = "people", Exhibitions = "exhibitions", Venues = "venues", Stories = "stories", Vocabularies = "vocabularies";
}
