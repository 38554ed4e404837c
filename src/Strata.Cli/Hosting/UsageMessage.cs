using Strata.Core.Connections;

namespace Strata.Cli.Hosting;

/// <summary>
/// The one line a usage error prints: the parser's complaints, with each word it did not recognise named as an
/// unknown command or flag and, when one is close, "did you mean" the command or flag it most likely was.
/// </summary>
internal static class UsageMessage
{
    public static string For(ParseResult parse)
    {
        var command = parse.CommandResult.Command;
        var unknown = parse.UnmatchedTokens.Distinct(StringComparer.Ordinal).ToList();
        var parts = unknown.Select(token => Unknown(token, command)).ToList();
        // A group (strata db) given an unknown word also misses its subcommand: the unknown word says it better.
        var group = command.Subcommands.Count > 0 && unknown.Any(token => !token.StartsWith('-'));
        parts.AddRange(parse.Errors
            .Where(_ => !group)
            .Select(error => error.Message)
            .Where(message => !unknown.Any(token => message.Contains($"'{token}'", StringComparison.Ordinal))));
        return string.Join("; ", parts.Distinct(StringComparer.Ordinal));
    }

    private static string Unknown(string token, Command command)
    {
        if (token.StartsWith('-') && token.Length > 1)
        {
            var flag = token.Split('=', 2)[0];
            var meant = ClosestName.Find(flag, Flags(command));
            return $"unknown flag '{flag}' for 'strata{Path(command)}'" + (meant is null ? "" : $": did you mean '{meant}'?");
        }

        var names = command.Subcommands.SelectMany(sub => sub.Aliases.Prepend(sub.Name)).ToList();
        if (names.Count == 0)
        {
            return $"unexpected argument '{token}' for 'strata{Path(command)}'";
        }

        var closest = ClosestName.Find(token, names);
        return $"unknown command 'strata{Path(command)} {token}'" + (closest is null ? "" : $": did you mean 'strata{Path(command)} {closest}'?");
    }

    // The command's own flags and the recursive (global) ones of the commands above it.
    private static IEnumerable<string> Flags(Command command)
    {
        var options = command.Options.ToList();
        for (var parent = command.Parents.OfType<Command>().FirstOrDefault(); parent is not null; parent = parent.Parents.OfType<Command>().FirstOrDefault())
        {
            options.AddRange(parent.Options.Where(option => option.Recursive));
        }

        return options.Where(option => !option.Hidden).SelectMany(option => option.Aliases.Prepend(option.Name)).Where(name => name.StartsWith("--", StringComparison.Ordinal));
    }

    private static string Path(Command command)
    {
        var names = new List<string>();
        for (Command? current = command; current?.Parents.OfType<Command>().FirstOrDefault() is { } parent; current = parent)
        {
            names.Insert(0, current.Name);
        }

        return names.Count == 0 ? "" : " " + string.Join(' ', names);
    }
}
