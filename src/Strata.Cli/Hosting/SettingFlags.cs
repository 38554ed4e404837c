using Strata.Core.Configuration;
using Strata.Core.Errors;
using Strata.Lint;

namespace Strata.Cli.Hosting;

/// <summary>
/// Maps the flags given on the command line onto the settings builder as explicit values; the builder layers them
/// over the variables, strata.json and the defaults. The CLI reads no STRATA_* variable itself.
/// </summary>
internal static class SettingFlags
{
    // Options named after their setting, plus the two whose short names read better on their command.
    private static readonly Dictionary<string, SettingDefinition> ByOption = SettingCatalog.All
        .Select(s => (Name: "--" + s.Name, Setting: s))
        .Append((Name: "--file", Setting: SettingCatalog.SchemaFile))
        .Append((Name: "--timeout", Setting: SettingCatalog.WaitTimeout))
        .ToDictionary(p => p.Name, p => p.Setting, StringComparer.Ordinal);

    /// <summary>A setting's flag: named after the setting, so that its value reaches the builder, with its help from the catalog.</summary>
    public static Option<T> Option<T>(SettingDefinition setting, string? helpName = null, bool recursive = false, params string[] aliases) =>
        new("--" + setting.Name, aliases) { Description = SettingHelp.For(setting), HelpName = helpName, Recursive = recursive };

    /// <exception cref="ConfigurationException">A value is invalid, strata.json among them, lint rule ids included.</exception>
    public static async Task<StrataSettings> BuildAsync(ParseResult parse, CliContext context, CancellationToken cancellationToken)
    {
        var settings = await Builder(parse, context).BuildAsync(cancellationToken);
        // Only the linter knows its rule ids, so the builder cannot check them; every command does, not only those
        // that lint, as strata.json is checked whole when it is read.
        CheckLintRuleIds(settings.LintRuleSeverities);
        return settings;
    }

    /// <summary>The output settings alone, read as far as they can be: to report an error in the others as they ask.</summary>
    public static Task<OutputSettings> BuildOutputAsync(ParseResult parse, CliContext context, CancellationToken cancellationToken) =>
        Builder(parse, context).BuildOutputAsync(cancellationToken);

    private static StrataSettingsBuilder Builder(ParseResult parse, CliContext context)
    {
        var builder = new StrataSettingsBuilder(context.WorkingDirectory, context.Environment);
        foreach (var option in Given(parse))
        {
            if (!ByOption.TryGetValue(option.Name, out var setting))
            {
                continue;
            }

            // A repeatable option (such as --migrations-dir) gives its values as a list; one value is plain text.
            if (parse.GetResult(option)?.GetValueOrDefault<object?>() is string[] { Length: > 1 } values && values.All(v => !string.IsNullOrWhiteSpace(v)))
            {
                builder.Set<IReadOnlyList<string>>(setting, values, option.Name);
            }
            else
            {
                builder.Set(setting, Text(parse, option), option.Name);
            }
        }

        return builder;
    }

    private static void CheckLintRuleIds(Setting<IReadOnlyDictionary<string, string>> setting)
    {
        if (setting.Value.Keys.FirstOrDefault(id => !LintRules.Exists(id)) is { } unknown)
        {
            throw new ConfigurationException($"{setting.Origin}: '{unknown}' is not a lint rule; the ids are listed in docs/lint.md");
        }
    }

    /// <summary>The options the user typed, on the command and its parents (global options are recursive).</summary>
    private static IEnumerable<Option> Given(ParseResult parse)
    {
        var seen = new HashSet<Option>();
        for (var command = parse.CommandResult; command is not null; command = command.Parent as System.CommandLine.Parsing.CommandResult)
        {
            foreach (var option in command.Command.Options.Where(o => seen.Add(o)))
            {
                // A value that did not parse is already a usage error; it has nothing to give the settings.
                if (parse.GetResult(option) is { Implicit: false } result && !result.Errors.Any())
                {
                    yield return option;
                }
            }
        }
    }

    private static string? Text(ParseResult parse, Option option) => parse.GetResult(option)?.GetValueOrDefault<object?>() switch
    {
        bool flag => flag ? "true" : "false",
        // One value of a repeatable option, or the first blank one of several, which the builder refuses.
        string[] values => values.FirstOrDefault(string.IsNullOrWhiteSpace) ?? values.FirstOrDefault(),
        null => null,
        var value => Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture),
    };
}
