using Archive.Web.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;
using OpenIddict.Abstractions;

namespace Archive.Web.Management.Security;

/// Umbraco's back office as an OAuth client: the public client `umbraco-back-office` (authorization code
/// with PKCE and refresh tokens), whose redirect URIs are the archive's own origins — the ones it listens
/// on and Archive:PublicBaseUrl — added the first time the back office is opened from each.
public sealed class BackOfficeClient(IServiceScopeFactory scopes, IServer server, IOptions<ArchiveOptions> options)
{
    public const string ClientId = "umbraco-back-office";
    public const string RedirectPath = "/umbraco/oauth_complete";
    public const string PostLogoutPath = "/umbraco/logout";

    private readonly SemaphoreSlim _lock = new(1, 1);
    private readonly HashSet<string> _registered = new(StringComparer.OrdinalIgnoreCase);

    /// Whether a request's origin is one of the archive's own: a Host header alone never adds a redirect URI.
    public bool IsOwnOrigin(string origin)
    {
        if (options.Value.PublicBaseUrl is { Length: > 0 } configured && Uri.TryCreate(configured, UriKind.Absolute, out var publicUri)
            && string.Equals(publicUri.GetLeftPart(UriPartial.Authority), origin, StringComparison.OrdinalIgnoreCase))
            return true;
        var listening = server.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        return listening.Select(Normalize).Any(a => string.Equals(a, origin, StringComparison.OrdinalIgnoreCase)
            || (Uri.TryCreate(a, UriKind.Absolute, out var uri) && uri.IsLoopback && Uri.TryCreate(origin, UriKind.Absolute, out var asked) && asked.IsLoopback && uri.Port == asked.Port && uri.Scheme == asked.Scheme));
    }

    private static string Normalize(string address) => address.Replace("://+", "://localhost").Replace("://*", "://localhost").Replace("://[::]", "://localhost").TrimEnd('/');

    /// Makes sure the client exists and may return to this origin.
    public async Task EnsureAsync(string origin, CancellationToken ct)
    {
        lock (_registered)
            if (_registered.Contains(origin))
                return;
        if (!IsOwnOrigin(origin))
            return;
        await _lock.WaitAsync(ct);
        try
        {
            using var scope = scopes.CreateScope();
            var manager = scope.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>();
            var descriptor = new OpenIddictApplicationDescriptor();
            var application = await manager.FindByClientIdAsync(ClientId, ct);
            if (application is not null)
                await manager.PopulateAsync(descriptor, application, ct);
            else
            {
                descriptor.ClientId = ClientId;
                descriptor.ClientType = OpenIddictConstants.ClientTypes.Public;
                descriptor.ConsentType = OpenIddictConstants.ConsentTypes.Implicit;
                descriptor.DisplayName = "Umbraco back office";
            }
            descriptor.Permissions.UnionWith([
                OpenIddictConstants.Permissions.Endpoints.Authorization, OpenIddictConstants.Permissions.Endpoints.Token,
                OpenIddictConstants.Permissions.Endpoints.Revocation, OpenIddictConstants.Permissions.Endpoints.EndSession,
                OpenIddictConstants.Permissions.GrantTypes.AuthorizationCode, OpenIddictConstants.Permissions.GrantTypes.RefreshToken,
                OpenIddictConstants.Permissions.ResponseTypes.Code]);
            descriptor.Requirements.Add(OpenIddictConstants.Requirements.Features.ProofKeyForCodeExchange);
            descriptor.RedirectUris.Add(new Uri(origin + RedirectPath));
            descriptor.PostLogoutRedirectUris.Add(new Uri(origin + PostLogoutPath));
            if (application is null)
                await manager.CreateAsync(descriptor, ct);
            else
                await manager.UpdateAsync(application, descriptor, ct);
            lock (_registered)
                _registered.Add(origin);
        }
        finally
        {
            _lock.Release();
        }
    }

    public static string OriginOf(HttpRequest request) => $"{request.Scheme}://{request.Host}";
}
