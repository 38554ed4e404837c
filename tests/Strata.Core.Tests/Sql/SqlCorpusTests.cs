using System.Globalization;
using Npgsql;
using Strata.Core.Sql;
using Strata.Testing;

namespace Strata.Core.Tests.Sql;

public sealed class SqlCorpusTests
{
    private static readonly string CorpusDirectory = Path.Combine(AppContext.BaseDirectory, "Sql", "Corpus");

    public static TheoryData<string> Files => new(Directory.GetFiles(CorpusDirectory, "*.sql").Select(Path.GetFileName).Order()!);

    [Theory]
    [MemberData(nameof(Files))]
    public void Splits_each_corpus_file_into_its_expected_number_of_statements(string file)
    {
        var text = File.ReadAllText(Path.Combine(CorpusDirectory, file));

        var script = SqlSplitter.Split(text, new SqlSplitOptions { FileName = file });

        script.Statements.Count.ShouldBe(ExpectedCount(text), file);
        string.Concat(script.Segments.Select(s => s.Text)).ShouldBe(text);
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Splits_each_corpus_file_the_same_with_CRLF_line_endings(string file)
    {
        var text = File.ReadAllText(Path.Combine(CorpusDirectory, file));
        var crlf = text.Replace("\n", "\r\n", StringComparison.Ordinal);

        var lf = SqlSplitter.Split(text).Statements;
        var split = SqlSplitter.Split(crlf).Statements;

        split.Select(s => s.Text.Replace("\r\n", "\n", StringComparison.Ordinal)).ShouldBe(lf.Select(s => s.Text));
        split.Select(s => (s.Line, s.Column)).ShouldBe(lf.Select(s => (s.Line, s.Column)));
    }

    // The splitter's output must be what the server accepts: every statement of every file runs, in order, on its own.
    [Theory]
    [MemberData(nameof(Files))]
    public async Task Runs_every_statement_of_each_corpus_file_on_PostgreSQL(string file)
    {
        var text = await File.ReadAllTextAsync(Path.Combine(CorpusDirectory, file));
        await using var db = await TestPostgres.CreateDatabaseAsync();
        await using var connection = await db.DataSource.OpenConnectionAsync();

        foreach (var statement in SqlSplitter.Split(text, new SqlSplitOptions { FileName = file }).Statements)
        {
            // A batch command is sent as written; NpgsqlCommand would split it again at a BEGIN ATOMIC body's semicolons.
            await using var batch = new NpgsqlBatch(connection) { BatchCommands = { new NpgsqlBatchCommand(statement.Text) } };
            await batch.ExecuteNonQueryAsync();
        }
    }

    private static int ExpectedCount(string text)
    {
        var header = text[..text.IndexOf('\n', StringComparison.Ordinal)];
        header.ShouldStartWith("-- expect: ");
        return int.Parse(header.Split(' ')[2], CultureInfo.InvariantCulture);
    }
}
