using System.Security.Claims;
using Archive.Data;
using Archive.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Archive.Web.Management;

/// Accounts over HTTP for administrators, in Umbraco's user routes and shapes: each role is a user
/// group with a fixed id, an account belongs to exactly one, and an editor's or contributor's
/// document start nodes are the institutions and collections granted to them. People get a password
/// nobody knows until an administrator sets or resets it; API users get client credentials.
public static class UserEndpoints
{
    public static void MapUsers(this RouteGroupBuilder api)
    {
        var users = api.MapGroup("user").WithTags("User").RequireAuthorization(ManagementPolicies.Administrator);
        users.MapGet("", List).WithName("GetUser");
        users.MapGet("{id:guid}", Get).WithName("GetUserById");
        users.MapPost("", Create).WithName("PostUser");
        users.MapPut("{id:guid}", Update).WithName("PutUserById");
        users.MapDelete("{id:guid}", Delete).WithName("DeleteUserById");
        users.MapPost("disable", (HttpContext c, ClaimsPrincipal p, Accounts a, ArchiveDbContext db, TimeProvider clock) => SetDisabled<DisableUserRequestModel>(c, p, a, db, clock, true))
            .WithName("PostUserDisable");
        users.MapPost("enable", (HttpContext c, ClaimsPrincipal p, Accounts a, ArchiveDbContext db, TimeProvider clock) => SetDisabled<EnableUserRequestModel>(c, p, a, db, clock, false))
            .WithName("PostUserEnable");
        users.MapPost("unlock", Unlock).WithName("PostUserUnlock");
        users.MapPost("{id:guid}/change-password", ChangePassword).WithName("PostUserByIdChangePassword");
        users.MapPost("{id:guid}/reset-password", ResetPassword).WithName("PostUserByIdResetPassword");
        users.MapGet("{id:guid}/client-credentials", ClientCredentials).WithName("GetUserByIdClientCredentials");
        users.MapPost("{id:guid}/client-credentials", AddClientCredentials).WithName("PostUserByIdClientCredentials");
        users.MapDelete("{id:guid}/client-credentials/{clientId}", RemoveClientCredentials).WithName("DeleteUserByIdClientCredentialsByClientId");
        api.MapGet("filter/user", Filter).WithName("GetFilterUser").WithTags("User").RequireAuthorization(ManagementPolicies.Administrator);

        var groups = api.MapGroup("user-group").WithTags("User Group").RequireAuthorization(ManagementPolicies.Administrator);
        groups.MapGet("", Groups).WithName("GetUserGroup");
        groups.MapGet("{id:guid}", Group).WithName("GetUserGroupById");
        api.MapGet("filter/user-group", FilterGroups).WithName("GetFilterUserGroup").WithTags("User Group").RequireAuthorization(ManagementPolicies.Administrator);
        // Everyone's own groups are named in the back office's header and profile.
        api.MapGet("item/user-group", (Guid[]? id) => Results.Ok((id ?? []).Select(Roles.FromGroupKey).OfType<string>().Distinct()
            .Select(role => new UserGroupItemResponseModel(Roles.GroupKeys[role], [], GroupName(role), GroupIcon(role), role)).ToList()))
            .WithName("GetItemUserGroup").WithTags("User Group");
    }

    private static string GroupName(string role) => char.ToUpperInvariant(role[0]) + role[1..];

    private static string GroupIcon(string role) => role switch { Roles.Administrator => "icon-medal", Roles.Viewer => "icon-eye", _ => "icon-edit" };

    /// The groups (Archive's roles) whose name or alias holds the filter text.
    private static IResult FilterGroups(int skip = 0, int take = 100, string? filter = null)
    {
        if (Paging.Check(skip, take) is { } refused)
            return refused;
        var matching = Roles.All.Where(r => string.IsNullOrWhiteSpace(filter) || r.Contains(filter.Trim(), StringComparison.OrdinalIgnoreCase)
            || GroupName(r).Contains(filter.Trim(), StringComparison.CurrentCultureIgnoreCase)).ToList();
        return Results.Ok(new PagedResponse<UserGroupResponseModel>(matching.Count, matching.Skip(skip).Take(take).Select(GroupModel).ToList()));
    }

    private static readonly string[] States = ["Active", "Disabled", "LockedOut", "Inactive", "Invited", "All"];

    private static Task<IResult> List(UserManager<ArchiveUser> users, IdentityDb identity, ArchiveDbContext db, CancellationToken ct, int skip = 0, int take = 100, string? filter = null) =>
        Filter(users, identity, db, ct, skip, take, filter: filter);

    private static async Task<IResult> Filter(UserManager<ArchiveUser> users, IdentityDb identity, ArchiveDbContext db, CancellationToken ct, int skip = 0, int take = 100,
        string orderBy = "UserName", string orderDirection = "Ascending", Guid[]? userGroupIds = null, string[]? userStates = null, string? filter = null)
    {
        if (Paging.Check(skip, take) is { } refused)
            return refused;
        if (!new[] { "UserName", "Name", "Email", "CreateDate" }.Contains(orderBy, StringComparer.OrdinalIgnoreCase))
            return ManagementRequests.Invalid("orderBy", "orderBy must be UserName, Name, Email or CreateDate.");
        if (userStates?.FirstOrDefault(s => !States.Contains(s, StringComparer.OrdinalIgnoreCase)) is { } state)
            return ManagementRequests.Invalid("userStates", $"Unknown user state '{state}'; use {string.Join(", ", States)}.");
        var roles = new List<string>();
        foreach (var group in userGroupIds ?? [])
            if (Roles.FromGroupKey(group) is { } role)
                roles.Add(role);
            else
                return ManagementRequests.Problem(404, "Missing User Group", $"No user group with id {group}.");

        var query = users.Users.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(filter))
            query = query.Where(u => u.UserName!.Contains(filter) || u.Name.Contains(filter) || u.Email!.Contains(filter));
        var all = await query.ToListAsync(ct);
        // Roles and grants of everyone in two queries, not two per account.
        var roleOf = (await identity.UserRoles.Join(identity.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => new { ur.UserId, r.Name }).ToListAsync(ct))
            .GroupBy(r => r.UserId).ToDictionary(g => g.Key, g => g.First().Name);
        var grantsOf = (await identity.Grants.AsNoTracking().ToListAsync(ct)).ToLookup(g => g.UserId, g => g.NodeKey);
        var media = await MediaKeysAsync(db, grantsOf.SelectMany(g => g), ct);
        var models = all.Select(user => Model(user, roleOf.GetValueOrDefault(user.Id), grantsOf[user.Id].ToList(), media)).ToList();
        var wanted = models.Where(m => roles.Count == 0 || m.UserGroupIds.Any(g => roles.Contains(Roles.FromGroupKey(g.Id)!)))
            .Where(m => userStates is not { Length: > 0 } || userStates.Contains("All", StringComparer.OrdinalIgnoreCase) || userStates.Contains(m.State, StringComparer.OrdinalIgnoreCase));
        Func<UserResponseModel, object> key = orderBy.ToLowerInvariant() switch
        {
            "name" => m => m.Name,
            "email" => m => m.Email,
            "createdate" => m => m.CreateDate,
            _ => m => m.UserName,
        };
        var ordered = (orderDirection.Equals("Descending", StringComparison.OrdinalIgnoreCase) ? wanted.OrderByDescending(key) : wanted.OrderBy(key)).ToList();
        return Results.Ok(new PagedResponse<UserResponseModel>(ordered.Count, ordered.Skip(skip).Take(take).ToList()));
    }

    private static async Task<IResult> Get(Guid id, UserManager<ArchiveUser> users, Accounts accounts, ArchiveDbContext db, CancellationToken ct) =>
        await users.FindByIdAsync(id.ToString()) is { } user ? Results.Ok(await ModelAsync(user, accounts, db, ct)) : NotFound(id);

    private static async Task<IResult> Create(HttpContext context, ClaimsPrincipal principal, Accounts accounts, ArchiveDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var (body, problem) = await ManagementRequests.ReadAsync<CreateUserRequestModel>(context);
        if (problem is not null)
            return problem;
        var (role, refused) = RoleOf(body!.UserGroupIds);
        if (refused is not null)
            return refused;
        UserKind? kind = body.Kind switch { null or "Default" => UserKind.Person, "Api" => UserKind.Api, _ => null };
        if (kind is null)
            return ManagementRequests.Invalid("kind", "kind must be Default (a person) or Api.");
        var grants = body.DocumentStartNodeIds?.Select(r => r.Id).ToList() ?? [];
        if (await UnknownStartNodesAsync(db, grants, media: false, ct) is { } missing)
            return missing;
        var result = await accounts.CreateAsync(body.Id, kind.Value, new AccountDetails(body.Email, body.UserName, body.Name, role!, grants), ct);
        if (!result.Succeeded)
            return Refused(result);
        await AuditLogEndpoints.RecordAccountChangeAsync(db, clock, Caller.From(principal), "AccountCreate", result.Id!.Value, $"{body.UserName}: {role}", ct);
        return ManagementRequests.Created(context, "user", result.Id.ToString()!);
    }

    private static async Task<IResult> Update(Guid id, HttpContext context, ClaimsPrincipal principal, Accounts accounts, ArchiveDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var (body, problem) = await ManagementRequests.ReadAsync<UpdateUserRequestModel>(context);
        if (problem is not null)
            return problem;
        var (role, refused) = RoleOf(body!.UserGroupIds);
        if (refused is not null)
            return refused;
        var documents = body.DocumentStartNodeIds?.Select(r => r.Id).ToList() ?? [];
        // Media start nodes are grants too: the folders an editor or contributor works in.
        var mediaFolders = body.MediaStartNodeIds?.Select(r => r.Id).ToList() ?? [];
        var grants = documents.Concat(mediaFolders).Distinct().ToList();
        if (Roles.IsScoped(role!) && body.HasDocumentRootAccess)
            return ManagementRequests.Invalid("hasDocumentRootAccess", $"An {role} works within granted institutions or collections, not the whole tree.");
        if (Roles.IsScoped(role!) && body.HasMediaRootAccess && mediaFolders.Count > 0)
            return ManagementRequests.Invalid("hasMediaRootAccess", $"An {role} works within granted media folders, not the whole library.");
        if ((await UnknownStartNodesAsync(db, documents, media: false, ct) ?? await UnknownStartNodesAsync(db, mediaFolders, media: true, ct)) is { } missing)
            return missing;
        // The back office's own language (Umbraco's UI cultures, such as en-US), not a content language.
        var language = string.IsNullOrWhiteSpace(body.LanguageIsoCode) ? null : body.LanguageIsoCode.Trim();
        if (language is not null && !Archive.Engine.Cultures.CultureSet.IsWellFormedTag(language))
            return ManagementRequests.Invalid("languageIsoCode", $"'{language}' is not a culture code.");
        var result = await accounts.UpdateAsync(id, new AccountDetails(body.Email, body.UserName, body.Name, role!, grants, language), ct);
        return await AuditedAsync(result, db, clock, principal, "AccountUpdate", id, $"{body.UserName}: {role}, {grants.Count} grant(s)", ct);
    }

    private static async Task<IResult> Delete(Guid id, ClaimsPrincipal principal, Accounts accounts, ArchiveDbContext db, TimeProvider clock, CancellationToken ct) =>
        await AuditedAsync(await accounts.DeleteAsync(id, Caller.From(principal).Id, ct), db, clock, principal, "AccountDelete", id, null, ct);

    /// Several accounts at once, as Umbraco's clients send them; one that cannot change stops the rest (each change is audited).
    private static async Task<IResult> SetDisabled<T>(HttpContext context, ClaimsPrincipal principal, Accounts accounts, ArchiveDbContext db, TimeProvider clock, bool disabled)
        where T : UserIdsRequestModel
    {
        var (body, problem) = await ManagementRequests.ReadAsync<T>(context);
        if (problem is not null)
            return problem;
        var caller = Caller.From(principal);
        var ids = (body!.UserIds ?? []).Select(u => u.Id).Distinct().ToList();
        if (disabled && ids.Contains(caller.Id))
            return ManagementRequests.Invalid("userIds", "An account cannot disable itself.");
        foreach (var id in ids)
        {
            var result = await accounts.SetDisabledAsync(id, disabled, caller.Id, context.RequestAborted);
            if (!result.Succeeded)
                return Refused(result);
            await AuditLogEndpoints.RecordAccountChangeAsync(db, clock, caller, disabled ? "AccountDisable" : "AccountEnable", id, null, context.RequestAborted);
        }
        return Results.Ok();
    }

    private static async Task<IResult> Unlock(HttpContext context, ClaimsPrincipal principal, Accounts accounts, ArchiveDbContext db, TimeProvider clock)
    {
        var (body, problem) = await ManagementRequests.ReadAsync<UnlockUsersRequestModel>(context);
        if (problem is not null)
            return problem;
        foreach (var user in body!.UserIds ?? [])
        {
            var result = await accounts.UnlockAsync(user.Id, context.RequestAborted);
            if (!result.Succeeded)
                return Refused(result);
            await AuditLogEndpoints.RecordAccountChangeAsync(db, clock, Caller.From(principal), "AccountUnlock", user.Id, null, context.RequestAborted);
        }
        return Results.Ok();
    }

    private static async Task<IResult> ChangePassword(Guid id, HttpContext context, ClaimsPrincipal principal, Accounts accounts, ArchiveDbContext db, TimeProvider clock)
    {
        var (body, problem) = await ManagementRequests.ReadAsync<ChangePasswordUserRequestModel>(context);
        if (problem is not null)
            return problem;
        if (string.IsNullOrEmpty(body!.NewPassword))
            return ManagementRequests.Invalid("newPassword", "A new password is required.");
        var result = await accounts.SetPasswordAsync(id, body.NewPassword, context.RequestAborted);
        return await AuditedAsync(result, db, clock, principal, "AccountPassword", id, null, context.RequestAborted);
    }

    private static async Task<IResult> ResetPassword(Guid id, HttpContext context, ClaimsPrincipal principal, Accounts accounts, ArchiveDbContext db, TimeProvider clock)
    {
        var (result, password) = await accounts.ResetPasswordAsync(id, context.RequestAborted);
        context.Response.Headers.CacheControl = "no-store";
        if (!result.Succeeded)
            return Refused(result);
        await AuditLogEndpoints.RecordAccountChangeAsync(db, clock, Caller.From(principal), "AccountPasswordReset", id, null, context.RequestAborted);
        return Results.Ok(new ResetPasswordUserResponseModel(password!));
    }

    private static async Task<IResult> ClientCredentials(Guid id, UserManager<ArchiveUser> users, Accounts accounts, CancellationToken ct) =>
        await users.FindByIdAsync(id.ToString()) is null ? NotFound(id) : Results.Ok(await accounts.ClientIdsAsync(id, ct));

    private static async Task<IResult> AddClientCredentials(Guid id, HttpContext context, ClaimsPrincipal principal, Accounts accounts, ArchiveDbContext db, TimeProvider clock)
    {
        var (body, problem) = await ManagementRequests.ReadAsync<CreateUserClientCredentialsRequestModel>(context);
        if (problem is not null)
            return problem;
        var result = await accounts.AddClientCredentialsAsync(id, body!.ClientId ?? "", body.ClientSecret ?? "", context.RequestAborted);
        return await AuditedAsync(result, db, clock, principal, "AccountClientAdd", id, body.ClientId, context.RequestAborted);
    }

    private static async Task<IResult> RemoveClientCredentials(Guid id, string clientId, ClaimsPrincipal principal, Accounts accounts, ArchiveDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var result = await accounts.RemoveClientCredentialsAsync(id, clientId, ct);
        return result.NotFound
            ? ManagementRequests.Problem(404, "Not found", $"No client '{clientId}' for user {id}.")
            : await AuditedAsync(result, db, clock, principal, "AccountClientRemove", id, clientId, ct);
    }

    private static async Task<IResult> AuditedAsync(AccountResult result, ArchiveDbContext db, TimeProvider clock, ClaimsPrincipal principal, string action, Guid id, string? comment,
        CancellationToken ct)
    {
        if (!result.Succeeded)
            return Refused(result);
        await AuditLogEndpoints.RecordAccountChangeAsync(db, clock, Caller.From(principal), action, id, comment, ct);
        return Results.Ok();
    }

    private static IResult Groups(int skip = 0, int take = 100) =>
        Paging.Check(skip, take) ?? Results.Ok(new PagedResponse<UserGroupResponseModel>(Roles.All.Length, Roles.All.Skip(skip).Take(take).Select(GroupModel).ToList()));

    private static IResult Group(Guid id) =>
        Roles.FromGroupKey(id) is { } role ? Results.Ok(GroupModel(role)) : ManagementRequests.Problem(404, "Missing User Group", $"No user group with id {id}.");

    private static UserGroupResponseModel GroupModel(string role) => new(
        GroupName(role), role, GroupIcon(role), Roles.Describe(role), BackOfficePermissions.SectionsOf(role),
        [], HasAccessToAllLanguages: true, DocumentStartNode: null, DocumentRootAccess: !Roles.IsScoped(role), MediaStartNode: null, MediaRootAccess: true,
        FallbackPermissions: BackOfficePermissions.Of(role), Permissions: [], Roles.GroupKeys[role], IsDeletable: false, AliasCanBeChanged: false);

    private static async Task<UserResponseModel> ModelAsync(ArchiveUser user, Accounts accounts, ArchiveDbContext db, CancellationToken ct)
    {
        var grants = await accounts.GrantsOfAsync(user.Id, ct);
        return Model(user, await accounts.RoleOfAsync(user), grants, await MediaKeysAsync(db, grants, ct));
    }

    /// Which of these grants are media folders (the others are documents).
    public static async Task<HashSet<Guid>> MediaKeysAsync(ArchiveDbContext db, IEnumerable<Guid> grants, CancellationToken ct)
    {
        var keys = grants.Distinct().ToList();
        return keys.Count == 0 ? [] : [.. await db.Nodes.AsNoTracking().Where(n => n.IsMedia && keys.Contains(n.Key)).Select(n => n.Key).ToListAsync(ct)];
    }

    private static UserResponseModel Model(ArchiveUser user, string? role, IReadOnlyList<Guid> grants, IReadOnlySet<Guid> media)
    {
        var scoped = role is null || Roles.IsScoped(role);
        var state = Accounts.IsDisabled(user) ? "Disabled" : user.LockoutEnd > DateTimeOffset.UtcNow ? "LockedOut" : "Active";
        var created = new DateTimeOffset(DateTime.SpecifyKind(user.CreatedAt, DateTimeKind.Utc));
        return new UserResponseModel(user.Email ?? "", user.UserName ?? "", user.Name,
            role is null ? [] : [new ReferenceByIdModel(Roles.GroupKeys[role])], user.Id, user.LanguageIsoCode,
            grants.Where(g => !media.Contains(g)).Select(g => new ReferenceByIdModel(g)).ToList(), !scoped,
            grants.Where(media.Contains).Select(g => new ReferenceByIdModel(g)).ToList(), !scoped, [], state, user.AccessFailedCount,
            created, created, null, null, null,
            role == Roles.Administrator, user.Kind == UserKind.Api ? "Api" : "Default");
    }

    private static (string? Role, IResult? Problem) RoleOf(IReadOnlyList<ReferenceByIdModel>? groups)
    {
        if (groups is not { Count: > 0 })
            return (null, ManagementRequests.Invalid("userGroupIds", "A user must be assigned to a user group (its role)."));
        if (groups.Select(g => g.Id).Distinct().Count() > 1)
            return (null, ManagementRequests.Invalid("userGroupIds", "An account has one role: name one user group."));
        return Roles.FromGroupKey(groups[0].Id) is { } role
            ? (role, null)
            : (null, ManagementRequests.Problem(404, "Missing User Group", $"No user group with id {groups[0].Id}."));
    }

    private static async Task<IResult?> UnknownStartNodesAsync(ArchiveDbContext db, IReadOnlyCollection<Guid> keys, bool media, CancellationToken ct)
    {
        var found = await db.Nodes.AsNoTracking().Where(n => keys.Contains(n.Key) && n.IsMedia == media && !n.Trashed).Select(n => n.Key).ToListAsync(ct);
        return keys.FirstOrDefault(k => !found.Contains(k)) is var missing && missing != Guid.Empty
            ? ManagementRequests.Invalid(media ? "mediaStartNodeIds" : "documentStartNodeIds", $"No {(media ? "media item" : "document")} with id {missing}.")
            : null;
    }

    private static IResult NotFound(Guid id) => ManagementRequests.Problem(404, "The user was not found", $"No user with id {id}.");

    private static IResult Refused(AccountResult result) => result.NotFound
        ? NotFound(result.Id ?? Guid.Empty)
        : Results.ValidationProblem(result.Problems.GroupBy(p => p.Field).ToDictionary(g => g.Key, g => g.Select(p => p.Message).ToArray()), title: "The account was not changed");
}

/// A page of a list, as every Management API list answers (Umbraco's Paged...ResponseModel).
public sealed record PagedResponse<T>(long Total, IReadOnlyList<T> Items);

public sealed record CreateUserRequestModel(string Email, string UserName, string Name, IReadOnlyList<ReferenceByIdModel>? UserGroupIds, Guid? Id, string? Kind,
    IReadOnlyList<ReferenceByIdModel>? DocumentStartNodeIds);

public sealed record UpdateUserRequestModel(string Email, string UserName, string Name, IReadOnlyList<ReferenceByIdModel>? UserGroupIds, string? LanguageIsoCode,
    IReadOnlyList<ReferenceByIdModel>? DocumentStartNodeIds, bool HasDocumentRootAccess, IReadOnlyList<ReferenceByIdModel>? MediaStartNodeIds, bool HasMediaRootAccess,
    IReadOnlyList<ReferenceByIdModel>? ElementStartNodeIds, bool HasElementRootAccess);

/// Umbraco's Disable-, Enable- and UnlockUsersRequestModel: the accounts to act on.
public abstract record UserIdsRequestModel(IReadOnlyList<ReferenceByIdModel>? UserIds);

public sealed record DisableUserRequestModel(IReadOnlyList<ReferenceByIdModel>? UserIds) : UserIdsRequestModel(UserIds);

public sealed record EnableUserRequestModel(IReadOnlyList<ReferenceByIdModel>? UserIds) : UserIdsRequestModel(UserIds);

public sealed record UnlockUsersRequestModel(IReadOnlyList<ReferenceByIdModel>? UserIds) : UserIdsRequestModel(UserIds);

public sealed record ChangePasswordUserRequestModel(string? NewPassword);

public sealed record ResetPasswordUserResponseModel(string ResetPassword);

public sealed record CreateUserClientCredentialsRequestModel(string? ClientId, string? ClientSecret);

public sealed record UserResponseModel(string Email, string UserName, string Name, IReadOnlyList<ReferenceByIdModel> UserGroupIds, Guid Id, string? LanguageIsoCode,
    IReadOnlyList<ReferenceByIdModel> DocumentStartNodeIds, bool HasDocumentRootAccess, IReadOnlyList<ReferenceByIdModel> MediaStartNodeIds, bool HasMediaRootAccess,
    IReadOnlyList<string> AvatarUrls, string State, int FailedLoginAttempts, DateTimeOffset CreateDate, DateTimeOffset UpdateDate, DateTimeOffset? LastLoginDate,
    DateTimeOffset? LastLockoutDate, DateTimeOffset? LastPasswordChangeDate, bool IsAdmin, string Kind);

public sealed record UserGroupItemResponseModel(Guid Id, IReadOnlyList<FlagModel> Flags, string Name, string? Icon, string? Alias);

public sealed record UserGroupResponseModel(string Name, string Alias, string Icon, string Description, IReadOnlyList<string> Sections, IReadOnlyList<string> Languages,
    bool HasAccessToAllLanguages, ReferenceByIdModel? DocumentStartNode, bool DocumentRootAccess, ReferenceByIdModel? MediaStartNode, bool MediaRootAccess,
    IReadOnlyList<string> FallbackPermissions, IReadOnlyList<object> Permissions, Guid Id, bool IsDeletable, bool AliasCanBeChanged);
