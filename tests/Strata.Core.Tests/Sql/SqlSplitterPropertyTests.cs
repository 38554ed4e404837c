using System.Text;
using Strata.Core.Errors;
using Strata.Core.Sql;

namespace Strata.Core.Tests.Sql;

public sealed class SqlSplitterPropertyTests
{
    private const int CasesPerSeed = 500;

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    public void Splits_generated_scripts_into_exactly_the_statements_they_were_built_from(int seed)
    {
        var generator = new SqlScriptGenerator(seed);
        for (var i = 0; i < CasesPerSeed; i++)
        {
            var (text, expected) = generator.Next();

            var script = SqlSplitter.Split(text);

            script.Statements.Select(s => (s.Offset, s.Text)).ShouldBe(expected, Describe(seed, i, text));
            AssertInvariants(text, script);
        }
    }

    [Theory]
    [InlineData(11)]
    [InlineData(12)]
    public void A_split_statement_splits_again_into_itself(int seed)
    {
        var generator = new SqlScriptGenerator(seed);
        for (var i = 0; i < CasesPerSeed; i++)
        {
            var (text, _) = generator.Next();

            foreach (var statement in SqlSplitter.Split(text).Statements)
            {
                SqlSplitter.Split(statement.Text).Statements.Select(s => s.Text).ShouldBe([statement.Text], Describe(seed, i, text));
            }
        }
    }

    [Theory]
    [InlineData(21)]
    [InlineData(22)]
    [InlineData(23)]
    [InlineData(24)]
    public void Mutated_scripts_only_ever_fail_with_a_syntax_error(int seed)
    {
        var generator = new SqlScriptGenerator(seed);
        var random = new Random(seed);
        for (var i = 0; i < CasesPerSeed; i++)
        {
            var text = Mutate(generator.Next().Text, random);
            SplitOrSyntaxError(text, Describe(seed, i, text));
        }
    }

    [Theory]
    [InlineData(31)]
    [InlineData(32)]
    [InlineData(33)]
    [InlineData(34)]
    public void Random_character_soup_only_ever_fails_with_a_syntax_error(int seed)
    {
        var random = new Random(seed);
        const string alphabet = "';\"$-/*\\()eEuU&_ab1\n\r\t ";
        for (var i = 0; i < CasesPerSeed; i++)
        {
            var builder = new StringBuilder();
            for (var n = random.Next(0, 60); n > 0; n--)
            {
                builder.Append(random.Next(8) == 0 ? (char)random.Next(0, 0x10000) : alphabet[random.Next(alphabet.Length)]);
            }

            var text = builder.ToString();
            SplitOrSyntaxError(text, Describe(seed, i, text));
        }
    }

    private static void SplitOrSyntaxError(string text, string description)
    {
        SqlScript script;
        try
        {
            script = SqlSplitter.Split(text, new SqlSplitOptions { FileName = "fuzz.sql" });
        }
        catch (SqlSyntaxException error)
        {
            error.Message.ShouldStartWith($"fuzz.sql:{error.Line}:{error.Column}: ", customMessage: description);
            return;
        }

        AssertInvariants(text, script);
    }

    private static void AssertInvariants(string text, SqlScript script)
    {
        string.Concat(script.Segments.Select(s => s.Text)).ShouldBe(text);
        script.Segments.Where(s => s.Kind == SqlSegmentKind.Statement).Select(s => s.Text)
            .ShouldBe(script.Statements.Select(s => s.Text));
        foreach (var statement in script.Statements)
        {
            text.Substring(statement.Offset, statement.Text.Length).ShouldBe(statement.Text);
            (statement.Line, statement.Column).ShouldBe(ExpectedPosition(text, statement.Offset));
            " \t\n\r\f\v".ShouldNotContain(statement.Text[0]);
            statement.Text.ShouldNotStartWith("--");
            statement.Text.ShouldNotStartWith("/*");
            statement.Text.ShouldNotBe(";");
        }
    }

    // Counted independently of the splitter: normalize line breaks, then count lines and the code points after the last.
    private static (int Line, int Column) ExpectedPosition(string text, int offset)
    {
        var prefix = text[..offset].Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');
        var lastBreak = prefix.LastIndexOf('\n');
        var line = prefix.Count(c => c == '\n') + 1;
        return (line, prefix[(lastBreak + 1)..].EnumerateRunes().Count() + 1);
    }

    private static string Mutate(string text, Random random)
    {
        const string inserts = "';\"$\\*/-(\n";
        var builder = new StringBuilder(text);
        for (var n = random.Next(1, 4); n > 0; n--)
        {
            var at = random.Next(builder.Length + 1);
            if (random.Next(2) == 0 && at < builder.Length)
            {
                builder.Remove(at, 1);
            }
            else
            {
                builder.Insert(at, inserts[random.Next(inserts.Length)]);
            }
        }

        return builder.ToString();
    }

    private static string Describe(int seed, int index, string text) =>
        $"seed {seed}, case {index}: {text.Replace("\r", "\\r", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal)}";
}
