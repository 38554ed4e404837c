using System.CommandLine.Parsing;
using System.Globalization;

namespace Strata.Cli.Hosting;

/// <summary>
/// Parses a whole-number flag with an error of ours: System.CommandLine's own names the CLR type
/// (<c>System.Nullable`1</c>), which means nothing to the person typing the command.
/// </summary>
internal static class WholeNumberParser
{
    public static Func<ArgumentResult, int?> For(string flag) => result =>
    {
        var text = result.Tokens.Count > 0 ? result.Tokens[^1].Value : string.Empty;
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        result.AddError($"{flag} takes a whole number such as 3, not '{text}'");
        return null;
    };
}
