using Strata.Cli.Commands.Migrations;
using Strata.Cli.Output;
using Strata.Core.Errors;
using Strata.Core.Planning;
using Strata.Lint;

namespace Strata.Cli.Commands.Lint;

/// <summary>`strata lint`: check migrations for locks, rewrites, scans and breaking changes before they run.</summary>
internal static class LintCommand
{
    public static Command Create()
    {
        var command = new Command("lint", $"Check migrations for statements that lock, rewrite or scan busy tables, fail, or break the running app; exit {ExitCodes.ValidationFailed} on findings.");
        LintFlags.AddTo(command);
        EngineFlags.AddHistoryFlag(command);
        return CommandAction.Set(
            command,
            async (run, parse, cancellationToken) =>
            {
                var format = LintFlags.ReadFormat(run);
                string? failed;
                try
                {
                    failed = await LintAsync(run, parse, format, cancellationToken);
                }
                catch (Exception error) when (format is LintFormat.Json or LintFormat.Sarif)
                {
                    LintFailure.Write(run, format, error, InvokedCommandLine.From(parse));
                    throw;
                }

                // Findings that fail the run end it with its error like every other failing command (the last event
                // under --json, an annotation under github); a json or sarif document already holds them, whole.
                return failed is null ? ExitCodes.Success : throw new ValidationFailedException(failed);
            },
            settingsFailed: (run, parse, output, error) =>
            {
                // The settings are what failed, so the format is the one read from where it still can be: the flag,
                // else its variable, in the environment or the env file (a broken strata.json may be the very error).
                if (LintFlags.FormatOf(output.Format.Value) is { } format and (LintFormat.Json or LintFormat.Sarif))
                {
                    LintFailure.Write(run, format, error, InvokedCommandLine.From(parse));
                }
            });
    }

    // Lints and writes the result; returns why the run fails (findings at or above --fail-on), or null.
    private static async Task<string?> LintAsync(CommandRun run, ParseResult parse, LintFormat format, CancellationToken cancellationToken)
    {
        var failOn = LintFlags.ReadFailOn(run);
        var linter = new MigrationLinter(LintFlags.ReadOptions(run));
        var paths = parse.GetValue(LintFlags.Paths) ?? [];
        var (applied, files) = paths.Length > 0
            ? ([], [.. paths.Select(p => Path.GetFullPath(p, run.Context.WorkingDirectory))])
            : await PendingAsync(run, cancellationToken);
        LintResult result;
        if (run.Settings.LintDynamic.Value)
        {
            // The reference database (or, without one, the scratch database the migrations run on) holds what the
            // applied migrations did.
            var (scratch, reference) = await LintDatabases.ReadAsync(run, cancellationToken);
            result = await linter.LintDynamicAsync(files, scratch, reference, LintDatabases.Timeouts(run), cancellationToken);
        }
        else
        {
            result = await linter.LintPathsAfterAsync(applied, files, cancellationToken);
        }

        LintRendering.Write(run, format, result);
        if (failOn is not { } threshold || !result.HasFindingsAtLeast(threshold))
        {
            return null;
        }

        var count = result.Findings.Count(f => f.Severity >= threshold);
        return $"{count} lint finding{(count == 1 ? "" : "s")} at or above {LintJson.SeverityName(threshold)}, the fail-on severity";
    }

    // What `up` would run next: the files of the migrations not applied yet, in version order. Those older than the
    // newest applied one are among them: up applies them where out-of-order migrations are allowed, by a flag, a
    // variable or strata.json, and a lint that passed over them would let them run unchecked. With them, the files of
    // the applied migrations, which up's own lint also reads first to know what they did (a CHECK one validated).
    private static async Task<(IReadOnlyList<string> Applied, IReadOnlyList<string> Pending)> PendingAsync(CommandRun run, CancellationToken cancellationToken)
    {
        await using var session = await run.OpenSessionAsync(cancellationToken);
        var migrator = await session.MigratorAsync(cancellationToken);
        var status = await migrator.StatusAsync(cancellationToken);
        var files = status.Migrations.Where(m => m.Source is not null).ToList();
        return (
            [.. files.Where(m => m.State is MigrationState.Applied).Select(m => m.Source!)],
            [.. files.Where(m => m.State is MigrationState.Pending or MigrationState.OutOfOrder).Select(m => m.Source!)]);
    }
}
