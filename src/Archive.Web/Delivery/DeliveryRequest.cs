using System.Text.RegularExpressions;
using Archive.Delivery;
using Archive.Delivery.Cache;
using Archive.Delivery.Rendering;
using Microsoft.Extensions.Options;

namespace Archive.Web.Delivery;

/// What the Delivery API's headers and common parameters say about one request, checked once.
public sealed partial class DeliveryRequest
{
    public required string Culture { get; init; }
    /// Whether Accept-Language chose the culture (it wins over a domain's).
    public bool CultureRequested { get; init; }
    public required bool Preview { get; init; }
    public PublishedNode? StartItem { get; init; }
    public required PropertySpec Expand { get; init; }
    public required PropertySpec Fields { get; init; }

    [GeneratedRegex(@"^[\w-]*$")]
    private static partial Regex SimpleLanguage();

    /// The expansion budget of this response, shared by every item it renders; none is needed when nothing is expanded.
    public static Archive.Delivery.Rendering.DeliveryRenderer.Budget? BudgetOf(HttpContext context, DeliveryRequest request) =>
        request.Expand.IsDefaultExpand ? null
        : (context.Items[typeof(Archive.Delivery.Rendering.DeliveryRenderer.Budget)] ??= new Archive.Delivery.Rendering.DeliveryRenderer.Budget())
            as Archive.Delivery.Rendering.DeliveryRenderer.Budget;

    /// Compared in constant time (over hashes, so the length says nothing either).
    public static bool KeyMatches(string sent, string? configured) =>
        !string.IsNullOrEmpty(configured) && System.Security.Cryptography.CryptographicOperations.FixedTimeEquals(
            System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(sent)),
            System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(configured)));

    /// The request, or the response that refuses it (401, 400 or 404).
    public static (DeliveryRequest? Request, IResult? Refusal) Read(HttpContext context, PublishedCache cache, DeliveryApiSettings settings, bool media)
    {
        var headers = context.Request.Headers;
        var preview = !media && string.Equals(headers["Preview"].ToString(), "true", StringComparison.OrdinalIgnoreCase);
        var validKey = KeyMatches(headers["Api-Key"].ToString(), settings.ApiKey);
        var allowed = media
            ? settings.Enabled && settings.Media.Enabled && ((settings.PublicAccess && settings.Media.PublicAccess) || validKey)
            : settings.Enabled && (preview ? validKey : settings.PublicAccess || validKey);
        if (!allowed)
            return (null, DeliveryResponses.Unauthorized());

        var culture = cache.Schema.Cultures.Default?.IsoCode ?? "";
        var requested = false;
        var language = headers.AcceptLanguage.ToString().Trim();
        // As Umbraco: a single tag is honoured, a browser's list ("en-GB,en;q=0.9") is ignored.
        // Media names and alt texts may vary by culture here, so media honours the header too.
        if (language.Length > 0 && SimpleLanguage().IsMatch(language))
        {
            if (cache.Schema.Cultures.Resolve(language) is not { } resolved)
                return (null, DeliveryResponses.Problem(400, "Unknown culture",
                    $"Accept-Language '{language}' is not a language of this archive; it has {string.Join(", ", cache.Schema.Cultures.Languages.Select(l => l.IsoCode))}.", "Accept-Language"));
            culture = resolved;
            requested = true;
        }

        var expand = PropertySpec.Parse(context.Request.Query["expand"], PropertySpec.None, out var expandError);
        if (expand is null)
            return (null, DeliveryResponses.Problem(400, "Invalid expand", $"The expand parameter is malformed: {expandError}.", "expand"));
        var fields = PropertySpec.Parse(context.Request.Query["fields"], PropertySpec.All, out var fieldsError);
        if (fields is null)
            return (null, DeliveryResponses.Problem(400, "Invalid fields", $"The fields parameter is malformed: {fieldsError}.", "fields"));

        PublishedNode? start = null;
        if (!media && headers["Start-Item"].ToString() is { Length: > 0 } startItem)
        {
            start = cache.FindStartItem(startItem, culture);
            if (start is null)
                return (null, DeliveryResponses.StartItemNotFound());
        }
        return (new DeliveryRequest { Culture = culture, CultureRequested = requested, Preview = preview, StartItem = start, Expand = expand, Fields = fields }, null);
    }
}
