using System.Buffers;
using System.Collections.Concurrent;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Strata.Core.Secrets;

/// <summary>
/// Removes secrets from text before it can reach output, logs or exception messages. Every place that loads a
/// password (URL, secret JSON, password file, password command) registers it here, so a message that quotes a
/// server error or a malformed input is still safe to print. Connection-string, URL and JSON shapes, and SQL password
/// literals (<c>PASSWORD '...'</c>), are scrubbed even when the secret was never registered.
/// </summary>
internal static partial class SecretRedactor
{
    /// <summary>The text that replaces a secret.</summary>
    public const string Mask = "********";

    private static readonly ConcurrentDictionary<string, byte> Secrets = new(StringComparer.Ordinal);

    // One vectorised pass over the text for either literal, where two case-insensitive searches compared it char by char.
    private static readonly SearchValues<string> PasswordKeyLiterals = SearchValues.Create(["pass", "pwd"], StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Remembers a secret for the life of the process so that <see cref="Redact"/> removes it, in its plain,
    /// percent-encoded and JSON-escaped spellings.
    /// </summary>
    public static void Register(string? secret)
    {
        // Very short values would mask ordinary words; they are still removed by the shape-based rules below.
        if (string.IsNullOrEmpty(secret) || secret.Length < 4)
        {
            return;
        }

        Secrets.TryAdd(secret, 0);
        Secrets.TryAdd(Uri.EscapeDataString(secret), 0);
        // JSON writers differ: the default encoder escapes quotes as \u0022, hand-written JSON uses \".
        Secrets.TryAdd(JsonEncodedText.Encode(secret).ToString(), 0);
        Secrets.TryAdd(JsonEncodedText.Encode(secret, JavaScriptEncoder.UnsafeRelaxedJsonEscaping).ToString(), 0);
    }

    /// <summary>
    /// Remembers the secret in a variable's value: the password of a database URL or keyword connection string when
    /// the value is one (its user, host and database stay readable in messages), else the whole value, such as a
    /// token or a webhook URL.
    /// </summary>
    public static void RegisterValue(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var databaseUrl = value.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase) || value.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase);
        var keywords = databaseUrl || !value.Contains("://", StringComparison.Ordinal) ? KeywordPassword().Matches(value) : null;
        if (!databaseUrl && keywords is not { Count: > 0 })
        {
            Register(value);
            return;
        }

        var urls = databaseUrl ? UrlPassword().Matches(value) : null;
        foreach (var password in (urls ?? Enumerable.Empty<Match>()).Concat(keywords ?? Enumerable.Empty<Match>()).Select(m => m.Groups["password"].Value))
        {
            Register(password);
            Register(password.Trim('\'', '"'));
            Register(Uri.UnescapeDataString(password));
        }
    }

    /// <summary>
    /// Returns <paramref name="text"/> with every registered secret and every URL, keyword, JSON or SQL password masked.
    /// </summary>
    public static string Redact(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return text ?? string.Empty;
        }

        var result = text;
        foreach (var secret in Secrets.Keys.OrderByDescending(s => s.Length))
        {
            result = result.Replace(secret, Mask, StringComparison.Ordinal);
        }

        // Each pattern needs a literal that most text lacks (a URL's "://", a password key's "pass" or "pwd"): looking
        // for it first skips scanning a long output (a status of 1,000 rows) with patterns that cannot match.
        if (result.Contains("://", StringComparison.Ordinal))
        {
            result = UrlPassword().Replace(result, m => m.Groups["head"].Value + Mask + "@");
        }

        if (result.AsSpan().ContainsAny(PasswordKeyLiterals))
        {
            result = JsonPassword().Replace(result, m => m.Groups["key"].Value + "\"" + Mask + "\"");
            result = KeywordPassword().Replace(result, m => m.Groups["key"].Value + Mask);
            result = SqlPasswordLiterals.Mask(result);
        }

        return result;
    }

    // scheme://user:password@  (the password runs to the last '@' before the host part)
    [GeneratedRegex(@"(?<head>[a-zA-Z][a-zA-Z0-9+.\-]*://[^:/?#@\s]*:)(?<password>[^\s/?#]*)@", RegexOptions.CultureInvariant)]
    private static partial Regex UrlPassword();

    // "password": "..." in JSON, with escaped quotes inside the value.
    [GeneratedRegex(@"(?<key>""(?i:password|pwd|pgpassword|db_password|sslpassword|ssl_password)""\s*:\s*)""(?:[^""\\]|\\.)*""", RegexOptions.CultureInvariant)]
    private static partial Regex JsonPassword();

    // Password=...; in keyword connection strings (also quoted values), PGPASSWORD=..., password: ... in text.
    [GeneratedRegex(
        @"(?<key>(?i:\b(?:ssl\s?password|password|pwd|pgpassword|db_password)\b)\s*[=:]\s*)(?!""?\*{8})(?<password>'(?:[^']|'')*'|""(?:[^""]|"""")*""|[^;\s""',}]+)",
        RegexOptions.CultureInvariant)]
    private static partial Regex KeywordPassword();
}
