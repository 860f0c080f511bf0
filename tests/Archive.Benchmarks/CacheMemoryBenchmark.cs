using System.Diagnostics;
using Archive.Delivery.Cache;
using Archive.Engine.Schema;

namespace Archive.Benchmarks;

/// What the published cache costs in memory per item, read from a cache file a host kept (`published-cache.bin` of a
/// delivery run's folder): the managed heap before and after the load, the compressed values' share of it beside the
/// maps', and the file's read and the maps' build, timed apart. No host and no database, so the figure is the cache's
/// alone; run it on two builds with the same file to compare them.
public static class CacheMemoryBenchmark
{
    public static int Run(string file)
    {
        var baseline = Heap();
        var watch = Stopwatch.StartNew();
        PublishedCache cache;
        long packed;
        int count;
        using (var opened = CacheSnapshotFile.Open(file) ?? throw new InvalidOperationException($"{file} is not a published cache file of this version."))
        {
            var (nodes, codec) = opened.ReadNodes();
            var read = watch.Elapsed;
            cache = new PublishedCache();
            cache.Load(nodes, SchemaSnapshot.Empty, codec);
            Console.WriteLine($"{nodes.Count:N0} items from {new FileInfo(file).Length / 1048576.0:N0} MB: read in {read.TotalSeconds:F1} s, maps built in {(watch.Elapsed - read).TotalSeconds:F1} s");
            packed = nodes.Sum(n => (long)n.PackedSize);
            count = nodes.Count;
        }
        var held = Heap() - baseline;
        Console.WriteLine($"Managed heap held by the cache: {held / 1048576.0:N0} MB, {held / (double)count:N0} bytes an item; " +
                          $"of which the compressed values {packed / 1048576.0:N0} MB ({packed / (double)count:N0} bytes an item), the rest ({(held - packed) / (double)count:N0} bytes an item) " +
                          "the items' other members, cultures, and the maps by key, route, parent, type, file and reference");
        GC.KeepAlive(cache);
        return 0;
    }

    private static long Heap()
    {
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        return GC.GetTotalMemory(forceFullCollection: true);
    }
}
