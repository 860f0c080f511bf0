using System.Security.Claims;
using Archive.Data;
using Archive.Data.Schema;
using Archive.Engine.Cultures;

namespace Archive.Web.Management;

/// Languages in Umbraco's routes and shapes: anyone signed in reads them, administrators create,
/// change and delete them. Changes are written back to the uSync folder; a language still holding
/// content is not deleted.
public static class LanguageEndpoints
{
    public static void MapLanguages(this RouteGroupBuilder api)
    {
        var languages = api.MapGroup("language").WithTags("Language");
        languages.MapGet("", List).WithName("GetLanguage");
        languages.MapGet("{isoCode}", Get).WithName("GetLanguageByIsoCode");
        languages.MapPost("", Create).WithName("PostLanguage").RequireAuthorization(ManagementPolicies.Administrator);
        languages.MapPut("{isoCode}", Update).WithName("PutLanguageByIsoCode").RequireAuthorization(ManagementPolicies.Administrator);
        languages.MapDelete("{isoCode}", Delete).WithName("DeleteLanguageByIsoCode").RequireAuthorization(ManagementPolicies.Administrator);
        var items = api.MapGroup("item/language").WithTags("Language");
        items.MapGet("", Items).WithName("GetItemLanguage");
        items.MapGet("default", Default).WithName("GetItemLanguageDefault");
    }

    private static LanguageResponseModel Model(Language l) => new(l.Name, l.IsDefault, l.IsMandatory, l.FallbackIsoCode, l.IsoCode);

    private static async Task<IReadOnlyCollection<Language>> AllAsync(ArchiveDbContext db, SchemaStore schemas, CancellationToken ct) =>
        (await schemas.GetAsync(db, ct)).Cultures.Languages;

    private static Language? Find(IEnumerable<Language> languages, string isoCode) =>
        languages.FirstOrDefault(l => string.Equals(l.IsoCode, isoCode, StringComparison.OrdinalIgnoreCase));

    private static IResult NotFound(string isoCode) => ManagementRequests.Problem(404, "Not found", $"No language '{isoCode}'.");

    private static async Task<IResult> List(ArchiveDbContext db, SchemaStore schemas, CancellationToken ct, int skip = 0, int take = 100)
    {
        if (Paging.Check(skip, take) is { } refused)
            return refused;
        var languages = (await AllAsync(db, schemas, ct)).OrderByDescending(l => l.IsDefault).ThenBy(l => l.IsoCode).ToList();
        return Results.Ok(new PagedResponse<LanguageResponseModel>(languages.Count, languages.Skip(skip).Take(take).Select(Model).ToList()));
    }

    private static async Task<IResult> Get(string isoCode, ArchiveDbContext db, SchemaStore schemas, CancellationToken ct) =>
        Find(await AllAsync(db, schemas, ct), isoCode) is { } language ? Results.Ok(Model(language)) : NotFound(isoCode);

    private static async Task<IResult> Items(ArchiveDbContext db, SchemaStore schemas, CancellationToken ct, string[]? isoCode = null)
    {
        var languages = await AllAsync(db, schemas, ct);
        return Results.Ok((isoCode ?? []).Select(code => Find(languages, code)).OfType<Language>().Select(l => new LanguageItemResponseModel(l.Name, l.IsoCode)).ToList());
    }

    private static async Task<IResult> Default(ArchiveDbContext db, SchemaStore schemas, CancellationToken ct) =>
        (await AllAsync(db, schemas, ct)).FirstOrDefault(l => l.IsDefault) is { } language
            ? Results.Ok(new LanguageItemResponseModel(language.Name, language.IsoCode))
            : ManagementRequests.Problem(404, "Not found", "No default language is set.");

    private static async Task<IResult> Create(HttpContext context, ClaimsPrincipal principal, SchemaService schema)
    {
        var (body, problem) = await ManagementRequests.ReadAsync<CreateLanguageRequestModel>(context);
        if (problem is not null)
            return problem;
        var result = await schema.SaveLanguageAsync(new Language(body!.IsoCode ?? "", body.Name ?? "", body.IsDefault, body.IsMandatory, body.FallbackIsoCode, Guid.Empty),
            creating: true, Caller.From(principal).Actor, context.RequestAborted);
        if (!result.Succeeded)
            return ManagementRequests.From(result);
        return ManagementRequests.Created(context, "language", body.IsoCode!);
    }

    private static async Task<IResult> Update(string isoCode, HttpContext context, ClaimsPrincipal principal, SchemaService schema)
    {
        var (body, problem) = await ManagementRequests.ReadAsync<UpdateLanguageRequestModel>(context);
        if (problem is not null)
            return problem;
        var result = await schema.SaveLanguageAsync(new Language(isoCode, body!.Name ?? "", body.IsDefault, body.IsMandatory, body.FallbackIsoCode, Guid.Empty),
            creating: false, Caller.From(principal).Actor, context.RequestAborted);
        return result.Succeeded ? Results.Ok() : ManagementRequests.From(result);
    }

    private static async Task<IResult> Delete(string isoCode, ClaimsPrincipal principal, SchemaService schema, CancellationToken ct)
    {
        var result = await schema.DeleteLanguageAsync(isoCode, Caller.From(principal).Actor, ct);
        return result.Succeeded ? Results.Ok() : ManagementRequests.From(result);
    }
}

public sealed record LanguageResponseModel(string Name, bool IsDefault, bool IsMandatory, string? FallbackIsoCode, string IsoCode);

public sealed record LanguageItemResponseModel(string Name, string IsoCode);

public sealed record CreateLanguageRequestModel(string? Name, bool IsDefault, bool IsMandatory, string? FallbackIsoCode, string? IsoCode);

public sealed record UpdateLanguageRequestModel(string? Name, bool IsDefault, bool IsMandatory, string? FallbackIsoCode);
