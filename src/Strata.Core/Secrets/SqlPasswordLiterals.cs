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

    /// <summary>
    /// Registers with <see cref="SecretRedactor"/> each password in <paramref name="sql"/> written in double quotes
    /// (<c>PASSWORD "..."</c>), which PostgreSQL refuses with an error that quotes it (<c>syntax error at or near
    /// "..."</c>) apart from its keyword: registered, it is masked there too. A password in a string literal is never
    /// quoted alone by the server, and is masked by its shape.
    /// </summary>
    public static void Register(string sql)
    {
        if (!sql.Contains("password", StringComparison.OrdinalIgnoreCase))
        {
            return;
        }

        foreach (Match match in Literal().Matches(sql))
        {
            if (match.Groups["quoted"].Success)
            {
                SecretRedactor.Register(match.Groups["quoted"].Value);
            }
        }
    }

    // PASSWORD, then any whitespace and comments, then a literal in each spelling PostgreSQL reads: '...' (quotes
    // doubled), E'...' (backslash escapes), U&'...', $$...$$ and $tag$...$tag$; or a double-quoted name, which
    // PostgreSQL refuses there but which is still the password someone meant. A literal that text cut short leaves
    // open (a 1000-character statement, pg_stat_activity's query) is masked to the end. The tag group may be empty so
    // that its back-reference always matches. A "password" key (JSON) is no keyword.
    [GeneratedRegex(
        """
        (?<key>(?<!")\bpassword(?:\s|--[^\r\n]*|/\*(?:[^*]|\*(?!/))*(?:\*/|\z))*)
        (?:[eE]'(?:[^'\\]|''|\\.)*(?:'|\z)
          |(?:[uU]&)?'(?:[^']|'')*(?:'|\z)
          |(?:[uU]&)?"(?<quoted>(?:[^"]|"")*)(?:"|\z)
          |\$(?<tag>(?:[A-Za-z_\u0080-\uFFFF][A-Za-z0-9_\u0080-\uFFFF]*)?)\$(?s:.*?)(?:\$\k<tag>\$|\z))
        """,
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.IgnorePatternWhitespace)]
    private static partial Regex Literal();
}
