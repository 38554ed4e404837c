using Strata.Core.Errors;
using Strata.Core.Lifecycle;

namespace Strata.Cli.Commands.Db;

/// <summary>--yes and --force, which `db drop` and `db reset` take for dropping the database.</summary>
internal sealed class DropFlags
{
    public Option<bool> Yes { get; } = new("--yes", "-y") { Description = "Do not ask for confirmation before dropping (for scripts)." };

    public Option<bool> Force { get; } = new("--force")
    {
        Description = "End the other sessions connected to the database first, instead of refusing while it is in use.",
    };

    /// <summary>
    /// How the database is dropped. On a terminal the user confirms by typing yes; --yes answers for scripts;
    /// otherwise the answer is no and the command stops with exit 2, having changed nothing.
    /// </summary>
    public DropOptions Read(CommandRun run, ParseResult parse)
    {
        var yes = parse.GetValue(Yes);
        return new DropOptions
        {
            Force = parse.GetValue(Force),
            Confirm = question => run.Confirm(question, yes)
                ? true
                : throw new ConfigurationException("not confirmed: nothing was dropped (answer yes on a terminal, or pass --yes in scripts)"),
        };
    }
}
