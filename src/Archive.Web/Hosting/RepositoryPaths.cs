namespace Archive.Web.Hosting;

/// Relative paths in configuration resolve against the repository root (the folder holding
/// Archive.sln), so `dotnet run --project src/Archive.Web` and a published build agree.
public sealed class RepositoryPaths(string root)
{
    public string Root { get; } = root;

    public string Resolve(string path) => Path.GetFullPath(Path.IsPathRooted(path) ? path : Path.Combine(Root, path));

    public static RepositoryPaths Discover(string contentRoot)
    {
        for (var dir = new DirectoryInfo(contentRoot); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Archive.sln")))
                return new RepositoryPaths(dir.FullName);
        return new RepositoryPaths(contentRoot);
    }
}
