using System.Text.Json;
using Archive.Data.Entities;
using Archive.Engine.Cultures;
using Archive.Engine.Schema;
using Microsoft.EntityFrameworkCore;

namespace Archive.Data.Schema;

/// Loads the schema snapshot from the database and keeps it until the change log says the schema
/// changed (by this process or another one on the same database).
public sealed class SchemaStore
{
    public static readonly JsonSerializerOptions Json = new() { WriteIndented = false };

    private readonly SemaphoreSlim _lock = new(1, 1);
    private SchemaSnapshot? _snapshot;
    private long _stamp = -1;

    public async Task<SchemaSnapshot> GetAsync(ArchiveDbContext db, CancellationToken ct = default)
    {
        var stamp = await db.ChangeLog.Where(c => c.EntityType == ChangeTypes.Schema).MaxAsync(c => (long?)c.Id, ct) ?? 0;
        if (_snapshot is not null && stamp == _stamp)
            return _snapshot;
        await _lock.WaitAsync(ct);
        try
        {
            if (_snapshot is not null && stamp == _stamp)
                return _snapshot;
            _snapshot = await LoadAsync(db, ct);
            _stamp = stamp;
            return _snapshot;
        }
        finally
        {
            _lock.Release();
        }
    }

    public void Invalidate() => _stamp = -1;

    public static async Task<SchemaSnapshot> LoadAsync(ArchiveDbContext db, CancellationToken ct = default)
    {
        var languages = await db.Languages.AsNoTracking().ToListAsync(ct);
        var items = await db.SchemaItems.AsNoTracking().Where(s => s.Kind != SchemaKinds.Opaque).ToListAsync(ct);
        var dictionary = await db.DictionaryItems.AsNoTracking().Select(d => new { d.ItemKey, d.Translations }).ToListAsync(ct);
        return new SchemaSnapshot(
            new CultureSet(languages.Select(ToLanguage)),
            items.Where(i => i.Kind == SchemaKinds.DataType).Select(i => JsonSerializer.Deserialize<DataType>(i.Definition, Json)!),
            items.Where(i => i.Kind != SchemaKinds.DataType).Select(i => JsonSerializer.Deserialize<ContentType>(i.Definition, Json)!))
        {
            Dictionary = dictionary.DistinctBy(d => d.ItemKey, StringComparer.OrdinalIgnoreCase).ToDictionary(
                d => d.ItemKey,
                d => (IReadOnlyDictionary<string, string>)(JsonSerializer.Deserialize<Dictionary<string, string>>(d.Translations, Json) ?? []),
                StringComparer.OrdinalIgnoreCase),
        };
    }

    public static Language ToLanguage(LanguageEntity l) => new(l.IsoCode, l.Name, l.IsDefault, l.IsMandatory, l.FallbackIsoCode, l.Key);
}
