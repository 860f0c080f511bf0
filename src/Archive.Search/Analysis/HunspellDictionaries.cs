using Lucene.Net.Analysis.Hunspell;

namespace Archive.Search.Analysis;

/// The Russian and Ukrainian Hunspell dictionaries (from npm, copied next to the binaries at build).
/// Loading takes a second or two, so the archive holds one instance.
public sealed class HunspellDictionaries
{
    private readonly Lazy<Dictionary> _russian;
    private readonly Lazy<Dictionary> _ukrainian;

    public HunspellDictionaries(string? folder = null)
    {
        var root = folder ?? Locate();
        _russian = new Lazy<Dictionary>(() => Load(Path.Combine(root, "ru")));
        _ukrainian = new Lazy<Dictionary>(() => Load(Path.Combine(root, "uk")));
    }

    public Dictionary Russian => _russian.Value;

    public Dictionary Ukrainian => _ukrainian.Value;

    private static Dictionary Load(string folder)
    {
        // npm lays them out as node_modules/dictionary-ru/index.*; the build copies them to dictionaries/ru/.
        if (!File.Exists(Path.Combine(folder, "index.dic")))
            folder = Path.Combine(Path.GetDirectoryName(folder)!, "dictionary-" + Path.GetFileName(folder));
        using var affix = File.OpenRead(Path.Combine(folder, "index.aff"));
        using var words = File.OpenRead(Path.Combine(folder, "index.dic"));
        return new Dictionary(affix, words);
    }

    private static string Locate()
    {
        var beside = Path.Combine(AppContext.BaseDirectory, "dictionaries");
        if (File.Exists(Path.Combine(beside, "ru", "index.dic")))
            return beside;
        // Projects that reference Archive.Search (hosts, tests) read them where npm installed them.
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var modules = Path.Combine(dir.FullName, "src", "Archive.Search", "node_modules");
            if (File.Exists(Path.Combine(modules, "dictionary-ru", "index.dic")))
                return modules;
        }
        throw new FileNotFoundException($"The Hunspell dictionaries are not in {beside}; building Archive.Search installs them (npm ci) and copies them there.");
    }
}
