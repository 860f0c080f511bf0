namespace Archive.Site;

/// `Archive:Site`: the public site's settings.
public sealed class SiteOptions
{
    public const string Section = "Archive:Site";

    /// Serve the public site at `/` (else `/` answers with the health of the archive, as a headless archive does).
    public bool Enabled { get; set; } = true;

    /// Base tiles under the site's maps; without them the maps show their features on a plain background.
    public MapTilesOptions MapTiles { get; set; } = new();

    /// Latin-script Kazakh: the loan letters' spellings (`"ч": "ch"`), replacing the defaults.
    public Dictionary<string, string> KazakhLatin { get; set; } = [];

    /// Keep rendered pages (output caching, evicted on every publish); off, every page is rendered for each request.
    public bool OutputCache { get; set; } = true;

    /// Items on a page of a listing or search.
    public int PageSize { get; set; } = 24;
}

public sealed class MapTilesOptions
{
    /// `https://tile.example/{z}/{x}/{y}.png`; none by default, as the archive fetches nothing from the internet on its own.
    public string? Url { get; set; }
    public string? Attribution { get; set; }
    public int MaxZoom { get; set; } = 18;
}
