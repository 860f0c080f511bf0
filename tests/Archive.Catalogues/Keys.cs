using System.Security.Cryptography;
using System.Text;

namespace Archive.Catalogues;

/// Deterministic keys: the same name always gives the same GUID, so regenerated files do not churn.
public static class Keys
{
    public static Guid For(string name) => new(MD5.HashData(Encoding.UTF8.GetBytes("archive:" + name)));

    /// Umbraco's language keys are a hash of the culture code in the first group, zeros elsewhere.
    public static Guid ForLanguage(string iso)
    {
        var hash = MD5.HashData(Encoding.UTF8.GetBytes(iso.ToLowerInvariant()));
        return new Guid(BitConverter.ToInt32(hash, 0), 0, 0, new byte[8]);
    }
}
