using System.Text.RegularExpressions;

namespace Strata.Core.Secrets;

/// <summary>
/// Masks the literal after <c>PASSWORD</c> in SQL (<c>CREATE ROLE r PASSWORD '...'</c>, <c>ALTER ROLE ... ENCRYPTED
/// PASSWORD E'...'</c>), the one place plain SQL carries a password. Part of <see cref="SecretRedactor.Redact"/>, so
/// every path that shows SQL (an error's statement, logged commands, the sessions list) masks it alike.
/// </summary>
internal static partial class SqlPasswordLiterals
{
    /// <summary>Returns <paramref name="text"/> with each password literal replaced by <c>'********'</c>.</summary>
    public static string Mask(string text) =>
        Literal().Replace(text, m => m.Groups["key"].Value + "'" + SecretRedactor.Mask + "'");

    [GeneratedRegex(@"(?<key>\bpassword\s+)[eE]?'(?:[^']|'')*'", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Literal();
}
