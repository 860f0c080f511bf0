using System.Diagnostics;
using System.Globalization;
using Archive.Media.Iiif;
using Archive.Media.Imaging;
using Archive.Media.Metadata;
using Archive.Media.Storage;
using Archive.Media.Uploads;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Logging;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Tiff;
using SixLabors.ImageSharp.Formats.Tiff.Constants;
using SixLabors.ImageSharp.Formats.Webp;
using SixLabors.ImageSharp.PixelFormats;
using SixLabors.ImageSharp.Processing;

namespace Archive.Benchmarks;

/// Media figures, each beside a baseline in the same run: a 24-megapixel JPEG made into a 1200-px
/// WebP by ImageSharp and by libvips ("vips thumbnail"); a cached derivative served by the archive
/// and the same bytes served by Kestrel's static files (wrk); peak memory of a 100-megapixel TIFF
/// upload with its tile pyramid (in a process of its own).
public static class MediaBenchmark
{
    public static async Task<int> RunAsync(int runs, int seconds)
    {
        if (!File.Exists("/usr/bin/vips") || !File.Exists("/usr/bin/time") || !File.Exists("/usr/bin/wrk"))
            throw new InvalidOperationException("vips, /usr/bin/time and wrk are needed (apt-get install -y libvips-tools time wrk).");
        var work = Directory.CreateTempSubdirectory("archive-bench-media").FullName;
        try
        {
            var photo = Path.Combine(work, "photo.jpg");
            Photograph(6000, 4000).SaveAsJpeg(photo, new SixLabors.ImageSharp.Formats.Jpeg.JpegEncoder { Quality = 90 });
            Console.WriteLine($"24-megapixel JPEG (6000×4000, {new FileInfo(photo).Length / 1e6:F1} MB) → 1200-px-wide WebP, quality {ImageRenderer.DefaultQuality}, {runs} runs each:");
            await ThumbnailsAsync(photo, work, runs);
            await ServingAsync(photo, work, seconds);
            await PyramidAsync(work);
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
        return 0;
    }

    /// A photograph-like image: smooth light, texture at the scale of 5-pixel blocks (which survives
    /// downscaling, as real detail does) and fine grain, so it compresses like a real one.
    private static Image<Rgb24> Photograph(int width, int height)
    {
        var image = new Image<Rgb24>(width, height);
        var random = new Random(11);
        image.ProcessPixelRows(rows =>
        {
            for (var y = 0; y < rows.Height; y++)
            {
                var row = rows.GetRowSpan(y);
                for (var x = 0; x < row.Length; x++)
                {
                    var texture = (int)((uint)((x / 5) * 73856093 ^ (y / 5) * 19349663) % 41) - 20;
                    var grain = random.Next(-8, 9) + texture;
                    row[x] = new Rgb24((byte)Math.Clamp(x * 200 / width + grain + 30, 0, 255), (byte)Math.Clamp(y * 180 / height + grain + 40, 0, 255),
                        (byte)Math.Clamp((x + y) * 120 / (width + height) + grain + 60, 0, 255));
                }
            }
        });
        return image;
    }

    private static async Task ThumbnailsAsync(string photo, string work, int runs)
    {
        var sharp = new List<double>();
        for (var i = 0; i <= runs; i++)
        {
            var timer = Stopwatch.StartNew();
            await using (var output = File.Create(Path.Combine(work, "sharp.webp")))
            await using (var input = File.OpenRead(photo))
                await ImageRenderer.RenderAsync(input, "jpg", new ImageCommands { Width = 1200, Format = OutputFormat.Webp }, output);
            if (i > 0) // the first run warms the JIT
                sharp.Add(timer.Elapsed.TotalMilliseconds);
        }
        var vips = new List<double>();
        long vipsPeak = 0;
        for (var i = 0; i <= runs; i++)
        {
            var (elapsed, peak) = await TimedAsync("/usr/bin/vips", ["thumbnail", photo, Path.Combine(work, $"vips.webp[Q={ImageRenderer.DefaultQuality}]"), "1200"]);
            if (i > 0)
                vips.Add(elapsed);
            vipsPeak = Math.Max(vipsPeak, peak);
        }
        // ImageSharp's peak, like vips's, in a process of its own.
        var (_, sharpPeak) = await TimedAsync("dotnet", [typeof(MediaBenchmark).Assembly.Location, "media-thumbnail", photo, Path.Combine(work, "child.webp")]);
        var (sharpMedian, vipsMedian) = (Stats.Percentile(sharp, 50), Stats.Percentile(vips, 50));
        Console.WriteLine($"  ImageSharp {sharpMedian:N0} ms (median, warm, in process), peak resident {Stats.Mb(sharpPeak)} (own process, runtime included); " +
                          $"vips thumbnail {vipsMedian:N0} ms (median, process), peak resident {Stats.Mb(vipsPeak)} → ImageSharp takes {sharpMedian / vipsMedian:F1}× the time of libvips (target ≤ 5×)");
        EncoderMethods(photo, runs);
    }

    /// The WebP step alone, the archive's encoder beside the encoder's default method (the baseline): time and bytes.
    private static void EncoderMethods(string photo, int runs)
    {
        using var image = Image.Load<Rgb24>(photo);
        image.Mutate(x => x.Resize(1200, 0));
        (double Ms, long Bytes) Encode(SixLabors.ImageSharp.Formats.IImageEncoder encoder)
        {
            var times = new List<double>();
            long bytes = 0;
            for (var i = 0; i <= runs; i++)
            {
                using var output = new MemoryStream();
                var timer = Stopwatch.StartNew();
                image.Save(output, encoder);
                if (i > 0)
                    times.Add(timer.Elapsed.TotalMilliseconds);
                bytes = output.Length;
            }
            return (Stats.Percentile(times, 50), bytes);
        }
        var archive = Encode(ImageRenderer.Encoder(OutputFormat.Webp, null));
        var baseline = Encode(new WebpEncoder { Quality = ImageRenderer.DefaultQuality, FileFormat = WebpFileFormatType.Lossy });
        Console.WriteLine($"  WebP encoding of the 1200-px image: the archive's method {archive.Ms:N0} ms, {archive.Bytes / 1024.0:N0} KB; " +
                          $"the encoder's default method (baseline) {baseline.Ms:N0} ms, {baseline.Bytes / 1024.0:N0} KB → {archive.Ms / baseline.Ms:F2}× the time, {(double)archive.Bytes / baseline.Bytes:F3}× the bytes");
    }

    /// The child step: one conversion, for a clean peak-memory figure.
    public static async Task<int> ThumbnailOnceAsync(string input, string output)
    {
        await using var source = File.OpenRead(input);
        await using var target = File.Create(output);
        await ImageRenderer.RenderAsync(source, "jpg", new ImageCommands { Width = 1200, Format = OutputFormat.Webp }, target);
        return 0;
    }

    private static async Task ServingAsync(string photo, string work, int seconds)
    {
        var dataPath = Path.Combine(work, "data");
        Directory.CreateDirectory(dataPath);
        // /media serves only the files of public media items: the photograph takes the place of a public demo image's
        // file, and the host imports the demo catalogue with it.
        var root = DeliveryBenchmark.RepositoryRoot();
        var mediaSource = Path.Combine(work, "media-source");
        foreach (var file in Directory.GetFiles(Path.Combine(root, "media"), "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(Path.Combine(root, "media"), file);
            if (!relative.StartsWith("demo", StringComparison.Ordinal))
                continue;
            Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(mediaSource, relative))!);
            File.Copy(file, Path.Combine(mediaSource, relative));
        }
        const string stored = "demo0001/an-edition-of-eugene-onegin.jpg";
        File.Copy(photo, Path.Combine(mediaSource, stored), overwrite: true);
        var port = DeliveryBenchmark.FreePort();
        var baseUrl = $"http://127.0.0.1:{port}";
        using var host = DeliveryBenchmark.StartHost(dataPath, $"Data Source={Path.Combine(dataPath, "archive.db")}", port, outputCache: false, new Dictionary<string, string>
        {
            ["Archive__USync__Folder"] = Path.Combine(root, "uSync", "v17"),
            ["Archive__USync__MediaFolder"] = mediaSource,
            ["Archive__USync__ImportContent"] = "true",
        });
        try
        {
            using var http = new HttpClient { Timeout = TimeSpan.FromMinutes(2) };
            await DeliveryBenchmark.WaitAsync(http, $"{baseUrl}/health/ready", TimeSpan.FromMinutes(5));
            const string path = "/media/" + stored + "?width=1200&format=webp";
            var timer = Stopwatch.StartNew();
            var bytes = await http.GetByteArrayAsync(baseUrl + path);
            var first = timer.Elapsed.TotalMilliseconds;

            var statics = Path.Combine(work, "static");
            Directory.CreateDirectory(statics);
            await File.WriteAllBytesAsync(Path.Combine(statics, "photo.webp"), bytes);
            var builder = WebApplication.CreateSlimBuilder();
            builder.Logging.ClearProviders();
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            await using var app = builder.Build();
            app.UseStaticFiles(new StaticFileOptions { FileProvider = new PhysicalFileProvider(statics) });
            await app.StartAsync();

            await DeliveryBenchmark.Wrk(app.Urls.First(), ["/photo.webp"], 3);
            await DeliveryBenchmark.Wrk(baseUrl, [path], 3);
            var baseline = await DeliveryBenchmark.Wrk(app.Urls.First(), ["/photo.webp"], seconds);
            var served = await DeliveryBenchmark.Wrk(baseUrl, [path], seconds);
            await app.StopAsync();
            Console.WriteLine($"Cached derivative ({bytes.Length / 1024.0:N0} KB WebP; made on the first request in {first:N0} ms): {served.RequestsPerSecond:N0} req/s, p99 {served.P99:F2} ms; " +
                              $"Kestrel static file with the same bytes {baseline.RequestsPerSecond:N0} req/s, p99 {baseline.P99:F2} ms → {served.RequestsPerSecond / baseline.RequestsPerSecond:P0} (target ≥ 50 %)");
        }
        finally
        {
            host.Kill(entireProcessTree: true);
            await host.WaitForExitAsync();
        }
    }

    private static async Task PyramidAsync(string work)
    {
        var scan = Path.Combine(work, "scan.tif");
        using (var image = Photograph(12240, 8170))
            await image.SaveAsync(scan, new TiffEncoder { Compression = TiffCompression.None, BitsPerPixel = TiffBitsPerPixel.Bit24 });
        GC.Collect();
        var (elapsed, peak) = await TimedAsync("dotnet", [typeof(MediaBenchmark).Assembly.Location, "media-pyramid", scan, Path.Combine(work, "store")]);
        Console.WriteLine($"100-megapixel TIFF (12240×8170, {new FileInfo(scan).Length / 1e6:F0} MB, uncompressed): upload (inspect, hash, store) and tile pyramid in {elapsed / 1000:F1} s, " +
                          $"peak resident {Stats.Mb(peak)} for the whole process (target < 1.5 GB)");
    }

    /// The child step: an upload's inspection and storage, then its pyramid, as the archive does them.
    public static async Task<int> PyramidOnceAsync(string scan, string storeFolder)
    {
        var store = new FileSystemMediaStore(storeFolder);
        var timer = Stopwatch.StartNew();
        await using var upload = await new UploadInspector(1L << 30).InspectAsync(File.OpenRead(scan));
        if (upload.Problem != UploadProblem.None)
            throw new InvalidOperationException(upload.Detail);
        var path = MediaPath.ForUpload("scan.tif");
        await using (var bytes = upload.OpenRead())
            await store.WriteAsync(path, bytes, "image/tiff");
        var stored = timer.Elapsed;
        var info = await new TilePyramids(store).BuildAsync(path, upload.Sha256);
        Console.WriteLine($"  stored in {stored.TotalSeconds:F1} s; pyramid of {info.Levels} levels in {(timer.Elapsed - stored).TotalSeconds:F1} s");
        return 0;
    }

    /// Wall time (ms) and peak resident memory (bytes) of a child process, by GNU time.
    private static async Task<(double Milliseconds, long PeakBytes)> TimedAsync(string program, IEnumerable<string> arguments)
    {
        var report = Path.GetTempFileName();
        var start = new ProcessStartInfo("/usr/bin/time") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "-f", "%e %M", "-o", report, program }.Concat(arguments))
            start.ArgumentList.Add(argument);
        var timer = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        var elapsed = timer.Elapsed.TotalMilliseconds;
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{program} failed: {await errors}");
        var text = await output;
        if (text.Length > 0)
            Console.Write(text);
        var parts = (await File.ReadAllTextAsync(report)).Trim().Split(' ');
        File.Delete(report);
        return (elapsed, long.Parse(parts[1], CultureInfo.InvariantCulture) * 1024);
    }
}
