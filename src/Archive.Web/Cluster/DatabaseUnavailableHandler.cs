using System.Data.Common;
using Microsoft.AspNetCore.Diagnostics;

namespace Archive.Web.Cluster;

/// The database is away for a moment (restarted, failing over, refusing connections, busy): the caller is told to come
/// back shortly rather than shown a failure, and nothing half-done was kept (every write is one transaction). Reads
/// from the published cache and the index do not need the database and go on being answered meanwhile.
public sealed class DatabaseUnavailableHandler(ILogger<DatabaseUnavailableHandler> logger) : IExceptionHandler
{
    public const int RetryAfterSeconds = 5;

    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken ct)
    {
        if (!IsUnavailable(exception))
            return false;
        logger.LogWarning("Database unavailable for {Method} {Path}: {Reason}", context.Request.Method, context.Request.Path.Value, exception.GetBaseException().Message);
        context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        context.Response.Headers.RetryAfter = RetryAfterSeconds.ToString();
        await Results.Problem(statusCode: 503, title: "Database unavailable",
            detail: $"The archive's database cannot be reached just now. Nothing was changed; try again in {RetryAfterSeconds} seconds.").ExecuteAsync(context);
        return true;
    }

    /// A transient database failure anywhere in the chain (the provider says which are: refused or broken connections,
    /// a server shutting down or starting, a busy file).
    public static bool IsUnavailable(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
            if (e is DbException { IsTransient: true } or System.Net.Sockets.SocketException)
                return true;
        return false;
    }
}
