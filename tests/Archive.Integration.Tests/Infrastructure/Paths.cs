namespace Archive.Integration.Tests.Infrastructure;

internal static class Paths
{
    public static string RepositoryRoot { get; } = FindRoot();

    public static string ArchiveUSync => Path.Combine(RepositoryRoot, "uSync", "v17");

    public static string ArchiveMedia => Path.Combine(RepositoryRoot, "media");

    /// Real uSync exports kept with the tests (their sources and licences in tests/fixtures/usync/SOURCES.md).
    public static string Fixtures => Path.Combine(RepositoryRoot, "tests", "fixtures", "usync");

    public static string CleanSite => Path.Combine(Fixtures, "prjseal__Clean", "template", "Clean.Blog");

    public static string TempFolder()
    {
        var path = Path.Combine(Path.GetTempPath(), "archive-test-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(path);
        Made.Add(path);
        return path;
    }

    // Hosts keep their folders open until the test process ends, so the folders go then. A test runner that ends the
    // process before the deletions finish (the whole suite's does: hundreds of folders) leaves the rest behind.
    private static readonly System.Collections.Concurrent.ConcurrentBag<string> Made = Forgotten();

    private static System.Collections.Concurrent.ConcurrentBag<string> Forgotten()
    {
        var made = new System.Collections.Concurrent.ConcurrentBag<string>();
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            foreach (var folder in made)
                try
                {
                    Directory.Delete(folder, recursive: true);
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    // A file still held (a child process not yet gone) stays; the system's temporary folder is swept anyway.
                }
        };
        return made;
    }

    /// A copy of a folder, for a test that writes to it.
    public static string CopyOf(string folder)
    {
        var copy = TempFolder();
        foreach (var file in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(copy, Path.GetRelativePath(folder, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
        return copy;
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Archive.sln")))
                return dir.FullName;
        throw new InvalidOperationException("Archive.sln not found above the test binaries.");
    }
}
