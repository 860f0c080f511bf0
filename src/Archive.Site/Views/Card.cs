using Archive.Site.Texts;

namespace Archive.Site.Views;

/// An item in a listing: its page, name, a line about it and a square thumbnail with its alternative text.
public sealed record Card(Guid Key, string? Url, Localized Title, Localized? Meta = null, string? Thumbnail = null, Localized? Alt = null);
