using Archive.Site.Texts;

namespace Archive.Site.Views;

/// One value of a fact: its text, a page it links to, and a note beside it ("then called Alma-Ata").
public sealed record FactValue(Localized Text, string? Url = null, Localized? Note = null);

/// A labelled fact about an item ("Materials": wood, bone).
public sealed record Fact(string Alias, Localized Label, IReadOnlyList<FactValue> Values);

/// A rich text shown as a section of the page (description, biography, provenance).
public sealed record Section(Localized Heading, string Markup, string? Lang);

/// An image of the item: responsive sources, size (so nothing jumps), alternative text, deep zoom.
public sealed record Figure(string Src, string SrcSet, int Width, int Height, Localized? Alt, string? Zoom, Localized? Caption);
