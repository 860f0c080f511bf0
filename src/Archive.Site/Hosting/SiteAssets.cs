using System.Text.Json;

namespace Archive.Site;

/// The built scripts and styles (dist/, written by build.mjs): their hashed names, read from its manifest.
public sealed class SiteAssets
{
    public const string RequestPath = "/site";

    private SiteAssets(string root, IReadOnlyDictionary<string, string> manifest)
    {
        Root = root;
        _manifest = manifest;
    }

    private readonly IReadOnlyDictionary<string, string> _manifest;

    public string Root { get; }

    public string Script => Url("site.js");
    public string Style => Url("site.css");
    public string MapStyle => Url("map.css");
    public string Icon => Url("icon.svg");

    private string Url(string entry) => _manifest.TryGetValue(entry, out var file) ? $"{RequestPath}/{file}" : $"{RequestPath}/missing-{entry}";

    /// The first folder that holds a build: published beside the binaries, else built in the source tree.
    public static SiteAssets? Find(params string[] folders)
    {
        foreach (var folder in folders)
        {
            var manifest = Path.Combine(folder, "manifest.json");
            if (File.Exists(manifest))
                return new SiteAssets(folder, JsonSerializer.Deserialize<Dictionary<string, string>>(File.ReadAllText(manifest))!);
        }
        return null;
    }
}
