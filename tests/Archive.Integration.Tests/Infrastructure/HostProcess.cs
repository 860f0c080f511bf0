using System.Diagnostics;

namespace Archive.Integration.Tests.Infrastructure;

/// The host's own build output run as a separate process (its command line), as a user runs it.
internal static class HostProcess
{
    /// Starts `dotnet Archive.Web.dll <args>` with the given environment; standard output is redirected.
    public static Process Start(IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        // Beside this test's binaries, in the same configuration.
        var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name;
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(Paths.RepositoryRoot, "src", "Archive.Web", "bin", configuration, "net10.0", "Archive.Web.dll"));
        foreach (var arg in args)
            start.ArgumentList.Add(arg);
        foreach (var (name, value) in environment)
            start.Environment[name] = value;
        return Process.Start(start)!;
    }

    /// Runs to the end and returns the exit code and what it printed.
    public static async Task<(int Code, string Output)> RunAsync(IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        using var process = Start(environment, args);
        var errors = process.StandardError.ReadToEndAsync();
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, output + await errors);
    }
}
