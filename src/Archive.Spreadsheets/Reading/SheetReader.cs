using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Xml;
using CsvHelper;
using MiniExcelLibs;

namespace Archive.Spreadsheets.Reading;

/// A row of a sheet: its number as the spreadsheet shows it (the header is row 1) and its cells as text.
public sealed record SheetRow(int Number, IReadOnlyList<string> Cells);

/// Something about a file or a cell a curator should know: an error stops the import, a warning does not.
public sealed record SheetProblem(int? Row, string? Column, string Message, bool IsError = true);

/// The file is not one the archive can read as a spreadsheet; nothing was imported.
public sealed class SheetRefusedException(string message) : Exception(message);

/// The most a file may hold before it is refused: a spreadsheet bomb (a small ZIP unpacking to gigabytes), a sheet of
/// millions of columns, or a field that never ends (an unclosed quote) would otherwise exhaust the machine.
public sealed record SheetLimits(long MaxUnpackedBytes = 2L << 30, int MaxCompressionRatio = 200, int MaxColumns = 500, int MaxFieldChars = 1 << 20, int MaxRows = 2_000_000);

/// Opens a spreadsheet for reading row by row, never whole: CSV in any common encoding (byte-order marks, UTF-8, else
/// detected: Windows-1251, KOI8-R, UTF-16…) and delimiter (comma, semicolon, tab, bar), or XLSX (its ZIP checked for
/// bombs before anything is unpacked, formulas reported: their stored results are read as text, never evaluated).
public sealed class SheetReader : IDisposable
{
    private readonly Func<IEnumerable<SheetRow>> _rows;
    private readonly List<IDisposable> _owned = [];

    public IReadOnlyList<string> Headers { get; }
    /// `csv` or `xlsx`.
    public string Format { get; }
    public string? Encoding { get; private init; }
    public string? Delimiter { get; private init; }
    /// What reading the file noticed before its rows (formulas in an XLSX).
    public List<SheetProblem> Problems { get; } = [];

    private SheetReader(IReadOnlyList<string> headers, string format, Func<IEnumerable<SheetRow>> rows)
    {
        Headers = headers;
        Format = format;
        _rows = rows;
    }

    static SheetReader() => System.Text.Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// The rows after the header, read lazily; each enumeration starts again from the top.
    public IEnumerable<SheetRow> Rows => _rows();

    public static SheetReader Open(string path, SheetLimits? limits = null)
    {
        limits ??= new SheetLimits();
        Span<byte> head = stackalloc byte[4];
        using (var probe = File.OpenRead(path))
            head = head[..probe.Read(head)];
        if (head.Length == 0)
            throw new SheetRefusedException("The file is empty.");
        return head.Length >= 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4
            ? OpenXlsx(path, limits)
            : OpenCsv(path, limits);
    }

    private static SheetReader OpenCsv(string path, SheetLimits limits)
    {
        var encoding = DetectEncoding(path);
        char separator;
        List<string> headers;
        using (var csv = CsvReader.FromFile(path, Options(limits, encoding, null)))
        {
            if (!Read(csv))
                throw new SheetRefusedException("The file has no header row.");
            separator = csv.Separator;
            headers = Cells(csv, 1, limits);
        }
        IEnumerable<SheetRow> Rows()
        {
            using var csv = CsvReader.FromFile(path, Options(limits, encoding, separator));
            Read(csv);
            var number = 1;
            while (Read(csv))
            {
                number++;
                if (number > limits.MaxRows)
                    throw new SheetRefusedException($"The file has more than {limits.MaxRows:N0} rows.");
                yield return new SheetRow(number, Cells(csv, number, limits));
            }
        }
        return new SheetReader(Clean(headers), "csv", Rows)
        {
            Encoding = encoding.WebName,
            Delimiter = separator == '\t' ? "tab" : separator.ToString(),
        };
    }

    /// Quoting that breaks RFC 4180 is refused, never guessed at; so is a record that never ends (an unclosed quote).
    private static CsvReaderOptions Options(SheetLimits limits, Encoding encoding, char? separator) => new()
    {
        HasHeader = false,
        Separator = separator,
        Encoding = encoding,
        MalformedData = CsvMalformedDataHandling.Throw,
        MaxRecordSize = limits.MaxFieldChars * 4,
        TrackLineNumbers = true,
    };

    private static bool Read(CsvReader csv)
    {
        try
        {
            return csv.Read();
        }
        catch (CsvFormatException ex)
        {
            throw new SheetRefusedException(ex.LineNumber > 0
                ? $"Line {ex.LineNumber}: the quoting is broken ({ex.Message}). Nothing was imported."
                : $"The quoting is broken ({ex.Message}). Nothing was imported.");
        }
    }

    private static List<string> Cells(CsvReader csv, int row, SheetLimits limits)
    {
        var count = csv.FieldCount;
        if (count > limits.MaxColumns)
            throw new SheetRefusedException($"Row {row} has {count} columns; at most {limits.MaxColumns} are read.");
        return Enumerable.Range(0, count).Select(csv.GetString).ToList();
    }

    /// A byte-order mark decides; else text that is valid UTF-8 is UTF-8; else the detector's best guess, which must be
    /// a confident one (a Cyrillic spreadsheet saved by Excel in Windows-1251 is the usual case).
    private static Encoding DetectEncoding(string path)
    {
        using var stream = File.OpenRead(path);
        var buffer = new byte[Math.Min(stream.Length, 4 << 20)];
        var read = stream.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
        var sample = buffer.AsSpan(0, read);
        if (sample.StartsWith((byte[])[0xEF, 0xBB, 0xBF]))
            return new UTF8Encoding(false);
        if (sample.StartsWith((byte[])[0xFF, 0xFE]))
            return System.Text.Encoding.Unicode;
        if (sample.StartsWith((byte[])[0xFE, 0xFF]))
            return System.Text.Encoding.BigEndianUnicode;
        if (sample.Contains((byte)0))
            throw new SheetRefusedException("The file holds binary data: it is neither a CSV text nor an XLSX workbook.");
        try
        {
            // A multi-byte character cut at the end of the sample is not an error.
            var decoder = new UTF8Encoding(false, true).GetDecoder();
            decoder.GetCharCount(sample, flush: read < buffer.Length);
            return new UTF8Encoding(false);
        }
        catch (DecoderFallbackException)
        {
        }
        var detected = UtfUnknown.CharsetDetector.DetectFromBytes(sample.ToArray()).Detected;
        if (detected?.Encoding is not { } encoding || detected.Confidence < 0.5f)
            throw new SheetRefusedException("The file's text encoding cannot be recognised: save it as UTF-8 (CSV UTF-8 in Excel) and try again.");
        return encoding;
    }

    private static SheetReader OpenXlsx(string path, SheetLimits limits)
    {
        var formulas = new List<SheetProblem>();
        try
        {
            using var zip = ZipFile.OpenRead(path);
            long unpacked = 0;
            foreach (var entry in zip.Entries)
            {
                unpacked += entry.Length;
                if (entry.CompressedLength > 0 && entry.Length / entry.CompressedLength > limits.MaxCompressionRatio && entry.Length > 1 << 20)
                    throw new SheetRefusedException($"The workbook's part {entry.FullName} unpacks {entry.Length / entry.CompressedLength}-fold: a spreadsheet bomb is refused.");
            }
            if (unpacked > limits.MaxUnpackedBytes)
                throw new SheetRefusedException($"The workbook unpacks to {unpacked:N0} bytes, more than {limits.MaxUnpackedBytes:N0}: refused.");
            if (zip.GetEntry("xl/workbook.xml") is null)
                throw new SheetRefusedException("The file is a ZIP archive but not an XLSX workbook.");
            if (FirstSheet(zip) is { } sheet)
                formulas.AddRange(Formulas(sheet));
        }
        catch (InvalidDataException)
        {
            throw new SheetRefusedException("The workbook is damaged: its ZIP archive cannot be read.");
        }
        IEnumerable<SheetRow> All()
        {
            var number = 0;
            IEnumerable<IDictionary<string, object?>> rows;
            try
            {
                rows = MiniExcel.Query(path, useHeaderRow: false, excelType: ExcelType.XLSX).Cast<IDictionary<string, object?>>();
            }
            catch (Exception ex) when (ex is InvalidDataException or XmlException or InvalidOperationException)
            {
                throw new SheetRefusedException($"The workbook cannot be read: {ex.Message}");
            }
            foreach (var row in rows)
            {
                number++;
                if (number > limits.MaxRows)
                    throw new SheetRefusedException($"The workbook has more than {limits.MaxRows:N0} rows.");
                if (row.Count > limits.MaxColumns)
                    throw new SheetRefusedException($"Row {number} has {row.Count} columns; at most {limits.MaxColumns} are read.");
                yield return new SheetRow(number, row.Values.Select(Text).ToList());
            }
        }
        var header = All().FirstOrDefault() ?? throw new SheetRefusedException("The workbook's first sheet has no header row.");
        var headers = Clean(header.Cells);
        var reader = new SheetReader(headers, "xlsx", () => All().Skip(1).Where(r => r.Cells.Any(c => c.Length > 0)));
        reader.Problems.AddRange(formulas);
        return reader;
    }

    /// The first worksheet's part, as the workbook lists its sheets.
    private static ZipArchiveEntry? FirstSheet(ZipArchive zip) =>
        zip.GetEntry("xl/worksheets/sheet1.xml") ?? zip.Entries.Where(e => e.FullName.StartsWith("xl/worksheets/", StringComparison.Ordinal) && e.FullName.EndsWith(".xml", StringComparison.Ordinal))
            .OrderBy(e => e.FullName, StringComparer.Ordinal).FirstOrDefault();

    /// Cells holding a formula: reported, as only their last stored result is read (the archive evaluates nothing).
    private static IEnumerable<SheetProblem> Formulas(ZipArchiveEntry sheet)
    {
        using var stream = sheet.Open();
        using var xml = XmlReader.Create(stream, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, IgnoreWhitespace = true });
        var cell = "";
        var found = new List<SheetProblem>();
        while (xml.Read())
        {
            if (xml.NodeType != XmlNodeType.Element)
                continue;
            if (xml.LocalName == "c")
                cell = xml.GetAttribute("r") ?? "";
            else if (xml.LocalName == "f" && found.Count < 100)
                found.Add(new SheetProblem(RowOf(cell), cell, $"Cell {cell} holds a formula: its last computed value is imported as plain text; the formula is not.", IsError: false));
        }
        return found;
    }

    private static int? RowOf(string cell) => int.TryParse(new string(cell.SkipWhile(char.IsLetter).ToArray()), out var row) ? row : null;

    private static string Text(object? value) => value switch
    {
        null => "",
        string s => s,
        DateTime d => d.TimeOfDay == TimeSpan.Zero ? d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : d.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture),
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        decimal d => d.ToString(CultureInfo.InvariantCulture),
        bool b => b ? "true" : "false",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    private static List<string> Clean(IReadOnlyList<string> headers) => headers.Select(h => h.Trim().Trim('\uFEFF')).ToList();

    public void Dispose()
    {
        foreach (var owned in _owned)
            owned.Dispose();
    }
}
