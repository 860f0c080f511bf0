using System.Xml.Linq;
using Archive.Engine.USync;

namespace Archive.Engine.Tests;

public class USyncBuilderProbeTests
{
    [Fact]
    public void Probe()
    {
        var report = new List<string>();
        foreach (var file in Directory.EnumerateFiles(Paths.Fixtures, "*.config", SearchOption.AllDirectories))
        {
            var root = USyncXml.Load(file);
            XElement? built = root.Name.LocalName switch
            {
                "Language" => LanguageSerializer.Write(LanguageSerializer.Read(root, file)),
                "DataType" => DataTypeSerializer.Write(DataTypeSerializer.Read(root, file)),
                "ContentType" or "MediaType" or "MemberType" => ContentTypeSerializer.Write(ContentTypeSerializer.Read(root, file)),
                "Content" or "Media" => NodeSerializer.Write(NodeSerializer.Read(root, file)),
                "Domain" => DomainSerializer.Write(DomainSerializer.Read(root, file)),
                _ => null,
            };
            if (built is null) { report.Add($"SKIP {file}"); continue; }
            var a = File.ReadAllBytes(file); var b = USyncXml.ToBytes(built);
            if (!a.AsSpan().SequenceEqual(b)) {
                var sa = System.Text.Encoding.UTF8.GetString(a); var sb = System.Text.Encoding.UTF8.GetString(b);
                int i = 0; while (i < Math.Min(sa.Length, sb.Length) && sa[i] == sb[i]) i++;
                report.Add($"DIFF {file.Replace(Paths.Fixtures, "")} at {i}: [{sa.Substring(Math.Max(0,i-60), Math.Min(120, sa.Length-Math.Max(0,i-60)))}] vs [{sb.Substring(Math.Max(0,i-60), Math.Min(120, sb.Length-Math.Max(0,i-60)))}]");
            }
        }
        File.WriteAllLines("/tmp/probe.txt", report); var f = Directory.EnumerateFiles(Paths.Fixtures, "articlelist.config", SearchOption.AllDirectories).First(x => x.Contains("ContentTypes")); File.WriteAllBytes("/tmp/al.config", USyncXml.ToBytes(ContentTypeSerializer.Write(ContentTypeSerializer.Read(USyncXml.Load(f), f))));
    }
}
