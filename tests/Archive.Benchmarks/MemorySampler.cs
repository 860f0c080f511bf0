using System.Diagnostics;

namespace Archive.Benchmarks;

/// Samples the process's working set while a step runs; reports the peak above the level at the start.
public sealed class MemorySampler : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private long _peak;

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
                try { await Task.Delay(25, _stop.Token); } catch (OperationCanceledException) { }
            }
        });
    }

    public long PeakBytes => Math.Max(_peak, Current());

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
