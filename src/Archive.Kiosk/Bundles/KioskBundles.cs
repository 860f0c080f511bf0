using System.Collections.Concurrent;
using System.Text.Json;
using Archive.Delivery.Cache;
using Archive.Engine.Exhibitions;

namespace Archive.Kiosk.Bundles;

/// A built bundle and its JSON as sent.
public sealed record BuiltBundle(KioskBundle Bundle, byte[] Json)
{
    public string Version => Bundle.Version;
}

/// Every kiosk's current bundle, built on first use and again after any change to the published content (or when the
/// day changes: a loan may have ended); the screens' update streams wait on `ChangedAsync`.
public sealed class KioskBundles : IDisposable
{
    private readonly PublishedCache _cache;
    private readonly BundleBuilder _builder;
    private readonly TimeProvider _clock;
    // Per kiosk, the bundle of one generation of the published content, built once however many screens ask at once.
    private readonly ConcurrentDictionary<Guid, (long Generation, Lazy<BuiltBundle?> Built)> _built = new();
    private long _generation;
    private DateOnly _day;
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public KioskBundles(PublishedCache cache, BundleBuilder builder, TimeProvider clock)
    {
        _cache = cache;
        _builder = builder;
        _clock = clock;
        _day = ExhibitionDays.Today(clock);
        _cache.Changed += OnChanged;
        _cache.Reloaded += Invalidate;
    }

    private void OnChanged(IReadOnlyCollection<Guid> keys) => Invalidate();

    /// Any change may touch what a kiosk shows (an object, its loan, its media, a label, the kiosk itself): every
    /// bundle is built again when next asked for; one whose content did not change keeps its version.
    public void Invalidate()
    {
        Interlocked.Increment(ref _generation);
        Interlocked.Exchange(ref _changed, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
    }

    /// Completes at the next change of published content.
    public Task ChangedAsync => Volatile.Read(ref _changed).Task;

    /// The kiosk's current bundle (null: no such published kiosk).
    public BuiltBundle? Get(Guid kiosk)
    {
        var today = ExhibitionDays.Today(_clock);
        if (today != _day)
        {
            _day = today;
            Invalidate();
        }
        var generation = Interlocked.Read(ref _generation);
        var entry = _built.AddOrUpdate(kiosk, _ => Building(kiosk, generation), (_, known) => known.Generation == generation ? known : Building(kiosk, generation));
        return entry.Built.Value;
    }

    private (long, Lazy<BuiltBundle?>) Building(Guid kiosk, long generation) => (generation, new Lazy<BuiltBundle?>(() =>
        _builder.Build(kiosk) is { } bundle ? new BuiltBundle(bundle, JsonSerializer.SerializeToUtf8Bytes(bundle, BundleBuilder.Json)) : null));

    public void Dispose()
    {
        _cache.Changed -= OnChanged;
        _cache.Reloaded -= Invalidate;
    }
}
