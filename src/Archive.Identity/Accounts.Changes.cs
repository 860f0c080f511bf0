using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using OpenIddict.Abstractions;

namespace Archive.Identity;

/// An account's name, e-mail, role and grants as an administrator sets them.
public sealed record AccountDetails(string Email, string UserName, string Name, string Role, IReadOnlyCollection<Guid> Grants, string? LanguageIsoCode = null);

/// What administrators do to accounts: create, change, disable, unlock, delete, set passwords and
/// client credentials. Every change renews the account's security stamp, so what was issued before
/// it stops working. The archive always keeps one enabled administrator, and no one disables or
/// deletes themselves.
public sealed partial class Accounts
{
    public async Task<AccountResult> CreateAsync(Guid? id, UserKind kind, AccountDetails details, CancellationToken ct = default)
    {
        if ((Check(details.Role, details.Grants, grantsLater: true) ?? CheckDetails(details)) is { } problem)
            return problem;
        if (id is { } wanted && await users.FindByIdAsync(wanted.ToString()) is not null)
            return AccountResult.Fail("id", "An account with this id exists.");
        var user = NewUser(details.UserName, details.Name, kind, details.Grants);
        user.Id = id ?? user.Id;
        user.Grants.ForEach(g => g.UserId = user.Id);
        user.Email = details.Email;
        // A person gets a password nobody knows until an administrator sets or resets it.
        return await SaveAsync(user, details.Role, kind == UserKind.Person ? NewPassword() : null, ct);
    }

    public async Task<AccountResult> UpdateAsync(Guid id, AccountDetails details, CancellationToken ct = default)
    {
        if (await users.Users.Include(u => u.Grants).FirstOrDefaultAsync(u => u.Id == id, ct) is not { } user)
            return AccountResult.Missing(id);
        if ((Check(details.Role, details.Grants, grantsLater: true) ?? CheckDetails(details)) is { } problem)
            return problem;
        var role = await RoleOfAsync(user);
        if (role == Roles.Administrator && details.Role != Roles.Administrator && await IsLastAdministratorAsync(user, ct))
            return AccountResult.Fail("userGroupIds", "The archive needs one enabled administrator: make another before changing this one's role.");
        if (!string.Equals(user.UserName, details.UserName, StringComparison.Ordinal) && await users.FindByNameAsync(details.UserName) is not null)
            return AccountResult.Fail("userName", "The user name is already in use.");

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        (user.Email, user.UserName, user.Name, user.LanguageIsoCode) = (details.Email, details.UserName, details.Name, details.LanguageIsoCode);
        db.Grants.RemoveRange(user.Grants.Where(g => !details.Grants.Contains(g.NodeKey)));
        foreach (var grant in details.Grants.Distinct().Where(g => user.Grants.All(existing => existing.NodeKey != g)))
            db.Grants.Add(new UserGrant { UserId = id, NodeKey = grant });
        if (role != details.Role)
        {
            if (role is not null)
                await users.RemoveFromRoleAsync(user, role);
            await users.AddToRoleAsync(user, details.Role);
        }
        var updated = await users.UpdateAsync(user);
        if (!updated.Succeeded)
            return Problems(updated);
        await RenewStampAsync(user);
        await transaction.CommitAsync(ct);
        return AccountResult.Ok(id);
    }

    public async Task<AccountResult> DeleteAsync(Guid id, Guid actingUser, CancellationToken ct = default)
    {
        if (await users.FindByIdAsync(id.ToString()) is not { } user)
            return AccountResult.Missing(id);
        if (id == actingUser)
            return AccountResult.Fail("id", "An account cannot delete itself.");
        if (await IsLastAdministratorAsync(user, ct))
            return AccountResult.Fail("id", "The archive needs one enabled administrator: this is the last one.");
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        foreach (var clientId in await ClientIdsAsync(id, ct))
            if (await applications.FindByClientIdAsync(clientId, ct) is { } client)
                await applications.DeleteAsync(client, ct);
        var deleted = await users.DeleteAsync(user);
        if (!deleted.Succeeded)
            return Problems(deleted);
        await transaction.CommitAsync(ct);
        stamps.Forget(id);
        return AccountResult.Ok(id);
    }

    /// Disabled accounts cannot sign in, and what they were issued stops working.
    public async Task<AccountResult> SetDisabledAsync(Guid id, bool disabled, Guid actingUser, CancellationToken ct = default)
    {
        if (await users.FindByIdAsync(id.ToString()) is not { } user)
            return AccountResult.Missing(id);
        if (disabled && id == actingUser)
            return AccountResult.Fail("userIds", "An account cannot disable itself.");
        if (disabled && await IsLastAdministratorAsync(user, ct))
            return AccountResult.Fail("userIds", "The archive needs one enabled administrator: this is the last one.");
        // Identity's way to disable: a lock-out that never ends.
        user.LockoutEnabled = disabled || user.Kind == UserKind.Person;
        user.LockoutEnd = disabled ? DateTimeOffset.MaxValue : null;
        var updated = await users.UpdateAsync(user);
        if (!updated.Succeeded)
            return Problems(updated);
        await RenewStampAsync(user);
        return AccountResult.Ok(id);
    }

    public async Task<AccountResult> UnlockAsync(Guid id, CancellationToken ct = default)
    {
        if (await users.FindByIdAsync(id.ToString()) is not { } user)
            return AccountResult.Missing(id);
        if (IsDisabled(user))
            return AccountResult.Ok(id);
        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        return AccountResult.Ok(id);
    }

    public async Task<AccountResult> SetPasswordAsync(Guid id, string password, CancellationToken ct = default)
    {
        if (await users.FindByIdAsync(id.ToString()) is not { } user)
            return AccountResult.Missing(id);
        if (user.Kind != UserKind.Person)
            return AccountResult.Fail("id", "API users sign in with client credentials, not passwords.");
        var problems = new List<IdentityError>();
        foreach (var validator in users.PasswordValidators)
            problems.AddRange((await validator.ValidateAsync(users, user, password)).Errors);
        if (problems.Count > 0)
            return Problems(IdentityResult.Failed([.. problems]), "newPassword");
        user.PasswordHash = users.PasswordHasher.HashPassword(user, password);
        var updated = await users.UpdateSecurityStampAsync(user);
        if (!updated.Succeeded)
            return Problems(updated, "newPassword");
        stamps.Forget(id);
        return AccountResult.Ok(id);
    }

    /// A new password made up for the person, given once to the administrator who asked for it.
    public async Task<(AccountResult Result, string? Password)> ResetPasswordAsync(Guid id, CancellationToken ct = default)
    {
        var password = NewPassword();
        var result = await SetPasswordAsync(id, password, ct);
        return (result, result.Succeeded ? password : null);
    }

    public async Task<IReadOnlyList<string>> ClientIdsAsync(Guid userId, CancellationToken ct = default)
    {
        var ids = new List<string>();
        await foreach (var client in applications.ListAsync(null, null, ct))
            if (await OwnerIdAsync(client, ct) == userId)
                ids.Add((await applications.GetClientIdAsync(client, ct))!);
        return ids;
    }

    public async Task<AccountResult> AddClientCredentialsAsync(Guid userId, string clientId, string secret, CancellationToken ct = default)
    {
        if (await users.FindByIdAsync(userId.ToString()) is not { } user)
            return AccountResult.Missing(userId);
        if (user.Kind != UserKind.Api)
            return AccountResult.Fail("id", "Client credentials are for API users; this account is a person's.");
        if (!ClientIdPattern().IsMatch(clientId))
            return AccountResult.Fail("clientId", $"The client id must start with '{ClientIdPrefix}' and then use letters, digits, '-' or '_' only (at most 100 characters).");
        if (secret.Length < MinimumSecretLength)
            return AccountResult.Fail("clientSecret", $"The client secret must be at least {MinimumSecretLength} characters long.");
        if (await applications.FindByClientIdAsync(clientId, ct) is not null)
            return AccountResult.Fail("clientId", "This client id is taken.");
        await applications.CreateAsync(ClientFor(user, clientId, secret), ct);
        return AccountResult.Ok(userId);
    }

    public async Task<AccountResult> RemoveClientCredentialsAsync(Guid userId, string clientId, CancellationToken ct = default)
    {
        if (await users.FindByIdAsync(userId.ToString()) is not { } user || await applications.FindByClientIdAsync(clientId, ct) is not { } client
            || await OwnerIdAsync(client, ct) != userId)
            return AccountResult.Missing(userId);
        await applications.DeleteAsync(client, ct);
        await RenewStampAsync(user);
        return AccountResult.Ok(userId);
    }

    /// The account an OAuth client signs in as.
    public async Task<ArchiveUser?> OwnerOfClientAsync(string clientId, CancellationToken ct = default)
    {
        return await applications.FindByClientIdAsync(clientId, ct) is { } client && await OwnerIdAsync(client, ct) is { } owner
            ? await users.FindByIdAsync(owner.ToString())
            : null;
    }

    private async Task<Guid?> OwnerIdAsync(object client, CancellationToken ct) =>
        (await applications.GetPropertiesAsync(client, ct)).TryGetValue(ClientUserProperty, out var owner) ? owner.GetGuid() : null;

    public static bool IsDisabled(ArchiveUser user) => user.LockoutEnd == DateTimeOffset.MaxValue;

    private async Task<bool> IsLastAdministratorAsync(ArchiveUser user, CancellationToken ct)
    {
        if (await RoleOfAsync(user) != Roles.Administrator || IsDisabled(user))
            return false;
        var administrators = await users.GetUsersInRoleAsync(Roles.Administrator);
        return administrators.Count(a => !IsDisabled(a)) <= 1;
    }

    private async Task RenewStampAsync(ArchiveUser user)
    {
        await users.UpdateSecurityStampAsync(user);
        stamps.Forget(user.Id);
    }

    private static AccountResult? CheckDetails(AccountDetails details)
    {
        if (string.IsNullOrWhiteSpace(details.Name))
            return AccountResult.Fail("name", "A name is required.");
        if (string.IsNullOrWhiteSpace(details.UserName))
            return AccountResult.Fail("userName", "A user name is required.");
        if (!new System.ComponentModel.DataAnnotations.EmailAddressAttribute().IsValid(details.Email))
            return AccountResult.Fail("email", "A valid e-mail address is required.");
        return null;
    }

    private static AccountResult Problems(IdentityResult result, string passwordField = "password") =>
        new(null, result.Errors.Select(e => new AccountProblem(e.Code.Contains("Password") ? passwordField : e.Code.Contains("Email") ? "email" : "userName", e.Description)).ToList());

    /// 24 random characters from all four classes the password rules ask for.
    private static string NewPassword() =>
        Convert.ToBase64String(RandomNumberGenerator.GetBytes(18)).Replace('+', 'x').Replace('/', 'y') + "Aa1";
}
