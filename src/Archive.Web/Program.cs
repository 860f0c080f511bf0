using Archive.BackOffice.Hosting;
using Archive.Web.Cli;
using Archive.Web.Delivery;
using Archive.Web.Health;
using Archive.Web.Hosting;
using Archive.Web.Iiif;
using Archive.Web.Management;
using Archive.Web.Management.Security;
using Archive.Web.Media;
using Archive.Web.Protection;
using Archive.Web.Telemetry;

if (ArchiveCli.IsCommand(args))
    return await ArchiveCli.RunAsync(args);

var builder = WebApplication.CreateBuilder(new WebApplicationOptions
{
    Args = args,
    // appsettings.json travels with the binaries; data paths resolve against the repository root.
    ContentRootPath = AppContext.BaseDirectory,
});
builder.AddArchive();
builder.Services.AddProblemDetails();
builder.Services.AddExceptionHandler<MediaStoreUnavailableHandler>();
builder.Services.AddExceptionHandler<Archive.Web.Cluster.DatabaseUnavailableHandler>();
builder.Services.AddExceptionHandler<UnrenderableImageHandler>();
builder.Services.AddArchiveHealth();
builder.Services.AddHostedService<StartupImport>();
builder.Services.AddHostedService(sp => sp.GetRequiredService<Archive.Data.Cluster.ClusterLeadership>());
builder.Services.AddHostedService<ScheduledPublishing>();
builder.Services.AddHostedService<Archive.Web.Cluster.LeaderSweeps>();
builder.Services.AddHostedService(sp => sp.GetRequiredService<Archive.Data.Publishing.ChangeLogFollower>());
builder.Services.AddArchiveDelivery(builder.Configuration);
// Projections are built in this order: the published cache (from AddArchiveDelivery) before the search index.
builder.Services.AddSingleton<Archive.Engine.Publishing.IProjection>(sp => sp.GetRequiredService<Archive.Search.Indexing.SearchIndexProjection>());
// Then the harvest records (OAI-PMH, IIIF change discovery), read from the published cache once it holds each change.
Archive.Harvesting.Hosting.HarvestingEndpoints.AddArchiveHarvesting(builder.Services, builder.Configuration);
var archiveOptions = builder.Configuration.GetSection(ArchiveOptions.Section).Get<ArchiveOptions>() ?? new ArchiveOptions();
var repository = RepositoryPaths.Discover(builder.Environment.ContentRootPath);
builder.Services.AddArchiveManagement(repository, archiveOptions);
// Umbraco's back office, when its build is there (published beside the binaries, or built in the source tree).
if (Archive.BackOffice.Hosting.BackOfficeFiles.Find(Path.Combine(AppContext.BaseDirectory, "backoffice-dist"), repository.Resolve("src/Archive.BackOffice/dist")) is { } backOffice)
{
    builder.Services.AddSingleton(backOffice);
    builder.Services.AddArchiveBackOfficeCompression();
}
// The public site, when its scripts and styles are built (published beside the binaries, or in the source tree).
var siteAssets = Archive.Site.SiteAssets.Find(Path.Combine(AppContext.BaseDirectory, "site-dist"), repository.Resolve("src/Archive.Site/dist"));
var siteEnabled = siteAssets is not null && builder.Configuration.GetValue(Archive.Site.SiteOptions.Section + ":Enabled", true);
// The kiosk application, when built: it reads items as the site does, so it needs the site's services (not its pages).
var kioskAssets = Archive.Kiosk.KioskAssets.Find(Path.Combine(AppContext.BaseDirectory, "kiosk-dist"), repository.Resolve("src/Archive.Kiosk/dist"));
var kiosksEnabled = siteAssets is not null && kioskAssets is not null && builder.Configuration.GetValue(Archive.Kiosk.KioskOptions.Section + ":Enabled", true);
if (siteEnabled || kiosksEnabled)
    Archive.Site.SiteEndpoints.AddArchiveSite(builder.Services, builder.Configuration, siteAssets!);
if (kiosksEnabled)
    Archive.Kiosk.Hosting.KioskEndpoints.AddArchiveKiosks(builder.Services, builder.Configuration, kioskAssets!);
builder.Services.AddArchiveForwardedHeaders(archiveOptions.ForwardedHeaders);
builder.Services.AddArchiveRateLimits(archiveOptions.RateLimits);
builder.Services.AddSingleton<PublishedImages>();
builder.Services.AddSingleton<Archive.Media.Processing.IPublicImages>(sp => sp.GetRequiredService<PublishedImages>());
builder.Services.AddSingleton(new Archive.Media.Processing.ImageProcessing.Settings([.. archiveOptions.Media.EffectivePresets]));
builder.Services.AddSingleton(sp => ActivatorUtilities.CreateInstance<Archive.Media.Processing.ImageProcessing>(sp,
    sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<Archive.Media.Imaging.ImagingSettings>>().Value));
builder.Services.AddSingleton<ServedSizes>();
builder.Services.AddSingleton<TemporaryFiles>();
builder.Services.AddHostedService(sp => sp.GetRequiredService<Archive.Media.Processing.ImageProcessing>());
builder.Services.AddHostedService(sp => sp.GetRequiredService<PublishedImages>());
builder.Services.AddHttpClient(CdnPurgeHook.ClientName, client => client.Timeout = TimeSpan.FromSeconds(30));
builder.Services.AddSingleton<CdnPurgeHook>();
builder.Services.AddHostedService(sp => sp.GetRequiredService<CdnPurgeHook>());
// IIIF viewers run on any site: images and manifests are public by design.
builder.AddArchiveTelemetry(archiveOptions.Telemetry, archiveOptions.Cluster.EffectiveNodeName);
builder.Services.AddCors(options => options.AddPolicy("iiif", policy => policy.AllowAnyOrigin().WithMethods("GET", "HEAD").WithExposedHeaders("Link")));

ManagementSecurity.ReadKeysAfterStartupImport(builder.Services);
var app = builder.Build();
app.UseArchiveForwardedHeaders(archiveOptions.ForwardedHeaders);
app.UseArchiveTelemetry(archiveOptions.Telemetry);
Archive.Web.Cluster.NodeName.UseArchiveNodeName(app, archiveOptions.Cluster);
app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseArchiveRateLimits(archiveOptions.RateLimits);
app.UseCors();
app.UseArchiveBackOfficeFiles();
// Before authentication: the token endpoint is answered by OpenIddict inside authentication.
app.UseRateLimiter();
app.UseTokenEndpointLimits();
app.UseBackOfficeTokenCookies();
// The public channels serve anonymous readers: none of their endpoints reads a user, so the sign-in schemes (the
// cookie, OpenIddict's server and validation, each resolved and run for every request) stay off their path — they
// were over half of an item read's time.
app.UseWhen(context => !ApiChannel.IsPublic(ApiChannel.Of(context.Request.Path)), branch => branch.UseAuthentication());
// WebApplication puts authentication at the head of the pipeline when the app itself never called UseAuthentication (a
// branch's call is not seen): this is the mark UseAuthentication leaves.
((IApplicationBuilder)app).Properties["__AuthenticationMiddlewareSet"] = true;
app.UseAuthorization();
app.UseOutputCache();
app.MapArchiveHealth();
app.MapArchiveDelivery();
app.MapArchiveDeliveryMedia();
app.MapArchiveMediaFiles();
app.MapIiifImages();
app.MapIiifPresentation();
app.MapArchiveSearch();
app.MapArchiveGeo();
app.MapApiReference();
Archive.Harvesting.Hosting.HarvestingEndpoints.MapArchiveHarvesting(app);
app.MapManagement();
app.MapArchiveBackOffice(
    context => context.RequestServices.GetRequiredService<Archive.Web.Management.Security.BackOfficeSession>().KeepUserLoggedIn,
    context => context.RequestServices.GetRequiredService<Archive.Web.Management.Security.BackOfficeClient>()
        .EnsureAsync(Archive.Web.Management.Security.BackOfficeClient.OriginOf(context.Request), context.RequestAborted),
    Archive.Web.Management.Security.LoginPage.ForVisitorWithoutSession);
if (kiosksEnabled)
    Archive.Kiosk.Hosting.KioskEndpoints.MapArchiveKiosks(app);
if (siteEnabled)
    Archive.Site.SiteEndpoints.MapArchiveSite(app);
else
    app.MapGet("/", () => Results.Redirect("/health/ready"));

await app.RunAsync();
return 0;

public partial class Program;
