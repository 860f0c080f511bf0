using System.Text;
using System.Text.Json;
using System.Xml.Linq;
using Archive.Engine.USync;

namespace Archive.Engine.Tests;

public class USyncFixtureTests
{
    public static TheoryData<string> FixtureFiles()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(Paths.Fixtures, "*.config", SearchOption.AllDirectories).Order())
            if (Path.GetFileName(file) != "usync.config")
                data.Add(Path.GetRelativePath(Paths.Fixtures, file));
        return data;
    }

    [Theory]
    [MemberData(nameof(FixtureFiles))]
    public void Every_fixture_file_parses_and_round_trips(string relative)
    {
        var file = Path.Combine(Paths.Fixtures, relative);
        var root = USyncXml.Load(file);
        var package = new USyncPackage();
        USyncFolderReader.Add(package, relative, root);

        var written = Write(package);
        if (written is null)
            return; // kept as read (templates, relation types, removal markers): nothing to rebuild
        var legacy = relative.Contains("/v9/");
        if (!legacy)
        {
            // uSync 14+ files are rebuilt byte for byte from the model.
            Assert.Equal(Text(File.ReadAllBytes(file)), Text(USyncXml.ToBytes(written)));
        }
        else
        {
            // uSync 9–13 files are read into the same model that their rewrite (in today's shape) gives back.
            var again = new USyncPackage();
            USyncFolderReader.Add(again, relative, XElement.Parse(written.ToString()));
            Assert.Equal(Model(package), Model(again));
        }
    }

    [Fact]
    public void Every_fixture_folder_is_read_whole()
    {
        foreach (var marker in Directory.EnumerateFiles(Paths.Fixtures, "usync.config", SearchOption.AllDirectories))
        {
            var package = USyncFolderReader.Read(Path.GetDirectoryName(marker)!);
            Assert.NotNull(package.Format);
        }
        var clean = USyncFolderReader.Read(Path.Combine(Paths.CleanSite, "uSync", "v17"));
        Assert.Equal(25, clean.Content.Count());
        Assert.Equal(37, clean.Media.Count());
        Assert.Equal(51, clean.DataTypes.Count + clean.Removals.Count);
    }

    [Fact]
    public void A_malformed_file_is_refused_with_its_name()
    {
        var folder = Directory.CreateTempSubdirectory().FullName;
        Directory.CreateDirectory(Path.Combine(folder, "ContentTypes"));
        File.WriteAllText(Path.Combine(folder, "ContentTypes", "broken.config"), "<ContentType Key=\"x\"><Info>");
        var error = Assert.Throws<USyncFormatException>(() => USyncFolderReader.Read(folder));
        Assert.Equal("ContentTypes/broken.config", error.File);

        File.WriteAllText(Path.Combine(folder, "ContentTypes", "broken.config"), "<ContentType Key=\"not-a-guid\" Alias=\"a\"><Info/></ContentType>");
        error = Assert.Throws<USyncFormatException>(() => USyncFolderReader.Read(folder));
        Assert.Contains("Key", error.Problem);

        File.WriteAllText(Path.Combine(folder, "ContentTypes", "broken.config"), "<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><ContentType>&e;</ContentType>");
        Assert.Throws<USyncFormatException>(() => USyncFolderReader.Read(folder));
    }

    private static XElement? Write(USyncPackage package) =>
        package.Languages.Select(l => LanguageSerializer.Write(l.Item))
            .Concat(package.DataTypes.Select(d => DataTypeSerializer.Write(d.Item)))
            .Concat(package.ContentTypes.Select(c => ContentTypeSerializer.Write(c.Item)))
            .Concat(package.Nodes.Select(n => NodeSerializer.Write(n.Load())))
            .Concat(package.Dictionary.Select(d => DictionarySerializer.Write(d.Item, d.Item.ParentKey is null ? 0 : 1)))
            .Concat(package.Domains.Select(d => DomainSerializer.Write(d.Item)))
            .FirstOrDefault();

    private static string Model(USyncPackage package) => JsonSerializer.Serialize(new object?[]
    {
        package.Languages.Select(l => l.Item), package.DataTypes.Select(d => d.Item), package.ContentTypes.Select(c => c.Item),
        package.Nodes.Select(n => n.Load()), package.Dictionary.Select(d => d.Item), package.Domains.Select(d => d.Item),
    });

    // One fixture file ends with a newline that uSync does not write; it is not part of the item.
    private static string Text(byte[] bytes) => Encoding.UTF8.GetString(bytes).TrimEnd('\n');
}
