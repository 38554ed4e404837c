using Strata.Core.Errors;
using Strata.Core.Migrations;
using Strata.Core.Planning;

namespace Strata.Cli.Commands.Migrations;

/// <summary>--to VERSION and --steps N, which choose how far up or down a run goes; they exclude each other.</summary>
internal sealed class TargetFlags
{
    public Option<string?> To { get; } = new("--to") { Description = "Stop at this version (inclusive going up; the version left applied going down).", HelpName = "version" };

    public Option<int?> Steps { get; } = new("--steps")
    {
        Description = "Apply or revert at most this many migrations.",
        HelpName = "n",
        CustomParser = WholeNumberParser.For("--steps"),
    };

    public void AddTo(Command command)
    {
        command.Options.Add(To);
        command.Options.Add(Steps);
    }

    public MigrationTarget? Read(ParseResult parse)
    {
        var to = parse.GetValue(To);
        var steps = parse.GetValue(Steps);
        if (to is not null && steps is not null)
        {
            throw new ConfigurationException("--to and --steps exclude each other: give one");
        }

        if (steps is { } n)
        {
            return n >= 1 ? MigrationTarget.Steps(n) : throw new ConfigurationException($"--steps must be at least 1, not {n}");
        }

        if (to is null)
        {
            return null;
        }

        return MigrationVersion.TryParse(to, out var version)
            ? MigrationTarget.To(version)
            : throw new ConfigurationException($"--to '{to}' is not a migration version (all digits)");
    }
}
