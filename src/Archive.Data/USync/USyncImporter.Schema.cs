using System.Text.Json;
using Archive.Data.Entities;
using Archive.Data.Schema;
using Archive.Engine.Schema;
using Archive.Engine.USync;
using Microsoft.EntityFrameworkCore;

namespace Archive.Data.USync;

public sealed partial class USyncImporter
{
    private async Task ImportSchemaAsync(USyncPackage package, ImportReport report, string actor, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var languages = await db.Languages.ToDictionaryAsync(l => l.IsoCode, StringComparer.OrdinalIgnoreCase, ct);
        // One default language: the folder's default wins over the database's.
        if (package.Languages.Any(l => l.Item.IsDefault))
            foreach (var other in languages.Values.Where(l => package.Languages.All(p => !p.Item.IsoCode.Equals(l.IsoCode, StringComparison.OrdinalIgnoreCase))))
                other.IsDefault = false;
        foreach (var entry in package.Languages)
        {
            var l = entry.Item;
            if (!languages.TryGetValue(l.IsoCode, out var row))
            {
                db.Languages.Add(new LanguageEntity { IsoCode = l.IsoCode, Name = l.Name, IsDefault = l.IsDefault, IsMandatory = l.IsMandatory, FallbackIsoCode = l.FallbackIsoCode, Key = l.Key, USyncFile = entry.File });
                report.Count(report.Created, "languages");
                report.SchemaChanged = true;
            }
            else if (row.Name != l.Name || row.IsDefault != l.IsDefault || row.IsMandatory != l.IsMandatory || row.FallbackIsoCode != l.FallbackIsoCode || row.Key != l.Key)
            {
                (row.Name, row.IsDefault, row.IsMandatory, row.FallbackIsoCode, row.Key, row.USyncFile) = (l.Name, l.IsDefault, l.IsMandatory, l.FallbackIsoCode, l.Key, entry.File);
                report.Count(report.Updated, "languages");
                report.SchemaChanged = true;
            }
            else
                report.Count(report.Unchanged, "languages");
        }

        var items = await db.SchemaItems.ToDictionaryAsync(s => s.Key, ct);
        foreach (var entry in package.DataTypes)
            Upsert(items, entry.Item.Key, SchemaKinds.DataType, entry.Item.Name, JsonSerializer.Serialize(entry.Item, SchemaStore.Json), entry, "data types", report, now);
        foreach (var entry in package.ContentTypes)
        {
            var kind = entry.Item.Kind switch { ContentTypeKind.Media => SchemaKinds.MediaType, ContentTypeKind.Member => SchemaKinds.MemberType, _ => SchemaKinds.ContentType };
            Upsert(items, entry.Item.Key, kind, entry.Item.Alias, JsonSerializer.Serialize(entry.Item, SchemaStore.Json), entry, "content types", report, now);
        }
        foreach (var entry in package.Opaque)
            Upsert(items, OpaqueKey(entry.Item, entry.File), SchemaKinds.Opaque, entry.Item.Name.LocalName + ":" + (entry.Item.Attribute("Alias")?.Value ?? ""),
                entry.Item.ToString(System.Xml.Linq.SaveOptions.DisableFormatting), entry, "other items", report, now);

        var dictionary = await db.DictionaryItems.ToDictionaryAsync(d => d.Key, ct);
        foreach (var entry in package.Dictionary)
        {
            var translations = JsonSerializer.Serialize(entry.Item.Translations.OrderBy(t => t.Key, StringComparer.OrdinalIgnoreCase).ToDictionary());
            if (!dictionary.TryGetValue(entry.Item.Key, out var row))
            {
                db.DictionaryItems.Add(new DictionaryItemEntity { Key = entry.Item.Key, ItemKey = entry.Item.ItemKey, ParentKey = entry.Item.ParentKey, Translations = translations, USyncFile = entry.File });
                report.Count(report.Created, "dictionary items");
            }
            else if (row.ItemKey != entry.Item.ItemKey || row.ParentKey != entry.Item.ParentKey || row.Translations != translations)
            {
                (row.ItemKey, row.ParentKey, row.Translations, row.USyncFile) = (entry.Item.ItemKey, entry.Item.ParentKey, translations, entry.File);
                report.Count(report.Updated, "dictionary items");
            }
            else
                report.Count(report.Unchanged, "dictionary items");
        }

        var domains = await db.Domains.ToDictionaryAsync(d => d.Key, ct);
        foreach (var entry in package.Domains)
        {
            var d = entry.Item;
            if (!domains.TryGetValue(d.Key, out var row))
            {
                db.Domains.Add(new DomainEntity { Key = d.Key, Name = d.Name, IsWildcard = d.IsWildcard, Culture = d.Culture, RootKey = d.RootKey, SortOrder = d.SortOrder, USyncFile = entry.File });
                report.Count(report.Created, "domains");
            }
            else if (row.Name != d.Name || row.IsWildcard != d.IsWildcard || row.Culture != d.Culture || row.RootKey != d.RootKey || row.SortOrder != d.SortOrder)
            {
                (row.Name, row.IsWildcard, row.Culture, row.RootKey, row.SortOrder, row.USyncFile) = (d.Name, d.IsWildcard, d.Culture, d.RootKey, d.SortOrder, entry.File);
                report.Count(report.Updated, "domains");
            }
            else
                report.Count(report.Unchanged, "domains");
        }

        if (report.SchemaChanged)
        {
            db.ChangeLog.Add(new ChangeLogEntity { Timestamp = now, EntityType = ChangeTypes.Schema, Key = Guid.Empty, Change = ChangeTypes.SchemaChanged });
            db.Audit.Add(new AuditEntity { Timestamp = now, Actor = actor, Action = "ImportSchema", EntityType = ChangeTypes.Schema, Comment = report.ToString() });
        }
        await db.SaveChangesAsync(ct);
    }

    /// Removal markers share their key with the item they mark, so they are stored under a derived key.
    private static Guid OpaqueKey(System.Xml.Linq.XElement item, string file)
    {
        var key = USyncXml.KeyOf(item, file);
        if (item.Name.LocalName != "Empty")
            return key;
        var bytes = System.Security.Cryptography.MD5.HashData(System.Text.Encoding.UTF8.GetBytes("removal:" + key));
        return new Guid(bytes);
    }

    private void Upsert<T>(Dictionary<Guid, SchemaItemEntity> items, Guid key, string kind, string alias, string definition, USyncEntry<T> entry,
        string label, ImportReport report, DateTime now)
    {
        if (!items.TryGetValue(key, out var row))
        {
            row = new SchemaItemEntity { Key = key, Kind = kind, Alias = alias, Definition = definition, USyncFile = entry.File, UpdatedAt = now };
            db.SchemaItems.Add(row);
            items[key] = row;
            report.Count(report.Created, label);
            report.SchemaChanged = true;
        }
        else if (row.Definition != definition || row.Alias != alias || row.Kind != kind)
        {
            (row.Kind, row.Alias, row.Definition, row.USyncFile, row.UpdatedAt) = (kind, alias, definition, entry.File, now);
            report.Count(report.Updated, label);
            report.SchemaChanged = true;
        }
        else
            report.Count(report.Unchanged, label);
    }
}
