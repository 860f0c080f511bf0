using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text.Json;
using Archive.Integration.Tests.Infrastructure;

namespace Archive.Integration.Tests.Cluster;

/// A real cluster (tests/scripts/cluster.sh): PostgreSQL, Azurite kept on disk, three archive nodes on the built host and
/// nginx in front, with an administrator's API client made by the command line against the cluster's database.
public sealed class ClusterFixture : IAsyncLifetime
{
    public const int Nodes = 3;
    public const string ClientId = "umbraco-back-office-cluster-admin";
    public const string Secret = "Cluster-Admin-Secret-2026-0123456789";
    public const string PersonEmail = "cluster.curator@example.kz";
    public const string PersonPassword = "Cluster-Curator-2026";

    private static readonly int Base = int.TryParse(Environment.GetEnvironmentVariable("ARCHIVE_TEST_CLUSTER_PORT"), out var port) ? port : 58100;

    public string Folder { get; } = Path.Combine(Path.GetTempPath(), "archive-cluster-" + Guid.NewGuid().ToString("N")[..8]);

    public string Script { get; } = Path.Combine(Paths.RepositoryRoot, "tests", "scripts", "cluster.sh");

    public Uri Balancer => new($"http://127.0.0.1:{Base}");

    public Uri Node(int i) => new($"http://127.0.0.1:{Base + i}");

    /// A node's Prometheus listener, on a port of its own.
    public Uri Metrics(int i) => new($"http://127.0.0.1:{Base + 30 + i}/metrics");

    public string LogOf(int i) => Path.Combine(Folder, $"node{i}.log");

    public string ConnectionString => $"Host=127.0.0.1;Port={Base + 20};Username=postgres;Database=archive";

    public string AzuriteConnectionString =>
        $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;BlobEndpoint=http://127.0.0.1:{Base + 21}/devstoreaccount1;";

    public async Task InitializeAsync()
    {
        TestServices.File("/usr/sbin/nginx", "nginx");
        TestServices.File(Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin", "pg_ctl")).FirstOrDefault(File.Exists) ?? "/usr/lib/postgresql/bin/pg_ctl", "PostgreSQL");
        var (code, output) = await RunScriptAsync(TimeSpan.FromMinutes(12), "start", Folder, Nodes.ToString());
        if (code != 0)
            throw new InvalidOperationException($"The cluster did not start:\n{output}\n{Logs()}");
        var environment = new Dictionary<string, string>
        {
            ["Archive__Database__Provider"] = "PostgreSQL",
            ["ConnectionStrings__Archive"] = ConnectionString,
            ["Archive__DataPath"] = Path.Combine(Folder, "cli"),
        };
        var client = await HostProcess.RunWithInputAsync(environment, Secret, "users", "create-api-client", "--client-id", ClientId, "--role", "administrator");
        if (client.Code != 0)
            throw new InvalidOperationException("The API client was not made: " + client.Output);
        var person = await HostProcess.RunWithInputAsync(environment, PersonPassword, "users", "create", "--email", PersonEmail, "--role", "curator");
        if (person.Code != 0)
            throw new InvalidOperationException("The account was not made: " + person.Output);
    }

    public async Task DisposeAsync() => await RunScriptAsync(TimeSpan.FromMinutes(2), "stop", Folder);

    /// A client of one node (1…3) or, with 0, of the load balancer.
    public HttpClient Client(int node = 0, HttpMessageHandler? handler = null) =>
        new(handler ?? new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = node == 0 ? Balancer : Node(node), Timeout = TimeSpan.FromSeconds(60) };

    /// A bearer token for the administrator's API client, asked of one node.
    public async Task<string> TokenAsync(int node)
    {
        using var client = Client(node);
        var response = await client.PostAsync("/umbraco/management/api/v1/security/back-office/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = ClientId,
            ["client_secret"] = Secret,
        }));
        response.EnsureSuccessStatusCode();
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("access_token").GetString()!;
    }

    public HttpClient Signed(int node, string token)
    {
        var client = Client(node);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public Task<(int Code, string Output)> KillAsync(int node) => RunScriptAsync(TimeSpan.FromSeconds(30), "kill-node", Folder, node.ToString());

    /// Starts a node (again) and waits until it is ready.
    public async Task StartAsync(int node, bool fresh = false)
    {
        var started = await RunScriptAsync(TimeSpan.FromSeconds(30), fresh ? ["start-node", Folder, node.ToString(), "--fresh"] : ["start-node", Folder, node.ToString()]);
        Assert.True(started.Code == 0, started.Output);
        await WaitReadyAsync(node);
    }

    public async Task WaitReadyAsync(int node)
    {
        var ready = await RunScriptAsync(TimeSpan.FromMinutes(6), "wait-ready", Folder, node.ToString(), "300");
        Assert.True(ready.Code == 0, ready.Output);
    }

    public async Task RunAsync(params string[] command)
    {
        var (code, output) = await RunScriptAsync(TimeSpan.FromMinutes(2), [command[0], Folder, .. command[1..]]);
        Assert.True(code == 0, output);
    }

    /// The readiness document of a node.
    public async Task<(int Status, JsonElement Body)> ReadinessAsync(int node)
    {
        using var client = Client(node);
        client.Timeout = TimeSpan.FromSeconds(10);
        var response = await client.GetAsync("/health/ready");
        return ((int)response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone());
    }

    public string Logs() => string.Join("\n", Enumerable.Range(1, Nodes).Select(i => Path.Combine(Folder, $"node{i}.log")).Where(File.Exists)
        .Select(f => $"--- {Path.GetFileName(f)}\n" + string.Join("\n", File.ReadLines(f).TakeLast(30))));

    private async Task<(int Code, string Output)> RunScriptAsync(TimeSpan limit, params string[] args)
    {
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Script);
        foreach (var arg in args)
            start.ArgumentList.Add(arg);
        start.Environment["CLUSTER_PORT"] = Base.ToString();
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(limit);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            return (-1, $"cluster.sh {string.Join(' ', args)} did not finish in {limit}");
        }
        return (process.ExitCode, await output + await errors);
    }
}

[CollectionDefinition(Name)]
public sealed class ClusterCollection : ICollectionFixture<ClusterFixture>
{
    public const string Name = "cluster";
}
