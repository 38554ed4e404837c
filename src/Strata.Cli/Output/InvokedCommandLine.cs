using System.CommandLine.Parsing;
using System.Text;
using Strata.Core.Secrets;

namespace Strata.Cli.Output;

/// <summary>
/// The command a user ran, as they gave it: its path and its arguments and options in their order, so that a next
/// step can rerun it with one flag added or changed rather than a narrower or wider command. Only what was typed
/// counts; settings from the environment or strata.json stay where they are.
/// </summary>
internal sealed class InvokedCommandLine
{
    private const string DoubleDash = "--";

    private readonly IReadOnlyList<Part> _parts;

    private InvokedCommandLine(Command command, IReadOnlyList<Part> parts)
    {
        Command = command;
        _parts = parts;
    }

    /// <summary>The command that ran.</summary>
    public Command Command { get; }

    public static InvokedCommandLine From(ParseResult parse)
    {
        // Which option each value belongs to, and each option by every spelling it may be given in.
        var owners = new Dictionary<Token, Option>(ReferenceEqualityComparer.Instance);
        var spellings = new Dictionary<string, Option>(StringComparer.Ordinal);
        for (var command = parse.CommandResult; command is not null; command = command.Parent as CommandResult)
        {
            foreach (var option in command.Children.OfType<OptionResult>())
            {
                foreach (var token in option.Tokens)
                {
                    owners[token] = option.Option;
                }
            }

            foreach (var option in command.Command.Options)
            {
                foreach (var spelling in option.Aliases.Prepend(option.Name))
                {
                    spellings.TryAdd(spelling, option);
                }
            }
        }

        var parts = new List<Part>();
        Part? current = null;
        var afterDoubleDash = false;
        var doubleDashWritten = false;
        foreach (var token in parse.Tokens)
        {
            switch (token.Type)
            {
                case TokenType.Option when spellings.TryGetValue(token.Value, out var option):
                    current = new Part(option, [token.Value]);
                    parts.Add(current);
                    break;
                case TokenType.Argument when owners.TryGetValue(token, out var owner) && current?.Option == owner:
                    current.Words.Add(token.Value);
                    break;
                case TokenType.Argument:
                    // The arguments after "--" may look like options: they stay behind it, and a flag is added before it.
                    if (afterDoubleDash && !doubleDashWritten)
                    {
                        parts.Add(new Part(null, [DoubleDash], Separator: true));
                        doubleDashWritten = true;
                    }

                    parts.Add(new Part(null, [token.Value]));
                    current = null;
                    break;
                case TokenType.DoubleDash:
                    afterDoubleDash = true;
                    current = null;
                    break;
                default:
                    current = null;
                    break;
            }
        }

        return new InvokedCommandLine(parse.CommandResult.Command, parts);
    }

    /// <summary>
    /// The command line again with <paramref name="option"/> set: given as <paramref name="flag"/> with
    /// <paramref name="value"/> at the end, or in the place and spelling of the user's own, whose value it replaces.
    /// Values are shell-quoted and any password in them masked; <paramref name="value"/> is written as it is.
    /// </summary>
    public string With(Option option, string flag, string? value)
    {
        var words = new List<string> { "strata", PathOf(Command) };
        var end = -1;
        var placed = false;
        foreach (var part in _parts)
        {
            if (part.Separator)
            {
                end = words.Count;
                words.Add(DoubleDash);
            }
            else if (part.Option != option)
            {
                // The first word of an option is its name as the user spelled it; the rest are its values.
                words.AddRange(part.Words.Select((word, index) => part.Option is not null && index == 0 ? word : Shown(word)));
            }
            else if (!placed)
            {
                words.AddRange(value is null ? [part.Words[0]] : [part.Words[0], value]);
                placed = true;
            }
        }

        if (!placed)
        {
            words.InsertRange(end < 0 ? words.Count : end, value is null ? [flag] : [flag, value]);
        }

        return string.Join(' ', words);
    }

    /// <summary>
    /// The values the user gave <paramref name="option"/> (the last time, when given more than once), shell-quoted
    /// and any password masked; null when it was not given a value on the command line.
    /// </summary>
    public string? ValuesOf(Option option) =>
        _parts.LastOrDefault(part => part.Option == option && part.Words.Count > 1) is { } given
            ? string.Join(' ', given.Words.Skip(1).Select(Shown))
            : null;

    /// <summary>
    /// The options named <paramref name="names"/> as the user gave them, each with its values, in their order: shell-quoted,
    /// any password masked; empty when none was given on the command line.
    /// </summary>
    public string OptionsNamed(IReadOnlySet<string> names) =>
        string.Join(' ', _parts
            .Where(part => part.Option is not null && names.Contains(part.Option.Name))
            .SelectMany(part => part.Words.Select((word, index) => index == 0 ? word : Shown(word))));

    /// <summary>A word as a POSIX shell reads it back: as it is when it holds nothing the shell treats specially, else single-quoted.</summary>
    public static string Quote(string word)
    {
        if (word.Length > 0 && word.All(IsPlain))
        {
            return word;
        }

        var quoted = new StringBuilder("'");
        foreach (var c in word)
        {
            quoted.Append(c == '\'' ? "'\\''" : c.ToString());
        }

        return quoted.Append('\'').ToString();
    }

    private static string Shown(string word) => Quote(SecretRedactor.Redact(word));

    private static bool IsPlain(char c) => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '/' or ':' or ',' or '+' or '=' or '@' or '%';

    // "db seed": the names below the root (strata itself, the one command without a parent command).
    private static string PathOf(Command command)
    {
        var names = new List<string>();
        for (var current = command; current.Parents.OfType<Command>().FirstOrDefault() is { } parent; current = parent)
        {
            names.Insert(0, current.Name);
        }

        return string.Join(' ', names);
    }

    private sealed record Part(Option? Option, List<string> Words, bool Separator = false);
}
