namespace Archive.Media.Processing;

/// The images the public projection currently holds, as the host's published cache knows them.
public interface IPublicImages
{
    /// The store path of a public image, or null when it is no longer public (or not an image).
    string? PathOf(Guid key);
}
