using Strata.Core.Secrets;

namespace Strata.Cli.Output;

/// <summary>
/// A migration statement made fit to show: registered secrets and connection-string passwords removed, SQL password
/// literals (<c>CREATE ROLE ... PASSWORD '...'</c>) masked, and long text shortened.
/// </summary>
internal static class StatementText
{
    private const int MaxLength = 1000;

    public static string? Redact(string? statement)
    {
        if (string.IsNullOrWhiteSpace(statement))
        {
            return null;
        }

        var text = SecretRedactor.Redact(statement.Trim());
        return text.Length <= MaxLength ? text : text[..(MaxLength - 1)] + "…";
    }
}
