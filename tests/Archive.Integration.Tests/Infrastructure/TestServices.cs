namespace Archive.Integration.Tests.Infrastructure;

/// The services some tests need beside the archive (PostgreSQL, Azurite, Chromium). The test command starts
/// them and sets ARCHIVE_TEST_SERVICES=required: there a missing one fails the test. A bare `dotnet test`
/// run by hand reports such tests as skipped, with the reason.
public static class TestServices
{
    public static bool Required => Environment.GetEnvironmentVariable("ARCHIVE_TEST_SERVICES") == "required";

    /// The value of a service's environment variable, or a skip (a failure under the test command) naming what is missing.
    public static string Setting(string variable, string service) =>
        Environment.GetEnvironmentVariable(variable) is { Length: > 0 } value ? value : Missing(service, $"{variable} is not set");

    /// A file a service needs (a browser executable), or a skip (a failure under the test command).
    public static string File(string path, string service) => System.IO.File.Exists(path) ? path : Missing(service, $"{path} does not exist");

    private static string Missing(string service, string why)
    {
        var reason = $"{service} is not available ({why}): run the tests with tests/run-tests.sh, which installs and starts it.";
        if (Required)
            throw new InvalidOperationException(reason);
        throw new SkipException(reason);
    }
}
