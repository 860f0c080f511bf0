using Archive.Web.Hosting;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.OutputCaching;
using Npgsql;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Archive.Web.Telemetry;

/// OpenTelemetry for the host: metrics (requests per channel and route, the archive's own counters and gauges, .NET's
/// runtime) to a Prometheus listener on a private port and/or an OTLP collector; traces of requests, outgoing HTTP and
/// PostgreSQL commands; logs as JSON lines naming the node. Every signal carries the node's name as service.instance.id.
public static class TelemetrySetup
{
    public static WebApplicationBuilder AddArchiveTelemetry(this WebApplicationBuilder builder, TelemetryOptions options, string node)
    {
        if (string.Equals(options.LogFormat, "json", StringComparison.OrdinalIgnoreCase))
        {
            builder.Logging.AddConsoleFormatter<JsonLogFormatter, JsonLogFormatterOptions>(o => o.Node = node);
            builder.Logging.AddConsole(o => o.FormatterName = JsonLogFormatter.FormatterName);
        }
        if (!options.Enabled)
            return builder;

        builder.Services.AddSingleton<ArchiveGauges>();
        CountOutputCacheLookups(builder.Services);
        var version = typeof(TelemetrySetup).Assembly.GetName().Version?.ToString() ?? "0";
        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService("archive", serviceVersion: version, serviceInstanceId: node))
            .WithMetrics(metrics =>
            {
                metrics.AddAspNetCoreInstrumentation().AddHttpClientInstrumentation().AddRuntimeInstrumentation().AddMeter("Archive.*");
                if (options.Prometheus is { } scrape)
                    metrics.AddPrometheusHttpListener(listener =>
                    {
                        listener.Host = scrape.Host;
                        listener.Port = scrape.Port;
                        listener.ScrapeEndpointPath = scrape.AbsolutePath == "/" ? "/metrics" : scrape.AbsolutePath;
                    });
                if (options.ExportsOtlp)
                    metrics.AddOtlpExporter(Otlp(options));
            });
        if (options.ExportsOtlp)
        {
            telemetry.WithTracing(tracing => tracing
                .AddAspNetCoreInstrumentation(a => a.Filter = context => ApiChannel.Of(context.Request.Path) != ApiChannel.Health)
                .AddHttpClientInstrumentation()
                .AddNpgsql()
                .AddOtlpExporter(Otlp(options)));
            builder.Logging.AddOpenTelemetry(logs => logs.AddOtlpExporter(Otlp(options)));
        }
        return builder;
    }

    /// Each request's metrics say which channel it was for (beside its route), so rates and latencies read per API.
    public static WebApplication UseArchiveTelemetry(this WebApplication app, TelemetryOptions options)
    {
        if (!options.Enabled)
            return app;
        app.Services.GetRequiredService<ArchiveGauges>();
        app.Use((context, next) =>
        {
            context.Features.Get<IHttpMetricsTagsFeature>()?.Tags.Add(new("archive.channel", ApiChannel.Of(context.Request.Path)));
            return next(context);
        });
        return app;
    }

    private static Action<OpenTelemetry.Exporter.OtlpExporterOptions> Otlp(TelemetryOptions options) => otlp =>
    {
        if (options.OtlpEndpoint is { } endpoint)
            otlp.Endpoint = endpoint;
    };

    /// The output cache's store (one, shared by the Delivery API and the site) is wrapped where it was registered.
    private static void CountOutputCacheLookups(IServiceCollection services)
    {
        var registered = services.LastOrDefault(d => d.ServiceType == typeof(IOutputCacheStore));
        if (registered?.ImplementationFactory is not { } factory)
            return;
        services.Remove(registered);
        services.AddSingleton<IOutputCacheStore>(sp => new CountingOutputCacheStore((IOutputCacheStore)factory(sp)));
    }
}
