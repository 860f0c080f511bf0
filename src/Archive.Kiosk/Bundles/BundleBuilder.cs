using System.Security.Cryptography;
using System.Text.Json;
using Archive.Delivery.Cache;
using Archive.Delivery.Exhibitions;
using Archive.Engine.Exhibitions;
using Archive.Engine.Kiosks;
using Archive.Site;
using Archive.Site.Cultures;
using Archive.Site.Views;

namespace Archive.Kiosk.Bundles;

/// Builds a kiosk's bundle from the published cache: its settings, its words and every item it shows in each of its
/// languages, with the files to keep. The version is a hash of the content, so an unchanged catalogue gives the same
/// version and screens download nothing.
public sealed class BundleBuilder(SiteServices site, KioskOptions options, TimeProvider clock)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// Null when the item is not a published kiosk.
    public KioskBundle? Build(Guid kioskKey)
    {
        var cache = site.Cache;
        if (cache.Find(kioskKey) is not { ContentTypeAlias: KioskSettings.Type } kiosk)
            return null;
        var settings = KioskSettings.Read(ExhibitionStops.Data(kiosk));
        var problems = new List<string>();
        var languages = new List<SiteCulture>();
        foreach (var code in settings.Languages)
        {
            if (site.Cultures.Find(code) is { } culture)
                languages.Add(culture);
            else
                problems.Add($"languages: \"{code}\" is not a language of the archive");
        }
        if (languages.Count == 0)
            languages.Add(site.Cultures.Default);
        var readers = languages.Select(l => new KioskItemReader(new SiteContext(l, site, ""))).ToList();
        var today = ExhibitionDays.Today(clock);
        var sections = KioskContent.Of(cache, kiosk, settings, today, options.MaxItems);
        var files = new List<string>();
        var items = new List<BundleItem>();
        foreach (var shown in sections.SelectMany(s => s.Items))
            if (Item(shown, readers, settings, files) is { } item)
                items.Add(item);
        var kept = items.Select(i => i.Key).ToHashSet();
        var bundle = new KioskBundle
        {
            Version = "",
            Kiosk = new BundleKiosk(kiosk.Key, PerLanguage(readers, r => r.NameOf(kiosk)), languages.Select(l => new BundleLanguage(l.Prefix, l.Lang, l.Dir, l.NativeName)).ToList(),
                languages[0].Prefix, settings.AttractSeconds, settings.IdleSeconds, settings.CountdownSeconds, settings.LargeText, settings.HighContrast, settings.AudioDescriptions,
                settings.ScreenWidth, settings.ScreenHeight, options.HeartbeatSeconds, CreditOf(cache, kiosk, readers)),
            Texts = readers.ToDictionary(r => r.Context.Culture.Prefix, r => (IReadOnlyDictionary<string, Txt>)Words(r)),
            Sections = sections.Select(s => new BundleSection(s.Source.Key, s.Source.ContentTypeAlias, PerLanguage(readers, r => r.NameOf(s.Source)),
                s.Items.Select(i => i.Node.Key).Where(kept.Contains).ToList())).ToList(),
            Items = items,
            Attract = Attract(settings, items),
            Files = files.Distinct(StringComparer.Ordinal).ToList(),
            Problems = problems,
        };
        var hash = SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(bundle, Json));
        return bundle with { Version = Convert.ToHexStringLower(hash)[..16] };
    }

    private static IReadOnlyDictionary<string, Txt> PerLanguage(IEnumerable<KioskItemReader> readers, Func<KioskItemReader, Txt> read) =>
        readers.ToDictionary(r => r.Context.Culture.Prefix, read);

    /// The stop's credit line, when the kiosk stands at a stop.
    private static IReadOnlyDictionary<string, Txt>? CreditOf(PublishedCache cache, PublishedNode kiosk, IReadOnlyList<KioskItemReader> readers)
    {
        if (cache.Find(kiosk.ParentKey) is not { ContentTypeAlias: Archive.Engine.Publishing.ArchiveAliases.ExhibitionStop } stop)
            return null;
        var credits = readers.Select(r => (r, Text: r.Context.View(stop)?.Text("creditLine"))).Where(c => c.Text is not null).ToDictionary(c => c.r.Context.Culture.Prefix, c => c.r.Of(c.Text!.Value));
        return credits.Count > 0 ? credits : null;
    }

    private static Dictionary<string, Txt> Words(KioskItemReader reader)
    {
        var texts = reader.Context.Texts;
        return texts.KeysOf(Archive.Site.Texts.SiteTexts.Last).Where(k => k.StartsWith("kiosk.", StringComparison.Ordinal))
            .ToDictionary(k => k["kiosk.".Length..], k => reader.Of(reader.Context.T(k)));
    }

    private static BundleItem? Item(ShownItem shown, IReadOnlyList<KioskItemReader> readers, KioskSettings settings, List<string> files)
    {
        var reads = readers.Select(r => (Reader: r, Read: r.Read(shown))).Where(r => r.Read is not null).Select(r => (r.Reader, Read: r.Read!)).ToList();
        if (reads.Count == 0)
            return null;
        var prefixOf = (KioskItemReader reader) => reader.Context.Culture.Prefix;
        var images = reads[0].Read.Images.Select(image => Image(image, shown, readers, settings, files)).OfType<BundleImage>().ToList();
        var recordings = new List<BundleRecording>();
        foreach (var recording in reads[0].Read.Recordings)
        {
            var captions = reads.Select(r => (Prefix: prefixOf(r.Reader), r.Read.Recordings.FirstOrDefault(x => x.Key == recording.Key)?.Captions))
                .Where(c => c.Captions is not null).ToDictionary(c => c.Prefix, c => c.Captions!, StringComparer.Ordinal);
            recordings.Add(new BundleRecording(recording.Key, recording.Kind, recording.Url, recording.Type, readers.ToDictionary(prefixOf,
                r => r.Context.Cache.Find(recording.Key) is { } node ? r.NameOf(node) : new Txt("")), captions));
            files.Add(recording.Url);
            files.AddRange(captions.Values);
        }
        var descriptions = reads.Where(r => r.Read.AudioDescription is not null).ToDictionary(r => prefixOf(r.Reader), r => r.Read.AudioDescription!, StringComparer.Ordinal);
        files.AddRange(descriptions.Values);
        return new BundleItem
        {
            Key = shown.Node.Key, Type = shown.Node.ContentTypeAlias, Until = shown.Until, NoZoom = shown.NoZoom, NoPhotography = shown.NoPhotography,
            Text = reads.ToDictionary(r => prefixOf(r.Reader), r => r.Read.Text, StringComparer.Ordinal), Images = images, Recordings = recordings, AudioDescription = descriptions,
        };
    }

    /// An image at the screen's size (the largest the media endpoint serves that fits the screen and any loan's cap),
    /// its thumbnail, its alternative text per language and its deep-zoom tiles.
    private static BundleImage? Image(JsonElement image, ShownItem shown, IReadOnlyList<KioskItemReader> readers, KioskSettings settings, List<string> files)
    {
        if (Images.KeyOf(image) is not { } key)
            return null;
        int width = Images.Width(image), height = Images.Height(image);
        var target = Math.Min(settings.ScreenWidth, shown.MaxImageSize ?? int.MaxValue);
        if (width > 0 && height > 0)
            target = Math.Min(target, (int)Math.Round(width * (double)settings.ScreenHeight / height));
        var src = Images.Src(image, target);
        var thumb = Images.Thumbnail(image);
        var zoom = shown.NoZoom || settings.ZoomLevels == 0 ? null : DeepZoomTiles.Of(key, width, height, settings.ScreenWidth, settings.ScreenHeight, settings.ZoomLevels, shown.MaxImageSize);
        files.Add(src);
        files.Add(thumb);
        if (zoom is not null)
            files.AddRange(zoom.Tiles.Values);
        var alt = readers.Select(r => (r.Context.Culture.Prefix, Alt: r.AltOf(image))).Where(a => a.Alt is not null).ToDictionary(a => a.Prefix, a => a.Alt!, StringComparer.Ordinal);
        return new BundleImage(key, src, thumb, width, height, alt, zoom);
    }

    /// The attract loop: the playlist's items (or every item) with the first image of each.
    private static IReadOnlyList<BundleSlide> Attract(KioskSettings settings, IReadOnlyList<BundleItem> items)
    {
        var byKey = items.ToDictionary(i => i.Key);
        var chosen = settings.AttractPlaylist.Count > 0 ? settings.AttractPlaylist.Select(k => byKey.GetValueOrDefault(k)).OfType<BundleItem>().ToList() : items;
        return chosen.Where(i => i.Images.Count > 0).Select(i => new BundleSlide(i.Key, i.Images[0].Src)).ToList();
    }
}
