namespace Archive.Data;

/// Whether start-up work (migrations, the uSync import) has finished; /health/ready reads it.
public sealed class StartupState
{
    private readonly TaskCompletionSource _done = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public bool IsReady => _done.Task.IsCompletedSuccessfully;

    public string? Failure { get; private set; }

    public Task WhenReady => _done.Task;

    /// Waits for start-up to finish: true when it did, false when it failed (readiness says why, and background work
    /// that needs a ready database stays idle). Stopping the host cancels the wait.
    public async Task<bool> WaitAsync(CancellationToken ct)
    {
        try
        {
            await _done.Task.WaitAsync(ct);
            return true;
        }
        catch (Exception) when (!ct.IsCancellationRequested)
        {
            return false;
        }
    }

    public void MarkReady() => _done.TrySetResult();

    public void MarkFailed(Exception ex)
    {
        Failure = ex.Message;
        _done.TrySetException(ex);
    }
}
