using System.Collections.Concurrent;
using Archive.Delivery;
using Archive.Delivery.Cache;
using Archive.Delivery.Rendering;
using Archive.Engine.Cultures;
using Archive.Search.Querying;
using Archive.Site.Cultures;
using Archive.Site.Links;
using Archive.Site.Texts;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Archive.Site;

/// The site's long-lived parts, one instance per process.
public sealed class SiteServices(PublishedCache cache, DeliveryRenderer renderer, IOptions<DeliveryApiSettings> delivery, IOptions<SiteOptions> options,
    SearchService search, SpellingService spelling, ContentQueryService queries, Archive.Delivery.Querying.DeliveryQueryBuilder queryBuilder, SiteAssets assets, TimeProvider clock, ILogger<SiteServices> logger)
{
    public PublishedCache Cache { get; } = cache;
    public DeliveryRenderer Renderer { get; } = renderer;
    public DeliveryApiSettings Delivery { get; } = delivery.Value;
    public SiteOptions Options { get; } = options.Value;
    public SearchService Search { get; } = search;
    public SpellingService Spelling { get; } = spelling;
    public ContentQueryService Queries { get; } = queries;
    public Archive.Delivery.Querying.DeliveryQueryBuilder QueryBuilder { get; } = queryBuilder;
    public SiteAssets Assets { get; } = assets;
    public TimeProvider Clock { get; } = clock;
    public SiteTexts Texts { get; } = new();
    public SiteCultures Cultures { get; } = new(cache);
    public SiteLinks Links { get; } = new(cache, delivery.Value);
    public Navigation Navigation => _navigation ??= new Navigation(Cache, Links);
    public KazakhLatin KazakhLatin { get; } = new(options.Value.KazakhLatin);

    private Navigation? _navigation;
    private readonly ConcurrentDictionary<Guid, byte> _warned = new();

    /// An image shown with no alternative text in any language: said once per image, for curators to fill in.
    public void MissingAltText(Guid media)
    {
        if (_warned.TryAdd(media, 0))
            logger.LogWarning("Image {Media} has no alternative text in any language: the public site shows it without one", media);
    }
}
