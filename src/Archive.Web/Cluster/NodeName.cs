namespace Archive.Web.Cluster;

/// In a cluster every answer names the node that gave it (X-Archive-Node), for operators reading a load balancer's
/// logs and for tests that must know which node answered.
public static class NodeName
{
    public const string Header = "X-Archive-Node";

    public static IApplicationBuilder UseArchiveNodeName(this IApplicationBuilder app, Hosting.ClusterOptions cluster)
    {
        if (!cluster.Enabled)
            return app;
        var name = cluster.EffectiveNodeName;
        return app.Use((context, next) =>
        {
            context.Response.Headers[Header] = name;
            return next(context);
        });
    }
}
