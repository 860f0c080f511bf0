using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using OpenIddict.Abstractions;

namespace Archive.Identity;

public sealed record AccountProblem(string Field, string Message);

public sealed record AccountResult(Guid? Id, IReadOnlyList<AccountProblem> Problems, bool NotFound = false)
{
    public bool Succeeded => Problems.Count == 0 && !NotFound;

    public static AccountResult Fail(string field, string message) => new(null, [new AccountProblem(field, message)]);

    public static AccountResult Ok(Guid id) => new(id, []);

    public static AccountResult Missing(Guid id) => new(id, [], NotFound: true);
}

/// Creates people's accounts (Identity: hashed passwords, password rules, lockout) and API clients
/// (an account of kind Api plus an OAuth confidential client, its secret hashed by OpenIddict), each
/// with one role and the institutions or collections granted to it.
public sealed partial class Accounts(UserManager<ArchiveUser> users, RoleManager<IdentityRole<Guid>> roles, IOpenIddictApplicationManager applications,
    IdentityDb db, TimeProvider clock, AccountStamps stamps)
{
    /// Umbraco requires this prefix on the client ids of its API users.
    public const string ClientIdPrefix = "umbraco-back-office-";
    public const int MinimumSecretLength = 24;

    public async Task EnsureRolesAsync(CancellationToken ct = default)
    {
        foreach (var role in Roles.All)
            if (!await roles.RoleExistsAsync(role))
                await roles.CreateAsync(new IdentityRole<Guid>(role) { Id = Guid.NewGuid() });
    }

    public async Task<AccountResult> CreatePersonAsync(string email, string? name, string role, string password, IReadOnlyCollection<Guid> grants, CancellationToken ct = default)
    {
        if (Check(role, grants) is { } problem)
            return problem;
        if (!new System.ComponentModel.DataAnnotations.EmailAddressAttribute().IsValid(email))
            return AccountResult.Fail("email", "A valid e-mail address is required.");
        var user = NewUser(email, name ?? email, UserKind.Person, grants);
        user.Email = email;
        return await SaveAsync(user, role, password, ct);
    }

    public async Task<AccountResult> CreateApiClientAsync(string clientId, string? name, string role, string secret, IReadOnlyCollection<Guid> grants, CancellationToken ct = default)
    {
        if (Check(role, grants) is { } problem)
            return problem;
        if (!ClientIdPattern().IsMatch(clientId))
            return AccountResult.Fail("clientId", $"The client id must start with '{ClientIdPrefix}' and then use letters, digits, '-' or '_' only (at most 100 characters).");
        if (secret.Length < MinimumSecretLength)
            return AccountResult.Fail("secret", $"The client secret must be at least {MinimumSecretLength} characters long.");
        if (await applications.FindByClientIdAsync(clientId, ct) is not null)
            return AccountResult.Fail("clientId", "This client id is taken.");

        var user = NewUser(clientId, name ?? clientId, UserKind.Api, grants);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var saved = await SaveAsync(user, role, password: null, ct);
        if (!saved.Succeeded)
            return saved;
        await applications.CreateAsync(ClientFor(user, clientId, secret), ct);
        await transaction.CommitAsync(ct);
        return saved;
    }

    /// The property of an OAuth client naming the account it signs in as.
    public const string ClientUserProperty = "archive_user";

    private static OpenIddictApplicationDescriptor ClientFor(ArchiveUser user, string clientId, string secret)
    {
        var client = new OpenIddictApplicationDescriptor
        {
            ClientId = clientId,
            ClientSecret = secret,
            ClientType = OpenIddictConstants.ClientTypes.Confidential,
            DisplayName = user.Name,
            Permissions = { OpenIddictConstants.Permissions.Endpoints.Token, OpenIddictConstants.Permissions.GrantTypes.ClientCredentials },
        };
        client.Properties[ClientUserProperty] = System.Text.Json.JsonSerializer.SerializeToElement(user.Id);
        return client;
    }

    private static AccountResult? Check(string role, IReadOnlyCollection<Guid> grants, bool grantsLater = false)
    {
        if (!Roles.All.Contains(role))
            return AccountResult.Fail("role", $"The role must be one of {string.Join(", ", Roles.All)}.");
        if (Roles.IsScoped(role) && grants.Count == 0 && !grantsLater)
            return AccountResult.Fail("collection", $"An {role} works within granted institutions or collections: name at least one.");
        if (!Roles.IsScoped(role) && grants.Count > 0)
            return AccountResult.Fail("collection", $"A {role} is not limited to collections; grants are for editors and contributors.");
        return null;
    }

    private ArchiveUser NewUser(string userName, string name, UserKind kind, IReadOnlyCollection<Guid> grants)
    {
        var id = Guid.NewGuid();
        return new ArchiveUser
        {
            Id = id,
            UserName = userName,
            Name = name,
            Kind = kind,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
            LockoutEnabled = kind == UserKind.Person,
            Grants = grants.Distinct().Select(g => new UserGrant { UserId = id, NodeKey = g }).ToList(),
        };
    }

    private async Task<AccountResult> SaveAsync(ArchiveUser user, string role, string? password, CancellationToken ct)
    {
        await EnsureRolesAsync(ct);
        var created = password is null ? await users.CreateAsync(user) : await users.CreateAsync(user, password);
        if (!created.Succeeded)
            return Problems(created);
        await users.AddToRoleAsync(user, role);
        return new AccountResult(user.Id, []);
    }

    /// The role of an account (one per account).
    public async Task<string?> RoleOfAsync(ArchiveUser user) => (await users.GetRolesAsync(user)).FirstOrDefault();

    public Task<List<Guid>> GrantsOfAsync(Guid userId, CancellationToken ct = default) =>
        db.Grants.Where(g => g.UserId == userId).Select(g => g.NodeKey).ToListAsync(ct);

    [GeneratedRegex("^umbraco-back-office-[A-Za-z0-9_-]{1,80}$")]
    private static partial Regex ClientIdPattern();
}
