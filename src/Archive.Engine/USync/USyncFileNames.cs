using System.Text;
using Archive.Engine.Segments;

namespace Archive.Engine.USync;

/// uSync's flat file names: a safe form of the alias or name, with a suffix when two items clash.
public static class USyncFileNames
{
    public static string ForAlias(string alias) => Safe(alias.ToLowerInvariant(), keepCase: false);

    public static string ForDataType(string name) => new(name.Where(char.IsLetterOrDigit).ToArray());

    public static string ForNode(string name) => UrlSegment.From(name) is { Length: > 0 } segment ? segment : "item";

    /// uSync adds "_" and eight random characters to a clashing name; deriving them from the key
    /// keeps exports stable across runs.
    public static string WithSuffix(string name, Guid key)
    {
        const string alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
        var bytes = key.ToByteArray();
        var suffix = new StringBuilder(8);
        for (var i = 0; i < 8; i++)
            suffix.Append(alphabet[bytes[i] % alphabet.Length]);
        return $"{name}_{suffix}";
    }

    /// uSync's name-based node path segment ("Join the community" → "JoinTheCommunity").
    public static string SafeAlias(string name)
    {
        var ascii = UrlSegment.From(name);
        var startsWithDigit = ascii.Length > 0 && char.IsDigit(ascii[0]);
        // Keep the original capitalisation of Latin names ("XML Sitemap" → "XMLSitemap").
        var words = (IsAsciiName(name) ? name : ascii).Split((char[])[' ', '-', '_', '.', ',', '\'', '(', ')', '/', '&', ':', '!', '?'], StringSplitOptions.RemoveEmptyEntries);
        var builder = new StringBuilder();
        foreach (var word in words)
        {
            var clean = new string(word.Where(char.IsAsciiLetterOrDigit).ToArray());
            if (clean.Length == 0)
                continue;
            builder.Append(char.ToUpperInvariant(clean[0])).Append(clean[1..]);
        }
        var alias = builder.ToString().TrimStart((char[])['0', '1', '2', '3', '4', '5', '6', '7', '8', '9']);
        if (startsWithDigit && alias.Length > 0)
            alias = char.ToLowerInvariant(alias[0]) + alias[1..];
        return alias;
    }

    private static bool IsAsciiName(string name) => name.All(c => c < 128);

    private static string Safe(string text, bool keepCase)
    {
        var builder = new StringBuilder();
        foreach (var c in text)
            builder.Append(char.IsLetterOrDigit(c) || c is '.' or '-' or '_' ? (keepCase ? c : char.ToLowerInvariant(c)) : '_');
        return builder.ToString();
    }
}
