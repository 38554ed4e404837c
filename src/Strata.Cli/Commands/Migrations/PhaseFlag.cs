using Strata.Core.Errors;
using Strata.Core.Migrations;
using Strata.Core.Planning;

namespace Strata.Cli.Commands.Migrations;

/// <summary>--phase pre|post on up: apply only the pending migrations that run before, or after, the deploy.</summary>
internal static class PhaseFlag
{
    public static Option<string?> Create() => new("--phase")
    {
        Description = "Apply only the pending migrations of one phase: pre (before the deploy; post-deploy ones stay pending) or post (after it). Without it, every phase in version order.",
        HelpName = "pre|post",
    };

    /// <summary>The target limited to the phase given, or the target as it is when no phase was given.</summary>
    public static MigrationTarget? Apply(MigrationTarget? target, string? phase) => phase switch
    {
        "pre" => (target ?? MigrationTarget.All).InPhase(MigrationPhase.Pre),
        "post" => (target ?? MigrationTarget.All).InPhase(MigrationPhase.Post),
        null => target,
        _ => throw new ConfigurationException($"--phase '{phase}' is not a phase: give pre (before the deploy) or post (after it)"),
    };
}
