using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Archive.Data;

/// The model differs by provider (jsonb on PostgreSQL), and one process may talk to both
/// (the test suite does), so the provider is part of the model's cache key.
internal sealed class ProviderModelCacheKeyFactory : IModelCacheKeyFactory
{
    public object Create(DbContext context, bool designTime) => (context.GetType(), context.Database.ProviderName, designTime);
}
