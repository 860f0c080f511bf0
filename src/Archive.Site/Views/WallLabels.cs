using Archive.Site.Links;
using Archive.Site.Texts;

namespace Archive.Site.Views;

/// A stop's own wall labels (its `objectLabel` children): the label text for each object, in the reader's language or
/// the nearest that has one. A stop page and a kiosk at the stop read them the same way.
public static class WallLabels
{
    public static IReadOnlyDictionary<Guid, Localized> Of(SiteContext context, Guid stop) =>
        context.Cache.ChildrenOf(stop).Where(c => c.ContentTypeAlias == SiteTypes.ObjectLabel).Select(context.View).OfType<ItemView>()
            .Select(l => (Object: l.Picked("object").FirstOrDefault()?.Key, Text: l.Text("labelText"))).Where(l => l.Object is not null && l.Text is not null)
            .GroupBy(l => l.Object!.Value).ToDictionary(g => g.Key, g => g.First().Text!.Value);
}
