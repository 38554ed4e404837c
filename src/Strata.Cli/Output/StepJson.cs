using Strata.Core.Execution;

namespace Strata.Cli.Output;

/// <summary>The JSON shape of one migration that ran, shared by run results and the error that ends a partial run.</summary>
internal static class StepJson
{
    public static JsonObject Step(MigrationStepResult step) => new()
    {
        ["version"] = step.Version.Value,
        ["description"] = step.Description,
        ["source"] = step.Source,
        ["transactional"] = step.Transactional,
        ["durationMs"] = Math.Round(step.Duration.TotalMilliseconds, 1),
        ["attempts"] = step.Attempts,
    };
}
