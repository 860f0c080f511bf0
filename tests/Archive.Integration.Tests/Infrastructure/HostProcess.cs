using System.Diagnostics;

namespace Archive.Integration.Tests.Infrastructure;

/// The host's own build output run as a separate process (its command line), as a user runs it.
internal static class HostProcess
{
    /// Starts `dotnet Archive.Web.dll <args>` with the given environment; standard output is redirected.
    public static Process Start(IReadOnlyDictionary<string, string> environment, params string[] args) => Start(environment, redirectInput: false, args);

    private static Process Start(IReadOnlyDictionary<string, string> environment, bool redirectInput, string[] args)
    {
        // Beside this test's binaries, in the same configuration.
        var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name;
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = redirectInput };
        start.ArgumentList.Add(Path.Combine(Paths.RepositoryRoot, "src", "Archive.Web", "bin", configuration, "net10.0", "Archive.Web.dll"));
        foreach (var arg in args)
            start.ArgumentList.Add(arg);
        foreach (var (name, value) in environment)
            start.Environment[name] = value;
        return Process.Start(start)!;
    }

    /// Runs to the end and returns the exit code and what it printed.
    public static Task<(int Code, string Output)> RunAsync(IReadOnlyDictionary<string, string> environment, params string[] args) =>
        RunWithInputAsync(environment, null, args);

    /// The same, with a line written to its standard input (a password, a secret).
    public static async Task<(int Code, string Output)> RunWithInputAsync(IReadOnlyDictionary<string, string> environment, string? input, params string[] args)
    {
        using var process = Start(environment, input is not null, args);
        if (input is not null)
        {
            await process.StandardInput.WriteLineAsync(input);
            process.StandardInput.Close();
        }
        var errors = process.StandardError.ReadToEndAsync();
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, output + await errors);
    }
}
