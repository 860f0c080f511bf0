using System.Text.Json.Serialization;

namespace Archive.Kiosk.Bundles;

/// A text and, when it is not in the screen's language, the BCP 47 tag of the language it is in (for `lang`).
public sealed record Txt([property: JsonPropertyName("t")] string Text, [property: JsonPropertyName("l")] string? Lang = null);

/// Everything a screen shows, in all its languages, with every file it needs: what it keeps and runs from offline.
/// Built only from the public projection (the site's reading of the Delivery API's rendering).
public sealed record KioskBundle
{
    public required string Version { get; init; }
    public required BundleKiosk Kiosk { get; init; }
    /// The screen's own words, per language code.
    public required IReadOnlyDictionary<string, IReadOnlyDictionary<string, Txt>> Texts { get; init; }
    /// What the screen shows (its sections), named per language.
    public required IReadOnlyList<BundleSection> Sections { get; init; }
    public required IReadOnlyList<BundleItem> Items { get; init; }
    /// Slides of the attract loop: an item and one of its images.
    public required IReadOnlyList<BundleSlide> Attract { get; init; }
    /// Every file the screen keeps (derivatives, tiles, recordings, captions), same-origin paths.
    public required IReadOnlyList<string> Files { get; init; }
    /// What the settings got wrong (an unknown language), for curators in the fleet view.
    public required IReadOnlyList<string> Problems { get; init; }
}

public sealed record BundleKiosk(Guid Key, IReadOnlyDictionary<string, Txt> Name, IReadOnlyList<BundleLanguage> Languages, string DefaultLanguage,
    int AttractSeconds, int IdleSeconds, int CountdownSeconds, bool LargeText, bool HighContrast, bool AudioDescriptions, int ScreenWidth, int ScreenHeight,
    int HeartbeatSeconds, IReadOnlyDictionary<string, Txt>? Credit);

/// A language of the switch: its code (`kk-latn`), its `lang` tag, direction and its name in its own script.
public sealed record BundleLanguage(string Code, string Lang, string Dir, string Name);

public sealed record BundleSection(Guid Key, string Type, IReadOnlyDictionary<string, Txt> Name, IReadOnlyList<Guid> Items);

public sealed record BundleItem
{
    public required Guid Key { get; init; }
    public required string Type { get; init; }
    /// The last day it may be shown (a loan's end), Kazakhstan time; the screen hides it after that even offline.
    public DateOnly? Until { get; init; }
    public bool NoZoom { get; init; }
    public bool NoPhotography { get; init; }
    public required IReadOnlyDictionary<string, BundleItemText> Text { get; init; }
    public required IReadOnlyList<BundleImage> Images { get; init; }
    public required IReadOnlyList<BundleRecording> Recordings { get; init; }
    /// A spoken description per language (a same-origin media path).
    public required IReadOnlyDictionary<string, string> AudioDescription { get; init; }
}

public sealed record BundleItemText(Txt Name, Txt? Dating, Txt? Label, IReadOnlyList<Txt> Paragraphs, IReadOnlyList<BundleFact> Facts, Txt? Credit, Txt? LoanCredit);

public sealed record BundleFact(Txt Label, IReadOnlyList<Txt> Values);

public sealed record BundleImage(Guid Key, string Src, string Thumb, int Width, int Height, IReadOnlyDictionary<string, Txt> Alt, BundleZoom? Zoom);

/// Deep zoom from the IIIF service, levels as OpenSeadragon counts them (the full image is level `Full`), each tile's
/// address given as it is kept ("level/x/y" → path), so the screen asks for exactly what it has.
public sealed record BundleZoom(int Width, int Height, int TileSize, int MinLevel, int MaxLevel, int Full, IReadOnlyDictionary<string, string> Tiles);

public sealed record BundleRecording(Guid Key, string Kind, string Url, string Type, IReadOnlyDictionary<string, Txt> Name, IReadOnlyDictionary<string, string> Captions);

public sealed record BundleSlide(Guid Item, string Image);
