using System.Text.Json.Nodes;

namespace Archive.BackOffice.Hosting;

/// The built back office (build.mjs's dist/): where it is, its import map and the build's fingerprint.
public sealed class BackOfficeFiles
{
    public const string AssetsPath = "/umbraco/backoffice";

    public BackOfficeFiles(string root)
    {
        Root = root;
        Assets = Path.Combine(root, "backoffice");
        var package = JsonNode.Parse(File.ReadAllText(Path.Combine(Assets, "umbraco-package.json")))!;
        Fingerprint = File.ReadAllText(Path.Combine(root, "version.txt")).Trim();
        Version = (package["version"]?.GetValue<string>() ?? "") + "+" + Fingerprint;
        Base = AssetsPath + "/" + Fingerprint;
        Imports = package["importmap"]?["imports"]?.AsObject().ToDictionary(p => p.Key, p => Versioned(p.Value!.GetValue<string>())) ?? [];
    }

    /// The folder holding backoffice/ (served at /umbraco/backoffice) and version.txt.
    public string Root { get; }

    public string Assets { get; }

    /// The package's version and a fingerprint of this build of it.
    public string Version { get; }

    /// A fingerprint of the build's inputs (build.mjs): the modules are served under it, so each address
    /// always holds the same bytes and browsers may keep them.
    public string Fingerprint { get; }

    /// Where this build's modules are served: /umbraco/backoffice/{fingerprint}.
    public string Base { get; }

    /// The package's import map: @umbraco-cms/backoffice/* names to their modules under this build's base.
    public IReadOnlyDictionary<string, string> Imports { get; }

    /// A file's address under this build's base (the package names them under /umbraco/backoffice).
    private string Versioned(string path) => path.StartsWith(AssetsPath + "/", StringComparison.Ordinal) ? Base + path[AssetsPath.Length..] : path;

    /// The first folder that holds a complete build: beside the binaries (published), else in the source tree.
    public static BackOfficeFiles? Find(params string[] candidates) =>
        candidates.FirstOrDefault(c => File.Exists(Path.Combine(c, "version.txt")) && File.Exists(Path.Combine(c, "backoffice", "umbraco-package.json"))) is { } root
            ? new BackOfficeFiles(root)
            : null;
}
