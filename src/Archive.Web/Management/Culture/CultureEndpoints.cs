using System.Globalization;

namespace Archive.Web.Management.Culture;

/// Umbraco's CultureReponseModel (sic, as the contract spells it): a culture the archive could add as a language.
public sealed record CultureReponseModel(string Name, string EnglishName);

/// The cultures the platform knows, for the language workspace's picker (`GET culture`), ordered by English name
/// as Umbraco lists them.
public static class CultureEndpoints
{
    private static readonly Lazy<IReadOnlyList<CultureReponseModel>> Known = new(() => CultureInfo.GetCultures(CultureTypes.AllCultures)
        .Where(c => c.Name.Length > 0)
        .OrderBy(c => c.EnglishName, StringComparer.OrdinalIgnoreCase)
        .Select(c => new CultureReponseModel(c.Name, c.EnglishName)).ToList());

    public static void MapCultures(this RouteGroupBuilder api) =>
        api.MapGet("culture", (int skip = 0, int take = 100) => Paging.Check(skip, take) is { } refused
                ? refused
                : Results.Ok(new PagedResponse<CultureReponseModel>(Known.Value.Count, Known.Value.Skip(skip).Take(take).ToList())))
            .WithName("GetCulture").WithTags("Culture");
}
