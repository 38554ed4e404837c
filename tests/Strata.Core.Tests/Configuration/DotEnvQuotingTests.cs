using Strata.Core.Configuration;
using Strata.Core.Errors;

namespace Strata.Core.Tests.Configuration;

public sealed class DotEnvQuotingTests
{
    [Theory]
    [InlineData("A=\"say \\\"hi\\\"\"", "say \"hi\"")]
    [InlineData("A=\"back\\\\slash\"", "back\\slash")]
    [InlineData("A=\"two\\nlines\"", "two\nlines")]
    [InlineData("A=\"keep \\t as written\"", "keep \\t as written")]
    [InlineData("A=\"ends with a quote\\\"\" # comment", "ends with a quote\"")]
    [InlineData("A='single \\\" stays'", "single \\\" stays")]
    [InlineData("A=plain # comment", "plain")]
    public void Reads_escapes_inside_double_quotes_as_dotenv_does(string line, string expected)
    {
        var variables = DotEnvFile.Parse(line + "\n", ".env");

        variables.ShouldHaveSingleItem().Value.ShouldBe(expected);
    }

    [Theory]
    [InlineData("A=\"open \\\"")]
    [InlineData("A=\"never closed")]
    [InlineData("A='never closed")]
    public void An_unclosed_quote_is_an_error_naming_the_line_not_the_value(string line)
    {
        var error = Should.Throw<ConfigurationException>(() => DotEnvFile.Parse("# first\n" + line + "\n", ".env"));

        error.Message.ShouldStartWith(".env:2: the value's closing");
        error.Message.ShouldNotContain("closed");
    }
}
