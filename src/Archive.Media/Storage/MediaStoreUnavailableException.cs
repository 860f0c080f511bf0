namespace Archive.Media.Storage;

/// The media store cannot be reached (network, service down, throttled). Nothing was written; the
/// same operation can be retried later.
public sealed class MediaStoreUnavailableException(string message, Exception inner) : Exception(message, inner);
