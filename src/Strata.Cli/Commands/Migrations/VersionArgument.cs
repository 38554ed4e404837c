using Strata.Core.Errors;
using Strata.Core.Migrations;

namespace Strata.Cli.Commands.Migrations;

/// <summary>A VERSION argument, parsed as a migration version.</summary>
internal static class VersionArgument
{
    public static Argument<string> Create(string description) => new("version") { Description = description };

    public static MigrationVersion Read(ParseResult parse, Argument<string> argument)
    {
        return Parse(parse.GetValue(argument)!);
    }

    public static MigrationVersion Parse(string text)
    {
        return MigrationVersion.TryParse(text, out var version)
            ? version
            : throw new ConfigurationException($"'{text}' is not a migration version (all digits)");
    }
}
