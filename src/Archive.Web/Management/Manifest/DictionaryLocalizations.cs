using Archive.Engine.Schema;

namespace Archive.Web.Management.Manifest;

/// The archive's dictionary items as back-office localizations, one per language they are translated into: the
/// schema names its document types, tabs and properties "#archive_artefact", "#archive_field_dimensions"…, and
/// the back office reads such a name as a term of its own localizations ("archive" dictionary, key "artefact").
public static class DictionaryLocalizations
{
    public static IEnumerable<object> Of(SchemaSnapshot schema)
    {
        var byCulture = new SortedDictionary<string, SortedDictionary<string, SortedDictionary<string, string>>>(StringComparer.OrdinalIgnoreCase);
        foreach (var (alias, translations) in schema.Dictionary)
        {
            // A term is addressed as section_key; an alias without a section cannot be.
            var split = alias.IndexOf('_');
            if (split <= 0 || split == alias.Length - 1)
                continue;
            foreach (var (culture, text) in translations)
            {
                if (string.IsNullOrWhiteSpace(text))
                    continue;
                if (!byCulture.TryGetValue(culture, out var sections))
                    byCulture[culture] = sections = new(StringComparer.Ordinal);
                if (!sections.TryGetValue(alias[..split], out var terms))
                    sections[alias[..split]] = terms = new(StringComparer.Ordinal);
                terms[alias[(split + 1)..]] = text;
            }
        }
        return byCulture.Select(c => (object)new
        {
            type = "localization",
            alias = $"Archive.Dictionary.{c.Key}",
            name = $"Archive dictionary ({c.Key})",
            meta = new { culture = c.Key, localizations = c.Value },
        });
    }
}
