using Archive.Engine.Content;
using Archive.Engine.Editors;

namespace Archive.Engine.Kiosks;

/// A kiosk item's settings as its screen needs them, read from its values with the defaults and bounds a hall can live
/// with (a timeout of two seconds would reset a visitor mid-sentence; one of a day would never clear the screen).
public sealed record KioskSettings(
    IReadOnlyList<Guid> Shows,
    IReadOnlyList<string> Languages,
    IReadOnlyList<Guid> AttractPlaylist,
    int AttractSeconds,
    int IdleSeconds,
    int CountdownSeconds,
    bool LargeText,
    bool HighContrast,
    bool AudioDescriptions,
    int ScreenWidth,
    int ScreenHeight,
    int ZoomLevels)
{
    public const string Type = "kiosk";

    public static KioskSettings Read(ContentData data) => new(
        MultiNodeTreePickerEditor.Keys(data.GetValue("shows")),
        LanguagesOf(data.GetValue("languages")),
        MultiNodeTreePickerEditor.Keys(data.GetValue("attractPlaylist")),
        Number(data.GetValue("attractSeconds"), 8, 3, 120),
        Number(data.GetValue("idleSeconds"), 90, 15, 3600),
        Number(data.GetValue("countdownSeconds"), 20, 5, 120),
        Flag(data.GetValue("largeText")),
        Flag(data.GetValue("highContrast")),
        Flag(data.GetValue("audioDescriptions")),
        Number(data.GetValue("screenWidth"), 1920, 320, 7680),
        Number(data.GetValue("screenHeight"), 1080, 320, 4320),
        Number(data.GetValue("zoomLevels"), 2, 0, 6));

    /// "kk, ru, en, ug" (commas, spaces or lines), in the kiosk's order, each once; the first is the default.
    public static IReadOnlyList<string> LanguagesOf(string? value) =>
        (value ?? "").Split([',', ';', ' ', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
        .Distinct(StringComparer.OrdinalIgnoreCase).ToList();

    private static int Number(string? value, int fallback, int min, int max) =>
        int.TryParse(value, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var n) && n > 0 ? Math.Clamp(n, min, max) : fallback;

    private static bool Flag(string? value) => Archive.Engine.Publishing.ArchiveAliases.IsTrue(value);
}
