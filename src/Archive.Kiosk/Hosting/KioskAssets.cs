namespace Archive.Kiosk;

/// The built kiosk application (dist/, written by build.mjs): the shell page, the service worker, the web app manifest
/// and the hashed scripts and styles under app/.
public sealed class KioskAssets(string root)
{
    public const string RequestPath = "/kiosk";

    public string Root { get; } = root;

    /// The first folder that holds a build: published beside the binaries, else built in the source tree.
    public static KioskAssets? Find(params string[] folders) =>
        folders.Where(f => File.Exists(Path.Combine(f, "index.html")) && File.Exists(Path.Combine(f, "sw.js"))).Select(f => new KioskAssets(f)).FirstOrDefault();
}
