using System.Text.Json;
using Archive.Delivery.Cache;
using Archive.Delivery.Exhibitions;
using Archive.Site.Links;
using Archive.Site.Texts;

namespace Archive.Site.Views;

/// An exhibition stop as a line of an itinerary or of an object's exhibitions.
public sealed record StopLine(Card Stop, Localized? Exhibition, string? ExhibitionUrl, Localized? Venue, string? VenueUrl, string Dates, string When);

/// Everything an item's page shows, for any type: facts, images, texts, and what the type adds (its children, its
/// objects, its itinerary, its map).
public sealed record ItemPageModel
{
    public required SitePage Page { get; init; }
    public required ItemView Item { get; init; }
    public IReadOnlyList<Figure> Figures { get; init; } = [];
    public IReadOnlyList<Fact> Facts { get; init; } = [];
    public IReadOnlyList<Recording> Recordings { get; init; } = [];
    public string? AudioDescription { get; init; }
    public IReadOnlyList<Section> Sections { get; init; } = [];
    public IReadOnlyList<StoryBlock> Blocks { get; init; } = [];
    public Localized? Summary { get; init; }
    public Localized? Note { get; init; }
    /// What the item holds or gathers (a collection's objects, a vocabulary's terms, a person's works…).
    public Localized? ListHeading { get; init; }
    public IReadOnlyList<Card> List { get; init; } = [];
    public Pager? Pager { get; init; }
    /// A search narrowed to this item (all its objects), where a listing shows only some.
    public string? SearchUrl { get; init; }
    public int SearchTotal { get; init; }
    public IReadOnlyList<StopLine> Stops { get; init; } = [];
    public Localized? StopsHeading { get; init; }
    public MapModel? Map { get; init; }
    // The artefact's own parts.
    public Localized? Whereabouts { get; init; }
    public bool InTransit { get; init; }
    public bool NoPhotography { get; init; }
    public Localized? LoanCredit { get; init; }
    public string? Manifest { get; init; }
    public string? PermanentUrl { get; init; }
    public Localized? Citation { get; init; }
}

/// A block of a story's body: text, an image with its caption, or a quotation.
public sealed record StoryBlock(string Kind, string? Markup, Figure? Figure, Localized? Quote, Localized? Attribution);

/// Numbered pages of a listing: links only (it works without scripts and search engines follow it).
public sealed record Pager(int Current, int Count, Func<int, string> UrlOf);
