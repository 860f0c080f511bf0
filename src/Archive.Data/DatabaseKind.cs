using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Archive.Data;

/// Which of the two providers a context speaks to, for the few places that write provider-specific SQL.
public static class DatabaseKind
{
    public static bool IsPostgres(this DatabaseFacade database) => database.ProviderName?.Contains("Npgsql", StringComparison.Ordinal) == true;
}
