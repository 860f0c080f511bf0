using System.IO.Compression;
using System.Security;
using System.Text;

namespace Archive.Integration.Tests.Spreadsheets;

/// Files a curator might bring: CSV in a chosen encoding and separator, a minimal XLSX (inline strings, optionally a
/// formula cell), a spreadsheet bomb, a ZIP of images.
public static class Workbooks
{
    public static byte[] Csv(IEnumerable<string[]> rows, string separator = ",", Encoding? encoding = null, bool bom = false)
    {
        var text = string.Join("\r\n", rows.Select(r => string.Join(separator, r.Select(c => c.Contains(separator) || c.Contains('"') || c.Contains('\n') ? $"\"{c.Replace("\"", "\"\"")}\"" : c)))) + "\r\n";
        encoding ??= new UTF8Encoding(false);
        return bom ? [.. encoding.GetPreamble(), .. encoding.GetBytes(text)] : encoding.GetBytes(text);
    }

    /// A workbook of one sheet; a cell written "=…" becomes a formula whose stored result is the text after "=>".
    public static byte[] Xlsx(IReadOnlyList<string[]> rows)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, true))
        {
            void Part(string name, string xml)
            {
                using var writer = new StreamWriter(zip.CreateEntry(name).Open(), new UTF8Encoding(false));
                writer.Write(xml);
            }
            Part("[Content_Types].xml", """<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>""");
            Part("_rels/.rels", """<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>""");
            Part("xl/workbook.xml", """<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Objects" sheetId="1" r:id="rId1"/></sheets></workbook>""");
            Part("xl/_rels/workbook.xml.rels", """<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>""");
            var sheet = new StringBuilder("""<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>""");
            for (var r = 0; r < rows.Count; r++)
            {
                sheet.Append($"<row r=\"{r + 1}\">");
                for (var c = 0; c < rows[r].Length; c++)
                {
                    var reference = $"{(char)('A' + c)}{r + 1}";
                    var value = rows[r][c];
                    if (value.StartsWith('=') && value.Split("=>") is [var formula, var result])
                        sheet.Append($"<c r=\"{reference}\" t=\"str\"><f>{SecurityElement.Escape(formula[1..])}</f><v>{SecurityElement.Escape(result)}</v></c>");
                    else
                        sheet.Append($"<c r=\"{reference}\" t=\"inlineStr\"><is><t>{SecurityElement.Escape(value)}</t></is></c>");
                }
                sheet.Append("</row>");
            }
            sheet.Append("</sheetData></worksheet>");
            Part("xl/worksheets/sheet1.xml", sheet.ToString());
        }
        return buffer.ToArray();
    }

    /// An XLSX whose sheet unpacks a thousand-fold to 60 MB of nothing.
    public static byte[] Bomb()
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, true))
        {
            using (var writer = new StreamWriter(zip.CreateEntry("xl/workbook.xml").Open()))
                writer.Write("<workbook/>");
            using var sheet = zip.CreateEntry("xl/worksheets/sheet1.xml", CompressionLevel.SmallestSize).Open();
            var zeros = new byte[1 << 20];
            for (var i = 0; i < 60; i++)
                sheet.Write(zeros);
        }
        return buffer.ToArray();
    }

    public static byte[] Zip(params (string Name, byte[] Bytes)[] files)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, true))
            foreach (var (name, bytes) in files)
            {
                using var entry = zip.CreateEntry(name).Open();
                entry.Write(bytes);
            }
        return buffer.ToArray();
    }

    /// A small PNG the media library accepts as an image.
    public static byte[] Png(byte shade)
    {
        using var image = new SixLabors.ImageSharp.Image<SixLabors.ImageSharp.PixelFormats.Rgb24>(64, 48, new SixLabors.ImageSharp.PixelFormats.Rgb24(shade, 90, 160));
        using var buffer = new MemoryStream();
        SixLabors.ImageSharp.ImageExtensions.SaveAsPng(image, buffer);
        return buffer.ToArray();
    }
}
