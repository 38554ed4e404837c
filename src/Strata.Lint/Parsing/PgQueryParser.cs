using System.Buffers;
using System.Text.Json;
using Strata.Core.Errors;
using Strata.Core.Sql;

namespace Strata.Lint.Parsing;

/// <summary>Parses statements with PostgreSQL's own grammar through libpg_query.</summary>
internal static class PgQueryParser
{
    /// <summary>The message when libpg_query cannot be loaded; the install line matches scripts/prereqs.sh.</summary>
    internal const string MissingMessage =
        "strata lint needs libpg_query (PostgreSQL's parser as a library), which is not installed: " +
        "on Debian or Ubuntu run 'sudo apt-get install libpg-query1504.0', or run scripts/prereqs.sh";

    private static readonly Lazy<int> Grammar = new(ReadGrammarVersion);

    /// <summary>Fails with <see cref="PrerequisiteMissingException"/> now when the library cannot be loaded.</summary>
    public static void EnsureAvailable() => _ = Grammar.Value;

    /// <summary>The PostgreSQL major version whose grammar the installed libpg_query carries (15 for libpg-query1504.0).</summary>
    public static int GrammarVersion => Grammar.Value;

    /// <summary>Parses one statement split by our splitter.</summary>
    /// <exception cref="SqlSyntaxException">PostgreSQL's grammar rejects the statement.</exception>
    /// <exception cref="PrerequisiteMissingException">libpg_query is not installed.</exception>
    public static ParsedStatement Parse(SqlStatement statement, string? fileName)
    {
        ArgumentNullException.ThrowIfNull(statement);
        var (json, length, error, cursor) = Call(statement.Text);
        if (error is not null)
        {
            // Unlike the tree's locations (byte offsets), the error's cursor counts characters, as the server's does.
            var (line, column) = statement.LocationOf(cursor);
            var where = fileName is null ? $"line {line}, column {column}" : $"{fileName}:{line}:{column}";
            throw new SqlSyntaxException(
                $"{where}: {error} (rejected by the PostgreSQL {GrammarVersion} grammar strata lint parses with)", fileName, line, column);
        }

        var node = ReadTree(json!, length, root =>
        {
            var statements = root.Field("stmts"u8);
            var first = statements.ValueKind == JsonValueKind.Array && statements.GetArrayLength() > 0
                ? statements[0].Field("stmt"u8)
                : default;
            return first.ValueKind == JsonValueKind.Object ? ParseTreeReader.Read(first, statement.Text) : new OtherNode("");
        });
        return new ParsedStatement(statement, node);
    }

    private static int ReadGrammarVersion()
    {
        var (json, length, _, _) = Call("SELECT 1");
        return ReadTree(json!, length, static root => root.Number("version"u8) / 10000);
    }

    // The reader sees the tree only while the document lives; what it returns holds strings, no JSON, so the buffer
    // goes back to the pool after it.
    private static T ReadTree<T>(byte[] json, int length, Func<JsonElement, T> read)
    {
        try
        {
            using var document = JsonDocument.Parse(json.AsMemory(0, length));
            return read(document.RootElement);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(json);
        }
    }

    private static (byte[]? Json, int JsonLength, string? Error, int Cursor) Call(string sql)
    {
        try
        {
            return PgQueryNative.Parse(sql);
        }
        catch (Exception exception) when (exception is DllNotFoundException or EntryPointNotFoundException or TypeInitializationException)
        {
            throw new PrerequisiteMissingException(MissingMessage, exception);
        }
    }
}
