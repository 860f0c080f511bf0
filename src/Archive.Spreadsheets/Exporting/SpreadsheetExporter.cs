using Archive.Data;
using Archive.Data.Schema;
using Archive.Engine.Content;
using Archive.Engine.Editors;
using Archive.Engine.Publishing;
using Archive.Engine.Schema;
using Archive.Spreadsheets.Importing;
using Archive.Spreadsheets.Mapping;
using CsvHelper;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;

namespace Archive.Spreadsheets.Exporting;

/// A collection's records as the spreadsheet an import reads back unchanged: the accession number, names and every
/// property a cell can hold, per culture where it varies, picked items by name, images by file name, rich text as
/// paragraphs. Drafts as curators see them; private fields only for those who may read them. CSV (UTF-8 with a
/// byte-order mark, formula-like text escaped) or XLSX, written row by row.
public sealed class SpreadsheetExporter(ArchiveDbContext db, SchemaStore schemas)
{
    public async Task<int> ExportAsync(Guid collection, string format, bool withPrivateFields, Stream output, CancellationToken ct)
    {
        var schema = await schemas.GetAsync(db, ct);
        var type = schema.FindType(ArchiveAliases.Artefact, ContentTypeKind.Document)!;
        var cultures = schema.Cultures.InOrder();
        var columns = ColumnMapping.ExportColumns(schema, type, cultures)
            .Where(c => withPrivateFields || schema.FindProperty(type, c.Target.Property) is not { IsSensitive: true }).ToList();
        var collectionId = await db.Nodes.Where(n => n.Key == collection).Select(n => n.Id).FirstAsync(ct);
        var pickerTypes = schema.PropertiesOf(type).Where(p => p.EditorAlias is "Umbraco.MultiNodeTreePicker" or "Umbraco.ContentPicker")
            .SelectMany(p => Vocabulary.TypesOf(p.DataTypeKey is { } k ? schema.FindDataType(k)?.ConfigJson : null)).Distinct().ToList();
        var vocabulary = await Vocabulary.LoadAsync(db, pickerTypes, cultures[0], ct);
        var media = columns.Any(c => schema.FindProperty(type, c.Target.Property)?.EditorAlias == "Umbraco.MediaPicker3")
            ? await ImportPlanner.MediaNamesAsync(db, ct) : [];
        var records = db.NodeVersions.AsNoTracking()
            .Where(v => v.IsDraft && v.Node!.ParentId == collectionId && !v.Node.Trashed && v.Node.ContentTypeAlias == ArchiveAliases.Artefact)
            .OrderBy(v => v.Node!.SortOrder).Select(v => v.Data).AsAsyncEnumerable();
        var rows = new List<string[]>();
        await foreach (var json in records.WithCancellation(ct))
        {
            var data = ContentData.FromJson(json);
            rows.Add(columns.Select(c => Cell(schema, type, data, c.Target, vocabulary, media)).ToArray());
        }
        var headers = columns.Select(c => c.Header).ToArray();
        if (format == "xlsx")
            await output.SaveAsAsync(rows.Select(r => (IDictionary<string, object?>)headers.Select((h, i) => (h, (object?)r[i])).ToDictionary(x => x.h, x => x.Item2)),
                excelType: ExcelType.XLSX, cancellationToken: ct);
        else
        {
            using var csv = CsvWriter.Create(output, new CsvWriterOptions { WriteByteOrderMark = true, Injection = CsvInjection.Escape }, true);
            csv.WriteHeader(headers);
            foreach (var row in rows)
                csv.WriteRecord(row);
            csv.Flush();
        }
        return rows.Count;
    }

    private static string Cell(SchemaSnapshot schema, ContentType type, ContentData data, ColumnTarget target, Vocabulary vocabulary, IReadOnlyDictionary<Guid, string> media)
    {
        var culture = target.Culture ?? ContentData.Invariant;
        if (target.Property == ColumnMapping.NameProperty)
            return data.NameFor(culture) ?? "";
        if (schema.FindProperty(type, target.Property) is not { } property || data.GetValue(property.Alias, culture) is not { Length: > 0 } stored)
            return "";
        return property.EditorAlias switch
        {
            "Umbraco.MultiNodeTreePicker" or "Umbraco.ContentPicker" => string.Join("; ", MultiNodeTreePickerEditor.Keys(stored).Select(vocabulary.NameOf)),
            "Umbraco.MediaPicker3" => string.Join("; ", MediaFiles.NamesOf(stored, media)),
            "Umbraco.RichText" or "Umbraco.TinyMCE" => RichTextCells.ToText(stored),
            "Umbraco.Tags" or "Umbraco.DropDown.Flexible" when stored.TrimStart().StartsWith('[') =>
                string.Join("; ", (System.Text.Json.Nodes.JsonNode.Parse(stored) as System.Text.Json.Nodes.JsonArray ?? []).Select(v => v?.ToString())),
            _ => PropertyEditors.Default.For(property.EditorAlias).TextOf(stored) ?? stored,
        };
    }
}
