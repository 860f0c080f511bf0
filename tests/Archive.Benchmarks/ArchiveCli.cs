using System.Diagnostics;

namespace Archive.Benchmarks;

/// The archive's own command line (the Release build of the host), run against a benchmark's data: how the
/// benchmarks create the accounts and API clients they sign in with, as an operator would.
public static class ArchiveCli
{
    /// Runs one command with input on its standard input (a password or secret); throws with its output on failure.
    public static async Task RunAsync(IReadOnlyDictionary<string, string> environment, string input, params string[] arguments)
    {
        var dll = Path.Combine(DeliveryBenchmark.RepositoryRoot(), "src", "Archive.Web", "bin", "Release", "net10.0", "Archive.Web.dll");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true };
        string[] all = [dll, .. arguments];
        foreach (var argument in all)
            start.ArgumentList.Add(argument);
        foreach (var (name, value) in environment)
            start.Environment[name] = value;
        using var process = Process.Start(start)!;
        await process.StandardInput.WriteLineAsync(input);
        process.StandardInput.Close();
        var output = await process.StandardOutput.ReadToEndAsync() + await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"'{string.Join(' ', arguments)}' failed: {output}");
    }
}
