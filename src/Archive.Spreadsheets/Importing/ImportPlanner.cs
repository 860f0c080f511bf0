using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using Archive.Data;
using Archive.Engine.Content;
using Archive.Engine.Editors;
using Archive.Engine.Publishing;
using Archive.Engine.Schema;
using Archive.Spreadsheets.Mapping;
using Archive.Spreadsheets.Reading;
using Microsoft.EntityFrameworkCore;

namespace Archive.Spreadsheets.Importing;

/// What one row will do: `create`, `update`, `unchanged`, or `error` (its problems say why), with the columns it changes.
public sealed record RowPlan(int Row, string Action, string? AccessionNumber, Guid? Key, ContentEdit? Edit,
    IReadOnlyList<string> Changed, IReadOnlyList<(string Alias, IReadOnlyList<string> Files)> Media, IReadOnlyList<SheetProblem> Problems);

/// Reads rows into edits for one collection: each cell through its property's own editor (so a value the back office
/// would refuse is refused here, naming the row and column), picked items by any of their labels, datings through the
/// dating parser, images by file name; a row is matched to the record with its accession number (an update, or
/// `unchanged` when nothing would change), and every problem is collected, never thrown.
public sealed class ImportPlanner
{
    private const int Chunk = 500;
    private readonly SchemaSnapshot _schema;
    private readonly ContentType _type;
    private readonly ColumnMapping _mapping;
    private readonly Vocabulary _vocabulary;
    private readonly MediaSource? _media;
    private readonly Dictionary<string, (long Id, Guid Key, long? ParentId)> _existing;
    private readonly long _collectionId;
    private readonly IReadOnlyList<(int Index, string Header, ColumnTarget Target, PropertyType? Property)> _columns;
    private readonly HashSet<string> _seen = new(StringComparer.OrdinalIgnoreCase);

    /// Problems of the columns themselves (unknown properties and cultures, columns left out), found once.
    public List<SheetProblem> ColumnProblems { get; } = [];

    private ImportPlanner(SchemaSnapshot schema, ContentType type, ColumnMapping mapping, IReadOnlyList<string> headers, Vocabulary vocabulary,
        MediaSource? media, Dictionary<string, (long, Guid, long?)> existing, long collectionId)
    {
        (_schema, _type, _mapping, _vocabulary, _media, _existing, _collectionId) = (schema, type, mapping, vocabulary, media, existing, collectionId);
        var columns = new List<(int, string, ColumnTarget, PropertyType?)>();
        var cultures = schema.Cultures;
        for (var i = 0; i < headers.Count; i++)
        {
            var header = headers[i];
            if (header.Length == 0)
                continue;
            if (!mapping.Columns.TryGetValue(header, out var target) || target is null)
            {
                ColumnProblems.Add(new SheetProblem(1, header, $"Column '{header}' is not mapped to any property: it is left out.", IsError: false));
                continue;
            }
            var property = target.Property == ColumnMapping.NameProperty ? null : schema.FindProperty(type, target.Property);
            if (target.Property != ColumnMapping.NameProperty && property is null)
            {
                ColumnProblems.Add(new SheetProblem(1, header, $"Column '{header}' is mapped to '{target.Property}', which the {type.Alias} type does not have."));
                continue;
            }
            var variant = property is null ? type.VariesByCulture : property.Variations.VariesByCulture();
            if (target.Culture is { } culture && cultures.Resolve(culture) is null)
            {
                ColumnProblems.Add(new SheetProblem(1, header, $"Column '{header}' names the culture '{culture}', which the archive does not have ({string.Join(", ", cultures.Languages.Select(l => l.IsoCode))})."));
                continue;
            }
            if (variant && target.Culture is null)
            {
                ColumnProblems.Add(new SheetProblem(1, header, $"'{target.Property}' is written per language: name the culture in the column ('{target.Property}_{cultures.Default?.IsoCode ?? "kk"}')."));
                continue;
            }
            if (!variant && target.Culture is not null)
            {
                ColumnProblems.Add(new SheetProblem(1, header, $"'{target.Property}' is the same in every language: its column takes no culture."));
                continue;
            }
            var resolved = target.Culture is null ? target : target with { Culture = cultures.Resolve(target.Culture)!.ToLowerInvariant() };
            columns.Add((i, header, resolved, property));
        }
        if (!columns.Any(c => c.Item3.Property == ArchiveAliases.AccessionNumber))
            ColumnProblems.Add(new SheetProblem(1, null, "No column holds the accession number: rows are matched to records by it."));
        _columns = columns;
    }

    public bool HasColumnErrors => ColumnProblems.Any(p => p.IsError);

    public static async Task<ImportPlanner> CreateAsync(ArchiveDbContext db, SchemaSnapshot schema, Guid collectionKey, ColumnMapping mapping,
        IReadOnlyList<string> headers, MediaSource? media, CancellationToken ct)
    {
        var type = schema.FindType(ArchiveAliases.Artefact, ContentTypeKind.Document) ?? throw new InvalidOperationException("The schema has no artefact type.");
        var collection = await db.Nodes.AsNoTracking().FirstAsync(n => n.Key == collectionKey, ct);
        var rootKey = await db.Nodes.AsNoTracking().Where(n => n.Id == long.Parse(collection.Path.Split(',', StringSplitOptions.None)[0])).Select(n => n.Key).FirstAsync(ct);
        // Accession numbers are unique within an institution (the root): every one it holds, with the record holding it.
        var existing = await (from u in db.UniqueValues.AsNoTracking()
                              join n in db.Nodes.AsNoTracking() on u.NodeId equals n.Id
                              where u.ScopeKey == rootKey && u.Alias == ArchiveAliases.AccessionNumber && !n.Trashed
                              select new { u.Value, n.Id, n.Key, n.ParentId }).ToListAsync(ct);
        var pickerTypes = schema.PropertiesOf(type).Where(p => p.EditorAlias is "Umbraco.MultiNodeTreePicker" or "Umbraco.ContentPicker")
            .SelectMany(p => Vocabulary.TypesOf(p.DataTypeKey is { } k ? schema.FindDataType(k)?.ConfigJson : null)).Distinct().ToList();
        var vocabulary = await Vocabulary.LoadAsync(db, pickerTypes, schema.Cultures.Default?.IsoCode ?? "kk", ct);
        var planner = new ImportPlanner(schema, type, mapping, headers, vocabulary, media,
            existing.GroupBy(e => e.Value).ToDictionary(g => g.Key, g => (g.First().Id, g.First().Key, g.First().ParentId), StringComparer.Ordinal), collection.Id);
        if (planner._columns.Any(c => c.Property?.EditorAlias == "Umbraco.MediaPicker3"))
            planner.KnowMedia(await MediaNamesAsync(db, ct));
        return planner;
    }

    /// Every media item's file name, for comparing image columns with what records pick.
    public static async Task<Dictionary<Guid, string>> MediaNamesAsync(ArchiveDbContext db, CancellationToken ct)
    {
        var media = await (from n in db.Nodes.AsNoTracking()
                           join v in db.NodeVersions.AsNoTracking() on n.Id equals v.NodeId
                           where n.IsMedia && v.IsDraft
                           select new { n.Key, v.Data }).ToListAsync(ct);
        return media.Select(m => (m.Key, Path: MediaFile.PathOf(ContentData.FromJson(m.Data).GetValue("umbracoFile"))))
            .Where(m => m.Path is not null).ToDictionary(m => m.Key, m => Path.GetFileName(m.Path!));
    }

    /// The plan of every row, in order, read in chunks (the drafts of matched records are read a chunk at a time).
    public async IAsyncEnumerable<RowPlan> PlanAsync(ArchiveDbContext db, IEnumerable<SheetRow> rows, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        foreach (var chunk in rows.Chunk(Chunk))
        {
            var matched = chunk.Select(r => Accession(r)).OfType<string>().Select(a => _existing.TryGetValue(a.ToUpperInvariant(), out var e) ? e.Id : 0).Where(id => id > 0).ToList();
            var drafts = matched.Count == 0 ? [] : await db.NodeVersions.AsNoTracking().Where(v => matched.Contains(v.NodeId) && v.IsDraft)
                .ToDictionaryAsync(v => v.NodeId, v => ContentData.FromJson(v.Data), ct);
            foreach (var row in chunk)
                yield return Plan(row, drafts);
        }
    }

    private string? Accession(SheetRow row) =>
        _columns.FirstOrDefault(c => c.Target.Property == ArchiveAliases.AccessionNumber) is { Header: not null } column && column.Index < row.Cells.Count
            ? row.Cells[column.Index].Trim() is { Length: > 0 } value ? value : null
            : null;

    private RowPlan Plan(SheetRow row, Dictionary<long, ContentData> drafts)
    {
        var problems = new List<SheetProblem>();
        var accession = Accession(row);
        (long Id, Guid Key, long? ParentId)? match = null;
        if (accession is null)
            problems.Add(new SheetProblem(row.Number, ArchiveAliases.AccessionNumber, "The accession number is missing."));
        else if (!_seen.Add(accession))
            problems.Add(new SheetProblem(row.Number, ArchiveAliases.AccessionNumber, $"Accession number {accession} is on an earlier row of the file too."));
        else if (_existing.TryGetValue(accession.ToUpperInvariant(), out var found))
        {
            if (found.ParentId != _collectionId)
                problems.Add(new SheetProblem(row.Number, ArchiveAliases.AccessionNumber, $"Accession number {accession} belongs to a record ({found.Key}) in another collection of this institution."));
            else
                match = found;
        }
        var current = match is { } m ? drafts.GetValueOrDefault(m.Id) : null;
        var names = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var values = new List<ValueEdit>();
        var media = new List<(string, IReadOnlyList<string>)>();
        var changed = new List<string>();
        foreach (var (index, header, target, property) in _columns)
        {
            var cell = Unescaped(index < row.Cells.Count ? row.Cells[index].Trim() : "");
            // An empty cell leaves the value as it is: a sheet of a few columns never wipes the others.
            if (cell.Length == 0)
                continue;
            if (property is null)
            {
                var culture = target.Culture ?? ContentData.Invariant;
                if (cell.Length == 0)
                    continue;
                names[culture] = cell;
                if (current?.NameFor(culture) != cell)
                    changed.Add(header);
                continue;
            }
            if (property.EditorAlias == "Umbraco.MediaPicker3")
            {
                var files = Split(cell, target).ToList();
                // The images a record picks already need no file again; new ones must come with the sheet.
                if (!files.SequenceEqual(CurrentFiles(current, property.Alias), StringComparer.OrdinalIgnoreCase))
                {
                    foreach (var file in files.Where(f => _media?.Has(f) != true))
                        problems.Add(new SheetProblem(row.Number, header, _media is null ? $"'{file}' is named, but no media files were given with the spreadsheet." : $"'{file}' is not among the media files given."));
                    media.Add((property.Alias, files));
                    changed.Add(header);
                }
                continue;
            }
            var (value, problem) = Value(cell, target, property);
            if (problem is not null)
            {
                problems.Add(new SheetProblem(row.Number, header, problem));
                continue;
            }
            var stored = Stored(property, value, out var errors);
            foreach (var error in errors)
                problems.Add(new SheetProblem(row.Number, header, error.Message));
            if (errors.Count == 0 && stored != Normalize(current?.GetValue(property.Alias, target.Culture ?? ContentData.Invariant)))
            {
                values.Add(new ValueEdit(property.Alias, target.Culture, value));
                changed.Add(header);
            }
        }
        if (match is null && accession is not null && names.Count == 0)
            problems.Add(new SheetProblem(row.Number, ColumnMapping.NameProperty, "A new record needs a name in at least one language."));
        if (match is null)
            foreach (var mandatory in _schema.PropertiesOf(_type).Where(p => p.Mandatory))
                if (!values.Any(v => v.Alias == mandatory.Alias && v.Value is not null) && !media.Any(x => x.Item1 == mandatory.Alias))
                    problems.Add(new SheetProblem(row.Number, mandatory.Alias, $"'{mandatory.Alias}' is mandatory and the row has no value for it."));
        var action = problems.Any(p => p.IsError) ? "error" : match is null ? "create" : changed.Count == 0 ? "unchanged" : "update";
        var edit = action is "create" or "update" ? new ContentEdit { Names = names, Values = values } : null;
        return new RowPlan(row.Number, action, accession, match?.Key, edit, changed, media, problems);
    }

    /// Text an export escaped so that no spreadsheet runs it as a formula ("'=SUM(…)") reads back as written; a formula
    /// itself is never run here, only kept as text.
    private static string Unescaped(string cell) => cell.Length > 1 && cell[0] == '\'' && cell[1] is '=' or '+' or '-' or '@' ? cell[1..] : cell;

    private static string? Normalize(string? stored) => string.IsNullOrEmpty(stored) ? null : stored;

    private string? Stored(PropertyType property, JsonNode? value, out List<EditorError> errors)
    {
        errors = [];
        if (value is null)
            return null;
        var config = property.DataTypeKey is { } key && _schema.FindDataType(key) is { } dataType ? dataType.Config() : new JsonObject();
        return Normalize(PropertyEditors.Default.For(property.EditorAlias).ToStored(value, new EditorContext(config, _schema, PropertyEditors.Default), errors));
    }

    /// A cell as the value its editor takes (null clears the value), or why it cannot be one.
    private (JsonNode? Value, string? Problem) Value(string cell, ColumnTarget target, PropertyType property)
    {
        if (cell.Length == 0)
            return (null, null);
        switch (property.EditorAlias)
        {
            case "Umbraco.MultiNodeTreePicker" or "Umbraco.ContentPicker":
                var types = Vocabulary.TypesOf(property.DataTypeKey is { } k ? _schema.FindDataType(k)?.ConfigJson : null);
                var udis = new List<string>();
                foreach (var label in Split(cell, target))
                {
                    var found = _vocabulary.Find(label, types);
                    if (found.Count == 0)
                        return (null, $"'{label}' is no {string.Join(" or ", types)} the archive knows, under any of its names.");
                    if (found.Count > 1)
                        return (null, $"'{label}' names {found.Count} different items ({string.Join(", ", found.Take(3))}): use a name only one of them has.");
                    udis.Add("umb://document/" + found.First().ToString("N"));
                }
                return (JsonValue.Create(string.Join(",", udis.Distinct())), null);
            case "Umbraco.Tags":
                return (new JsonArray(Split(cell, target).Select(t => (JsonNode)JsonValue.Create(t)!).ToArray()), null);
            case "Umbraco.TrueFalse":
                return cell.ToLowerInvariant() switch
                {
                    "1" or "true" or "yes" or "y" or "да" or "иә" or "иа" => (JsonValue.Create(true), null),
                    "0" or "false" or "no" or "n" or "нет" or "жоқ" => (JsonValue.Create(false), null),
                    _ => (null, $"'{cell}' is not yes or no."),
                };
            case "Umbraco.Integer" or "Umbraco.Decimal":
                return decimal.TryParse(cell.Replace(',', '.').Replace(" ", "").Replace("\u00A0", ""), NumberStyles.Number, CultureInfo.InvariantCulture, out var number)
                    ? (JsonValue.Create(number), null)
                    : (null, $"'{cell}' is not a number.");
            case "Umbraco.RichText" or "Umbraco.TinyMCE":
                return (JsonValue.Create(RichTextCells.ToMarkup(cell)), null);
            case "Umbraco.DropDown.Flexible":
                return (new JsonArray(Split(cell, target).Select(t => (JsonNode)JsonValue.Create(t)!).ToArray()), null);
            default:
                return (JsonValue.Create(cell), null);
        }
    }

    private static IEnumerable<string> Split(string cell, ColumnTarget target) =>
        cell.Split(target.Separator ?? ColumnMapping.DefaultSeparator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// The file names of the media a record picks now, in order (read from the picked media's stored file values).
    private IReadOnlyList<string> CurrentFiles(ContentData? current, string alias) =>
        current?.GetValue(alias) is { Length: > 0 } stored ? MediaFiles.NamesOf(stored, _mediaNames) : [];

    private readonly Dictionary<Guid, string> _mediaNames = [];

    /// Remembers the file names of media items, for comparing and exporting image columns.
    public void KnowMedia(IReadOnlyDictionary<Guid, string> names)
    {
        foreach (var (key, name) in names)
            _mediaNames[key] = name;
    }
}

/// Plain text in a cell and rich text in a record: paragraphs (separated by blank lines) become `<p>` elements and back.
public static class RichTextCells
{
    public static string ToMarkup(string text) => string.Concat(text.Replace("\r\n", "\n").Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
        .Select(p => "<p>" + WebUtility.HtmlEncode(p).Replace("\n", "<br>") + "</p>"));

    public static string ToText(string stored)
    {
        var markup = RichTextEditor.MarkupOf(stored);
        var paragraphs = markup.Split("</p>", StringSplitOptions.RemoveEmptyEntries)
            .Select(p => WebUtility.HtmlDecode(System.Text.RegularExpressions.Regex.Replace(p.Replace("<br>", "\n"), "<[^>]+>", "")).Trim())
            .Where(p => p.Length > 0);
        return string.Join("\n\n", paragraphs);
    }
}

/// The media keys a MediaPicker3 value holds, and their files' names.
public static class MediaFiles
{
    public static IReadOnlyList<Guid> KeysOf(string stored)
    {
        try
        {
            return (JsonNode.Parse(stored) as JsonArray ?? []).Select(i => i?["mediaKey"]?.GetValue<string>()).Select(s => Guid.TryParse(s, out var g) ? g : Guid.Empty)
                .Where(g => g != Guid.Empty).ToList();
        }
        catch (System.Text.Json.JsonException)
        {
            return [];
        }
    }

    public static IReadOnlyList<string> NamesOf(string stored, IReadOnlyDictionary<Guid, string> names) =>
        KeysOf(stored).Select(k => names.GetValueOrDefault(k) ?? k.ToString()).ToList();
}
