using Strata.Core.Errors;
using Strata.Core.Secrets;

namespace Strata.Core.Sql;

/// <summary>
/// Splits a PostgreSQL script into statements where psql would: at each semicolon outside strings, quoted
/// identifiers, dollar quotes, comments, parentheses and <c>BEGIN ATOMIC ... END</c> routine bodies. One pass over
/// the text; only <see cref="SqlSyntaxException"/> is thrown for bad input.
/// </summary>
internal static class SqlSplitter
{
    private static readonly SqlSplitOptions DefaultOptions = new();

    /// <summary>Splits <paramref name="sql"/> into statements.</summary>
    /// <param name="sql">The script.</param>
    /// <param name="options">The file name and starting position of the text, for positions and errors.</param>
    /// <exception cref="SqlSyntaxException">
    /// The text ends inside a string, quoted identifier, dollar quote or block comment; or it contains a psql
    /// meta-command or <c>COPY ... FROM STDIN</c>.
    /// </exception>
    public static SqlScript Split(string sql, SqlSplitOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(sql);
        options ??= DefaultOptions;
        // Every script Strata runs or reads is split here first, before any of it reaches the server.
        SqlPasswordLiterals.Register(sql);
        var statements = new SqlSplitRun(sql, options).Run();
        return new SqlScript(sql, statements);
    }
}
