namespace Archive.Engine.Tests;

internal static class Paths
{
    public static string RepositoryRoot { get; } = FindRoot();

    /// The shared fixtures sit beside the repository (../shared), in development and in CI alike.
    public static string Fixtures => Path.GetFullPath(Path.Combine(RepositoryRoot, "..", "shared", "fixtures", "usync"));

    public static string CleanSite => Path.Combine(Fixtures, "prjseal__Clean", "template", "Clean.Blog");

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Archive.sln")))
            dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("Archive.sln not found above the test binaries.");
    }
}
