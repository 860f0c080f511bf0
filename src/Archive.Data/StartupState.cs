namespace Archive.Data;

/// Whether start-up work (migrations, the uSync import) has finished; /health/ready reads it.
public sealed class StartupState
{
    private readonly TaskCompletionSource _done = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public bool IsReady => _done.Task.IsCompletedSuccessfully;

    public string? Failure { get; private set; }

    public Task WhenReady => _done.Task;

    public void MarkReady() => _done.TrySetResult();

    public void MarkFailed(Exception ex)
    {
        Failure = ex.Message;
        _done.TrySetException(ex);
    }
}
