using System.Text.Json;
using System.Xml.Linq;
using Archive.Data.Entities;
using Archive.Data.Schema;
using Archive.Engine.Content;
using Archive.Engine.Schema;
using Archive.Engine.USync;
using Microsoft.EntityFrameworkCore;

namespace Archive.Data.USync;

public sealed record ExportReport(int Files, int MediaFiles, IReadOnlyList<string> Warnings);

/// Writes the archive as a uSync version folder (schema, content, media items) and the media
/// binaries into "<folder>/media/". Exporting what was imported gives back the same files.
public sealed class USyncExporter(ArchiveDbContext db, IMediaImportTarget media)
{
    public async Task<ExportReport> ExportAsync(string folder, IProgress<ImportProgress>? progress = null, CancellationToken ct = default)
    {
        Directory.CreateDirectory(folder);
        var schema = await SchemaStore.LoadAsync(db, ct);
        var files = new FileNames(folder);
        var warnings = new List<string>();

        USyncXml.Save(new XElement("uSync", new XAttribute("version", "17.0.0.0"), new XAttribute("format", "10.7.0")), Path.Combine(folder, "usync.config"));
        foreach (var language in await db.Languages.AsNoTracking().OrderBy(l => l.IsoCode).ToListAsync(ct))
            files.Write(language.USyncFile, "Languages", language.IsoCode.ToLowerInvariant(), language.Key, LanguageSerializer.Write(SchemaStore.ToLanguage(language)));

        var items = await db.SchemaItems.AsNoTracking().OrderBy(s => s.Kind).ThenBy(s => s.Alias).ToListAsync(ct);
        foreach (var item in items)
        {
            switch (item.Kind)
            {
                case SchemaKinds.DataType:
                    var dataType = JsonSerializer.Deserialize<DataType>(item.Definition, SchemaStore.Json)!;
                    files.Write(item.USyncFile, "DataTypes", USyncFileNames.ForDataType(dataType.Name), item.Key, DataTypeSerializer.Write(dataType));
                    break;
                case SchemaKinds.Opaque:
                    var xml = XElement.Parse(item.Definition);
                    files.Write(item.USyncFile, xml.Name.LocalName == "Empty" ? "Removals" : xml.Name.LocalName + "s", USyncFileNames.ForAlias(xml.Attribute("Alias")?.Value ?? item.Key.ToString()), item.Key, xml);
                    break;
                default:
                    var type = JsonSerializer.Deserialize<ContentType>(item.Definition, SchemaStore.Json)!;
                    var handler = type.Kind switch { ContentTypeKind.Media => "MediaTypes", ContentTypeKind.Member => "MemberTypes", _ => "ContentTypes" };
                    files.Write(item.USyncFile, handler, USyncFileNames.ForAlias(type.Alias), item.Key, ContentTypeSerializer.Write(type));
                    break;
            }
        }

        var dictionary = await db.DictionaryItems.AsNoTracking().ToListAsync(ct);
        foreach (var item in dictionary.OrderBy(d => d.ItemKey, StringComparer.OrdinalIgnoreCase))
        {
            var level = 0;
            for (var parent = item.ParentKey; parent is { } p && level < 20; parent = dictionary.FirstOrDefault(d => d.Key == p)?.ParentKey)
                level++;
            var translations = JsonSerializer.Deserialize<Dictionary<string, string>>(item.Translations) ?? [];
            files.Write(item.USyncFile, "Dictionary", item.ItemKey.ToLowerInvariant(), item.Key,
                DictionarySerializer.Write(new DictionaryItem(item.Key, item.ItemKey, item.ParentKey, translations), level));
        }

        var nodesByKey = await db.Nodes.AsNoTracking().Select(n => new { n.Key, n.Id }).ToDictionaryAsync(n => n.Key, n => n.Id, ct);
        var names = await NodeNamesAsync(schema, ct);
        foreach (var domain in await db.Domains.AsNoTracking().ToListAsync(ct))
        {
            var rootPath = nodesByKey.TryGetValue(domain.RootKey, out var rootId) && names.TryGetValue(rootId, out var rootName) ? "/" + rootName.Name : "";
            files.Write(domain.USyncFile, "Domains", $"{domain.Name}_{domain.Culture}".ToLowerInvariant(), domain.Key,
                DomainSerializer.Write(new DomainItem(domain.Key, domain.Name, domain.IsWildcard, domain.Culture, domain.RootKey, rootPath, domain.SortOrder)));
        }

        var mediaFiles = await ExportNodesAsync(schema, names, files, folder, warnings, progress, ct);
        await ExportLedgersAsync(files, ct);
        return new ExportReport(files.Count + 1, mediaFiles, warnings);
    }

    /// One Ledger file per object or crate with any entry: movements, condition checks, homes, the crate's number.
    private async Task ExportLedgersAsync(FileNames files, CancellationToken ct)
    {
        var movements = (await db.Movements.AsNoTracking().OrderBy(m => m.Id).ToListAsync(ct)).Select(Movements.LedgerRows.ToMovement).ToLookup(m => m.Subject);
        var checks = (await db.ConditionChecks.AsNoTracking().OrderBy(c => c.Id).ToListAsync(ct)).Select(Movements.LedgerRows.ToCheck).ToLookup(c => c.Object);
        var homes = (await db.HomeLocations.AsNoTracking().OrderBy(h => h.Id).ToListAsync(ct))
            .Select(h => new Engine.Movements.HomeLocation(h.Object, h.Location, Movements.LedgerRows.Utc(h.Since), Movements.LedgerRows.Utc(h.Recorded), h.RecordedBy)).ToLookup(h => h.Object);
        var crates = await db.Crates.AsNoTracking().ToDictionaryAsync(c => c.Key, ct);
        var subjects = movements.Select(g => g.Key).Concat(checks.Select(g => g.Key)).Concat(homes.Select(g => g.Key)).Concat(crates.Keys).Distinct().Order();
        foreach (var subject in subjects)
        {
            var crate = crates.GetValueOrDefault(subject);
            files.Write(null, "Ledger", subject.ToString(), subject, LedgerSerializer.Write(new LedgerFile(subject, crate?.Number, crate?.Description,
                movements[subject].ToList(), checks[subject].ToList(), homes[subject].ToList())));
        }
    }

    private sealed record NodeName(string Name, long? ParentId, string SafeAlias);

    private async Task<Dictionary<long, NodeName>> NodeNamesAsync(SchemaSnapshot schema, CancellationToken ct)
    {
        var defaultCulture = schema.Cultures.Default?.IsoCode ?? "";
        var rows = await db.NodeCultures.AsNoTracking()
            .Join(db.Nodes, c => c.NodeId, n => n.Id, (c, n) => new { c.NodeId, c.Culture, c.Name, n.ParentId })
            .ToListAsync(ct);
        return rows.GroupBy(r => r.NodeId).ToDictionary(g => g.Key, g =>
        {
            var best = g.FirstOrDefault(r => r.Culture.Length == 0) ?? g.FirstOrDefault(r => r.Culture.Equals(defaultCulture, StringComparison.OrdinalIgnoreCase)) ?? g.OrderBy(r => r.Culture).First();
            return new NodeName(best.Name, best.ParentId, USyncFileNames.SafeAlias(best.Name));
        });
    }

    private async Task<int> ExportNodesAsync(SchemaSnapshot schema, Dictionary<long, NodeName> names, FileNames files, string folder,
        List<string> warnings, IProgress<ImportProgress>? progress, CancellationToken ct)
    {
        var nodes = await db.Nodes.AsNoTracking().OrderBy(n => n.IsMedia).ThenBy(n => n.Level).ThenBy(n => n.SortOrder).ToListAsync(ct);
        var keys = nodes.ToDictionary(n => n.Id, n => n.Key);
        var mediaFiles = 0;
        var done = 0;
        foreach (var batch in nodes.Chunk(2000))
        {
            var ids = batch.Select(n => n.Id).ToList();
            var drafts = await db.NodeVersions.AsNoTracking().Where(v => ids.Contains(v.NodeId) && v.IsDraft).ToDictionaryAsync(v => v.NodeId, v => v.Data, ct);
            var cultures = (await db.NodeCultures.AsNoTracking().Where(c => ids.Contains(c.NodeId)).ToListAsync(ct)).ToLookup(c => c.NodeId);
            var schedules = (await db.Schedules.AsNoTracking().Where(s => ids.Contains(s.NodeId)).ToListAsync(ct)).ToLookup(s => s.NodeId);
            foreach (var node in batch)
            {
                var type = schema.FindType(node.ContentTypeAlias, node.IsMedia ? ContentTypeKind.Media : ContentTypeKind.Document);
                var data = ContentData.FromJson(drafts[node.Id]);
                var usyncNode = ToUSyncNode(node, type, data, cultures[node.Id].ToList(), schedules[node.Id].ToList(), names, keys, schema);
                files.Write(node.USyncFile, node.IsMedia ? "Media" : "Content", USyncFileNames.ForNode(usyncNode.Name), node.Key, NodeSerializer.Write(usyncNode));
                if (node.IsMedia && USyncImporter.MediaPathOf(usyncNode) is { } path)
                {
                    if (await media.ExportAsync(path, Path.Combine(folder, "media"), ct))
                        mediaFiles++;
                    else
                        warnings.Add($"media {node.Key}: the file '/media/{path}' is not in the media store.");
                }
            }
            done += batch.Length;
            progress?.Report(new ImportProgress("content and media", done, nodes.Count));
        }
        return mediaFiles;
    }

    private static USyncNode ToUSyncNode(NodeEntity node, ContentType? type, ContentData data, List<NodeCultureEntity> cultures,
        List<ScheduleEntity> schedules, Dictionary<long, NodeName> names, Dictionary<long, Guid> keys, SchemaSnapshot schema)
    {
        var variant = type?.VariesByCulture == true && data.Names.Keys.Any(k => k.Length > 0);
        var available = data.Names.Keys.Where(k => k.Length > 0).OrderBy(k => k, StringComparer.OrdinalIgnoreCase).ToList();
        var values = NodeValues.From(type, schema, data, node.IsMedia);

        var name = names.TryGetValue(node.Id, out var own) ? own.Name : node.Key.ToString();
        var path = new List<string>();
        for (long? id = node.Id; id is { } current && names.TryGetValue(current, out var entry); id = entry.ParentId)
            path.Insert(0, entry.SafeAlias);
        var published = cultures.Where(c => c.Published).Select(c => c.Culture).ToHashSet(StringComparer.OrdinalIgnoreCase);
        return new USyncNode
        {
            Key = node.Key,
            IsMedia = node.IsMedia,
            Name = name,
            ContentTypeAlias = node.ContentTypeAlias,
            ParentKey = node.ParentId is { } parentId ? keys[parentId] : Guid.Empty,
            ParentName = node.ParentId is { } pid && names.TryGetValue(pid, out var parent) ? parent.Name : "",
            Path = "/" + string.Join("/", path),
            Level = node.Level,
            SortOrder = node.SortOrder,
            Trashed = node.Trashed,
            CreateDate = node.CreateDate,
            CultureNames = variant ? available.ToDictionary(c => c, c => data.Names[c]) : new Dictionary<string, string>(),
            PublishedDefault = published.Count > 0,
            PublishedCultures = variant ? available.ToDictionary(c => c, published.Contains) : new Dictionary<string, bool>(),
            Schedule = schedules.Select(s => new ScheduleEntry(s.Culture.Length == 0 ? null : s.Culture, s.Action, s.Date)).ToList(),
            TemplateKey = node.TemplateKey,
            TemplateAlias = node.TemplateAlias,
            Values = values,
        };
    }

    /// uSync's flat names, a file per item; an item keeps the name it was imported from.
    private sealed class FileNames(string root)
    {
        private readonly HashSet<string> _used = new(StringComparer.OrdinalIgnoreCase);

        public int Count => _used.Count;

        public void Write(string? known, string handler, string baseName, Guid key, XElement xml)
        {
            var relative = known;
            if (relative is null || !_used.Add(relative))
            {
                relative = $"{handler}/{baseName}.config";
                if (!_used.Add(relative))
                {
                    relative = $"{handler}/{USyncFileNames.WithSuffix(baseName, key)}.config";
                    _used.Add(relative);
                }
            }
            USyncXml.Save(xml, Path.Combine(root, relative));
        }
    }
}
