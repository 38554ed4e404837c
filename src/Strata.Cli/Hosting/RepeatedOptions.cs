using System.CommandLine.Parsing;

namespace Strata.Cli.Hosting;

/// <summary>
/// Options given more than once. The parser would take the last of two switches without a word, and a script that
/// says <c>--env staging ... --env prod</c> has a mistake in it whichever one wins, so every repeat of a single-valued option is a usage error.
/// Options that take a list, such as <c>--migrations-dir</c>, are meant to be repeated and are not counted.
/// </summary>
internal static class RepeatedOptions
{
    public static IReadOnlyList<string> Find(ParseResult parse)
    {
        var repeated = new List<string>();
        var seen = new HashSet<Option>();
        for (var command = parse.CommandResult; command is not null; command = command.Parent as CommandResult)
        {
            foreach (var option in command.Command.Options.Where(seen.Add))
            {
                // An option that takes a list (drift's --ignore; --migrations-dir, which combines directories) is given once per value.
                if (option.Arity.MaximumNumberOfValues <= 1 && parse.GetResult(option) is { IdentifierTokenCount: > 1 })
                {
                    repeated.Add(option.Name);
                }
            }
        }

        return repeated;
    }

    public static string Message(IReadOnlyList<string> repeated) =>
        string.Join("; ", repeated.Select(name => $"{name} is given more than once; give it once"));
}
