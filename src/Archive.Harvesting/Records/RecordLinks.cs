namespace Archive.Harvesting.Records;

/// The public addresses other systems are given, on one base URL (`Archive:PublicBaseUrl`, else the request's). The
/// identifier `/id/{key}` is the stable one: it negotiates to the page, the Delivery API item or Linked Art.
public sealed record RecordLinks(string BaseUrl)
{
    /// The base used when a record is rendered only to learn whether it changed: harvest datestamps do not depend
    /// on the host a node answers on.
    public static RecordLinks Neutral { get; } = new("https://archive.invalid");

    public string Identifier(Guid key) => $"{BaseUrl}/id/{key}";
    public string Page(Guid key, string culture) => $"{BaseUrl}/{culture}/item/{key}";
    public string DeliveryItem(Guid key) => $"{BaseUrl}/umbraco/delivery/api/v2/content/item/{key}";
    public string Manifest(Guid key) => $"{BaseUrl}/iiif/3/manifest/{key}";
    public string IiifCollection(Guid key) => $"{BaseUrl}/iiif/3/collection/{key}";
    public string ImageService(Guid mediaKey) => $"{BaseUrl}/iiif/3/{mediaKey}";
    /// The 1,200-pixel WebP derivative, one of the presets made for every image.
    public string Derivative(string filePath) => $"{BaseUrl}/media/{string.Join('/', filePath.Split('/').Select(Uri.EscapeDataString))}?width=1200&format=webp";
    public string Thumbnail(string filePath) => $"{BaseUrl}/media/{string.Join('/', filePath.Split('/').Select(Uri.EscapeDataString))}?width=400&height=400&mode=crop&format=webp";
}
