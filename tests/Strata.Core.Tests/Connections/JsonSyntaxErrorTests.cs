using System.Text.Json;
using Strata.Core.Connections;

namespace Strata.Core.Tests.Connections;

/// <summary>Where and why a JSON text does not parse, said in words of ours and counted as an editor counts.</summary>
public sealed class JsonSyntaxErrorTests
{
    public static TheoryData<string, string> Cases => new()
    {
        { "{ \"migrationsDir\": \n", "at line 2, position 1: the text ends before the JSON does (a brace, bracket or quote is not closed, or a value is missing)" },
        { "{\"a\": [1, 2\n", "at line 2, position 1: the text ends before the JSON does (a brace, bracket or quote is not closed, or a value is missing)" },
        { "{\"a\": 1 \"b\": 2}", "at line 1, position 9: unexpected '\"'" },
        { "{\n  \"a\": 1,\n  b: 2\n}", "at line 3, position 3: unexpected 'b'" },
        // The runtime counts UTF-8 bytes, where "é" is two and the elephant four; an editor counts each as one character.
        { "{\"é\": 1, x}", "at line 1, position 10: unexpected 'x'" },
        { "[\"🐘\", x]", "at line 1, position 7: unexpected 'x'" },
        { "{\"a\": \"tab\there\"}", "at line 1, position 11: unexpected character U+0009" },
        { "{\"a\": 1} 🐘", "at line 1, position 10: unexpected '🐘'" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Says_where_and_why_in_words_of_ours(string json, string expected)
    {
        var error = Should.Throw<JsonException>(() => JsonDocument.Parse(json).Dispose());

        JsonSyntaxError.Describe(json, error).ShouldBe(expected);
    }
}
