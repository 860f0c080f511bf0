namespace Archive.Media.Imaging;

/// Umbraco's "Umbraco:CMS:Imaging" settings, with the same names and defaults.
public sealed class ImagingSettings
{
    public const string Section = "Umbraco:CMS:Imaging";

    public ResizeSettings Resize { get; set; } = new();
    public CacheSettings Cache { get; set; } = new();

    /// When set (base64, as Umbraco binds a byte array), only URLs signed with it are processed.
    public string? HMACSecretKey { get; set; }

    public byte[] Secret => string.IsNullOrWhiteSpace(HMACSecretKey) ? [] : Convert.FromBase64String(HMACSecretKey);

    public sealed class ResizeSettings
    {
        public int MaxWidth { get; set; } = 5000;
        public int MaxHeight { get; set; } = 5000;
    }

    public sealed class CacheSettings
    {
        public TimeSpan BrowserMaxAge { get; set; } = TimeSpan.FromDays(7);
    }
}
