using Microsoft.Extensions.Logging;
using Strata.Cli.Output;
using Strata.Core.Configuration;
using Strata.Core.Errors;
using Strata.Core.Execution;
using Strata.Lint;

namespace Strata.Cli.Commands.Lint;

/// <summary>
/// The static lint <c>up</c> runs over the migrations it is about to apply (<c>lint.onUp</c>): each finding printed
/// as a warning first; under <c>fail</c>, an error finding refuses the run before anything is applied. Without
/// libpg_query, <c>up</c> still runs unless the project asked for the lint to be enforced.
/// </summary>
internal static class UpLint
{
    /// <summary>
    /// The check <c>up</c> hands its plan to: it lints the migrations the engine is about to apply (after a baseline,
    /// of the phase asked for, within <c>--to</c>/<c>--steps</c>), already read and parsed, under the same lock, knowing
    /// what the applied migrations did (a CHECK validated by one lets a pending SET NOT NULL skip its scan).
    /// </summary>
    public static UpPreflight Preflight(CommandRun run) => async (applied, migrations, cancellationToken) =>
    {
        var onUp = run.Settings.LintOnUp;
        if (onUp.Value == "off" || migrations.Count == 0)
        {
            return;
        }

        using var timing = Core.Diagnostics.TimingTrace.Measure("pre-flight lint");
        var options = LintFlags.ReadOptions(run);
        if (await LintOrSkipAsync(onUp, run.Reporter, () => Task.FromResult(new MigrationLinter(options).Lint(applied, migrations))) is not { } result)
        {
            return;
        }

        Report(run, result);
        var errors = result.Findings.Count(f => f.Severity == LintSeverity.Error);
        if (onUp.Value == "fail" && errors > 0)
        {
            throw new ValidationFailedException(
                $"up refused: the pre-flight lint found {errors} error{(errors == 1 ? "" : "s")} in the migrations to apply and lint.onUp is fail ({onUp.Origin}); "
                + "nothing was applied. Fix them, or suppress each on its statement with -- strata:lint-ignore <rule> <reason>");
        }
    };

    /// <summary>
    /// Runs <paramref name="lint"/>; when the linter cannot run (no libpg_query, or a statement its grammar does not
    /// know), warns once and returns null, unless <c>lint.onUp</c> is <c>fail</c>: then the run stops with a clear error.
    /// </summary>
    internal static async Task<LintResult?> LintOrSkipAsync(Setting<string> onUp, Reporter reporter, Func<Task<LintResult>> lint)
    {
        var enforced = onUp.Value == "fail";
        try
        {
            return await lint();
        }
        catch (PrerequisiteMissingException missing) when (enforced)
        {
            throw new PrerequisiteMissingException($"lint.onUp is fail ({onUp.Origin}), so up lints first, but {Lowercase(missing.Message)}", missing);
        }
        catch (Exception skipped) when (!enforced && skipped is PrerequisiteMissingException or SqlSyntaxException)
        {
            reporter.Progress("up.lint.skipped", $"the pre-flight lint was skipped: {Lowercase(skipped.Message)}", level: LogLevel.Warning);
            return null;
        }
    }

    private static void Report(CommandRun run, LintResult result)
    {
        var display = LintRendering.Display(run.Context.WorkingDirectory);
        foreach (var finding in result.Findings)
        {
            var severity = LintJson.SeverityName(finding.Severity);
            var fields = new JsonObject
            {
                ["file"] = display(finding.File),
                ["line"] = finding.Line,
                ["column"] = finding.Column,
                ["rule"] = finding.Rule,
                ["severity"] = severity,
                ["safeAlternative"] = finding.SafeAlternative,
            };
            run.Reporter.Progress(
                "up.lint",
                $"{display(finding.File)}:{finding.Line}:{finding.Column}: {severity} {finding.Rule}: {finding.Message} (safe alternative: {finding.SafeAlternative})",
                fields,
                LogLevel.Warning);
        }
    }

    private static string Lowercase(string message) => message.Length > 0 ? char.ToLowerInvariant(message[0]) + message[1..] : message;
}
