namespace Archive.Web.Hosting;

/// Which of the archive's surfaces a request is for, by its path: the public channels (the Delivery API, search, IIIF,
/// media files, OAI-PMH, kiosks, the site) that anyone may call, and the rest (the Management API, the back office,
/// health probes). Rate limits apply to the first; request metrics are told apart by it.
public static class ApiChannel
{
    public const string Delivery = "delivery";
    public const string Search = "search";
    public const string Iiif = "iiif";
    public const string Media = "media";
    public const string Oai = "oai";
    public const string Kiosk = "kiosk";
    public const string Site = "site";
    public const string Management = "management";
    public const string BackOffice = "backoffice";
    public const string Health = "health";

    public static readonly IReadOnlyList<string> Public = [Delivery, Search, Iiif, Media, Oai, Kiosk, Site];

    public static string Of(PathString path)
    {
        if (path.StartsWithSegments(Web.Delivery.DeliveryEndpoints.Root + "/search") || path.StartsWithSegments(Web.Delivery.DeliveryEndpoints.Root + "/geo"))
            return Search;
        if (path.StartsWithSegments("/umbraco/delivery"))
            return Delivery;
        if (path.StartsWithSegments("/umbraco/management"))
            return Management;
        if (path.StartsWithSegments("/umbraco"))
            return BackOffice;
        if (path.StartsWithSegments("/health"))
            return Health;
        if (path.StartsWithSegments("/iiif"))
            return Iiif;
        if (path.StartsWithSegments("/media"))
            return Media;
        if (path.StartsWithSegments("/oai"))
            return Oai;
        if (path.StartsWithSegments("/kiosk"))
            return Kiosk;
        return Site;
    }

    public static bool IsPublic(string channel) => channel is not (Management or BackOffice or Health);
}
