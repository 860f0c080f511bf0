using Archive.Delivery.Cache;
using Archive.Engine.Publishing;
using Archive.Harvesting.Records;

namespace Archive.Harvesting.Oai;

/// `ListSets`: each public institution (`institution-{key}`) and each public collection within it
/// (`institution-{key}:collection-{key}`), named in the archive's default language. The list is never long enough to
/// need paging, so a resumption token is always one this repository did not issue.
public static class ListSets
{
    public static OaiAnswer Answer(OaiContext c)
    {
        if (c.Request["resumptionToken"] is not null)
            return OaiAnswer.Error("badResumptionToken", "The list of sets is sent whole: this repository issues no token for it.");
        var cultures = ObjectRecord.CulturesOf(c.Cache.Schema);
        var sets = new List<(string Spec, string Name)>();
        foreach (var institution in c.Cache.OfType(ArchiveAliases.Institution).Where(n => !n.IsMedia).OrderBy(n => n.Level).ThenBy(n => n.SortOrder))
        {
            sets.Add((RecordFingerprint.OaiSet(institution.Key), NameOf(institution, cultures)));
            foreach (var collection in c.Cache.OfType(ArchiveAliases.Collection).Where(n => n.AncestorKeys.Contains(institution.Key)
                && n.AncestorKeys.Select(c.Cache.Find).LastOrDefault(a => a?.ContentTypeAlias == ArchiveAliases.Institution)?.Key == institution.Key).OrderBy(n => n.SortOrder))
                sets.Add((RecordFingerprint.OaiSet(institution.Key, collection.Key), NameOf(collection, cultures)));
        }
        if (sets.Count == 0)
            return OaiAnswer.Error("noSetHierarchy", "There are no public institutions to harvest by yet.");
        return OaiAnswer.Of(w =>
        {
            const string ns = OaiContext.OaiNamespace;
            w.WriteStartElement("ListSets", ns);
            foreach (var (spec, name) in sets)
            {
                w.WriteStartElement("set", ns);
                w.WriteElementString("setSpec", ns, spec);
                w.WriteElementString("setName", ns, name);
                w.WriteEndElement();
            }
            w.WriteEndElement();
        });
    }

    private static string NameOf(PublishedNode node, IReadOnlyList<string> cultures) =>
        cultures.Select(c => node.CultureOf(c)?.Name).FirstOrDefault(n => !string.IsNullOrEmpty(n)) ?? node.Cultures.Values.First().Name;
}
