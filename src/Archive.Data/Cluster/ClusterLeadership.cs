using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Archive.Data.Cluster;

/// One node of a cluster leads: it alone does the work that must happen once however many nodes run (scheduled
/// publishing, background media work, sweeps of what a killed process left). Leadership is a cluster lock: when the
/// leader stops or dies its connection closes, and the next node to ask takes over within <see cref="Interval"/>.
/// On SQLite the one machine always leads.
public sealed class ClusterLeadership(IServiceScopeFactory scopes, StartupState startup, ILogger<ClusterLeadership> logger) : BackgroundService
{
    public const string LockName = "leader";

    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(2);

    private ClusterLock? _lock;

    public bool IsLeader => Volatile.Read(ref _lock) is not null;

    /// Raised on the node that has just become the leader (work another leader left undone is its now).
    public event Action? Elected;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!await startup.WaitAsync(stoppingToken))
            return;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await TickAsync(stoppingToken);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                // The database is away: no node can be sure it leads, and this one stops acting as if it did.
                logger.LogWarning("Leadership could not be checked: {Message}", ex.Message);
                await LetGoAsync();
            }
            await Task.Delay(Interval, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
        }
    }

    private async Task TickAsync(CancellationToken ct)
    {
        if (_lock is { } held)
        {
            if (!await held.IsHeldAsync(ct))
            {
                logger.LogWarning("This node lost the cluster's leadership (its database connection broke)");
                await LetGoAsync();
            }
            return;
        }
        await using var scope = scopes.CreateAsyncScope();
        var taken = await ClusterLock.TryAcquireAsync(scope.ServiceProvider.GetRequiredService<ArchiveDbContext>(), LockName, ct);
        if (taken is null)
            return;
        Volatile.Write(ref _lock, taken);
        logger.LogInformation("This node leads the cluster: scheduled publishing and background media work run here");
        Elected?.Invoke();
    }

    private async Task LetGoAsync()
    {
        if (Interlocked.Exchange(ref _lock, null) is { } held)
            await held.DisposeAsync();
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        await LetGoAsync();
    }
}
