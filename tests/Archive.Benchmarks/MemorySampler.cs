using System.Diagnostics;

namespace Archive.Benchmarks;

/// Samples the process's working set while a step runs; reports the peak above the level at the start.
public sealed class MemorySampler : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private long _peak;
    private long _peakManaged;

    public long StartBytes { get; }

    public MemorySampler()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        StartBytes = Current();
        _peak = StartBytes;
        _loop = Task.Run(async () =>
        {
            while (!_stop.IsCancellationRequested)
            {
                _peak = Math.Max(_peak, Current());
                _peakManaged = Math.Max(_peakManaged, GC.GetGCMemoryInfo().TotalCommittedBytes);
                try { await Task.Delay(25, _stop.Token); } catch (OperationCanceledException) { }
            }
        });
    }

    public long PeakBytes => Math.Max(_peak, Current());

    /// The most memory the garbage collector had committed at a sample (live objects, garbage not yet collected and
    /// free space it keeps): what of the peak is the managed heap, the rest being native (database engine, runtime).
    public long PeakManagedBytes => _peakManaged;

    private static long Current()
    {
        using var process = Process.GetCurrentProcess();
        return process.WorkingSet64;
    }

    public async ValueTask DisposeAsync()
    {
        _stop.Cancel();
        await _loop;
    }
}
