using System.Text.RegularExpressions;
using Strata.Core.Secrets;

namespace Strata.Cli.Output;

/// <summary>
/// A migration statement made fit to show: registered secrets and connection-string passwords removed, SQL password
/// literals (<c>CREATE ROLE ... PASSWORD '...'</c>) masked, and long text shortened.
/// </summary>
internal static partial class StatementText
{
    private const int MaxLength = 1000;

    public static string? Redact(string? statement)
    {
        if (string.IsNullOrWhiteSpace(statement))
        {
            return null;
        }

        var text = SqlPassword().Replace(statement.Trim(), m => m.Groups["key"].Value + "'" + SecretRedactor.Mask + "'");
        text = SecretRedactor.Redact(text);
        return text.Length <= MaxLength ? text : text[..(MaxLength - 1)] + "…";
    }

    // PASSWORD 'literal' (also ENCRYPTED PASSWORD and E'...' strings), the one place plain SQL carries a password.
    [GeneratedRegex(@"(?<key>\bpassword\s+)[eE]?'(?:[^']|'')*'", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SqlPassword();
}
