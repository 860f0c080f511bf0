using System.Text;
using System.Xml;
using System.Xml.Linq;

namespace Archive.Engine.USync;

/// Reads and writes uSync files the way uSync itself does: UTF-8 with BOM, XML declaration,
/// two-space indentation, LF line endings and no trailing newline.
public static class USyncXml
{
    private static readonly XmlWriterSettings Settings = new()
    {
        Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: true),
        Indent = true,
        IndentChars = "  ",
        NewLineChars = "\n",
        NewLineHandling = NewLineHandling.Replace,
    };

    public static XElement Load(string path)
    {
        using var stream = File.OpenRead(path);
        return Parse(stream, path);
    }

    public static XElement Parse(Stream stream, string nameForErrors)
    {
        try
        {
            var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null };
            using var reader = XmlReader.Create(stream, settings);
            return XDocument.Load(reader).Root ?? throw new USyncFormatException(nameForErrors, "the file has no root element");
        }
        catch (XmlException ex)
        {
            throw new USyncFormatException(nameForErrors, $"malformed XML at line {ex.LineNumber}, position {ex.LinePosition}: {ex.Message}");
        }
    }

    public static byte[] ToBytes(XElement root)
    {
        using var stream = new MemoryStream();
        using (var writer = XmlWriter.Create(stream, Settings))
            new XDocument(new XDeclaration("1.0", "utf-8", null), root).Save(writer);
        return stream.ToArray();
    }

    public static void Save(XElement root, string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temp = path + ".tmp";
        File.WriteAllBytes(temp, ToBytes(root));
        File.Move(temp, path, overwrite: true);
    }

    // Small helpers shared by the serializers.
    internal static string Text(this XElement parent, string name) => parent.Element(name)?.Value ?? "";

    internal static string? TextOrNull(this XElement parent, string name) =>
        parent.Element(name) is { } e && e.Value.Length > 0 ? e.Value : null;

    internal static bool Bool(this XElement parent, string name) =>
        bool.TryParse(parent.Element(name)?.Value.Trim(), out var value) && value;

    internal static int Int(this XElement parent, string name) =>
        int.TryParse(parent.Element(name)?.Value.Trim(), out var value) ? value : 0;

    public static Guid KeyOf(XElement element, string file) =>
        Guid.TryParse(element.Attribute("Key")?.Value, out var key)
            ? key
            : throw new USyncFormatException(file, $"<{element.Name}> has no valid Key attribute");

    internal static XElement Cdata(string name, string? text) => new(name, new XCData(text ?? ""));

    /// "True"/"False", the spelling of values uSync writes through ToString().
    internal static string Pascal(bool value) => value ? "True" : "False";

    /// "true"/"false", the spelling of values uSync writes through XElement.
    internal static string Lower(bool value) => value ? "true" : "false";
}

public sealed class USyncFormatException(string file, string problem) : Exception($"{file}: {problem}")
{
    public string File { get; } = file;
    public string Problem { get; } = problem;
}
