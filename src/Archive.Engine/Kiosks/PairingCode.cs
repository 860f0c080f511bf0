using System.Security.Cryptography;

namespace Archive.Engine.Kiosks;

/// The one-time code an unpaired screen shows and a curator types: eight letters and digits from an alphabet without
/// look-alikes (no 0/O, 1/I/L), shown as two groups ("K7QM-4XRT"). Typed codes are read loosely: case, spaces and dashes
/// do not matter.
public static class PairingCode
{
    public const string Alphabet = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
    public const int Length = 8;

    public static string New()
    {
        Span<char> code = stackalloc char[Length];
        for (var i = 0; i < Length; i++)
            code[i] = Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)];
        return new string(code);
    }

    /// The code as stored (upper case, no separators), or null when it cannot be one.
    public static string? Normalize(string? typed)
    {
        if (typed is null)
            return null;
        var letters = new string(typed.Where(c => !char.IsWhiteSpace(c) && c != '-').Select(char.ToUpperInvariant).ToArray());
        return letters.Length == Length && letters.All(c => Alphabet.Contains(c)) ? letters : null;
    }

    public static string Display(string code) => code.Length == Length ? $"{code[..4]}-{code[4..]}" : code;

    /// A secret for a screen or a device: 32 random bytes, URL-safe.
    public static string NewSecret() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// What is stored of a secret.
    public static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(secret)));
}
