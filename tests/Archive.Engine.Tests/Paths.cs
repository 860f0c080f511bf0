namespace Archive.Engine.Tests;

internal static class Paths
{
    public static string RepositoryRoot { get; } = FindRoot();

    /// Real uSync exports kept with the tests (their sources and licences in tests/fixtures/usync/SOURCES.md).
    public static string Fixtures => Path.Combine(RepositoryRoot, "tests", "fixtures", "usync");

    public static string CleanSite => Path.Combine(Fixtures, "prjseal__Clean", "template", "Clean.Blog");

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Archive.sln")))
            dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("Archive.sln not found above the test binaries.");
    }
}
