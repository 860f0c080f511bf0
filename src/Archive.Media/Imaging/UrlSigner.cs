using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;

namespace Archive.Media.Imaging;

/// HMAC signatures for image URLs, computed as ImageSharp.Web (and so Umbraco) computes them:
/// HMAC-SHA256 over the lower-cased relative URL carrying only the image commands, in request
/// order, hex-encoded in lower case, sent as "hmac".
public static class UrlSigner
{
    public const string TokenCommand = "hmac";

    public static string Sign(string path, IEnumerable<KeyValuePair<string, string?>> query, byte[] secret)
    {
        var commands = query.Where(p => ImageCommands.IsCommand(p.Key)).ToList();
        var builder = new StringBuilder(path);
        for (var i = 0; i < commands.Count; i++)
            builder.Append(i == 0 ? '?' : '&').Append(UrlEncoder.Default.Encode(commands[i].Key)).Append('=').Append(UrlEncoder.Default.Encode(commands[i].Value ?? ""));
        var hash = HMACSHA256.HashData(secret, Encoding.UTF8.GetBytes(builder.ToString().ToLowerInvariant()));
        return Convert.ToHexString(hash).ToLowerInvariant();
    }

    public static bool Verify(string path, IEnumerable<KeyValuePair<string, string?>> query, string? token, byte[] secret)
    {
        if (string.IsNullOrEmpty(token))
            return false;
        var expected = Encoding.ASCII.GetBytes(Sign(path, query, secret));
        return CryptographicOperations.FixedTimeEquals(expected, Encoding.ASCII.GetBytes(token.ToLowerInvariant()));
    }
}
