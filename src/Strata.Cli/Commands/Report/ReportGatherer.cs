using Strata.Cli.Commands.Db;
using Strata.Cli.Output;
using Strata.Core.Connections;
using Strata.Core.Errors;
using Strata.Core.Planning;
using Strata.Core.Schema;
using Strata.Core.Sessions;
using Strata.Lint;

namespace Strata.Cli.Commands.Report;

/// <summary>
/// Gathers a <see cref="MigrationReport"/> for the run's database: status and history, lint of the pending
/// migrations, verify and drift on scratch databases, and the live tables. Only reads the database.
/// </summary>
internal static class ReportGatherer
{
    public static async Task<MigrationReport> GatherAsync(CommandRun run, StrataSession session, CancellationToken cancellationToken)
    {
        var migrator = await session.MigratorAsync(cancellationToken);
        var status = await migrator.StatusAsync(cancellationToken);
        var migrations = status.Migrations.Select(m => Migration(run, m)).ToList();
        var pending = status.Migrations.Where(m => m.State is MigrationState.Pending or MigrationState.OutOfOrder && m.Source is not null)
            .Select(m => m.Source!).ToList();
        var (lint, result) = await LintAsync(run, pending, cancellationToken);
        if (result is not null)
        {
            migrations = [.. migrations.Select((m, i) => WithFindings(m, status.Migrations[i].Source, result))];
        }

        var target = await session.DataSourceAsync(cancellationToken);
        var scratch = await OpenScratchAsync(run, cancellationToken);
        var verify = scratch.Result is { } server ? await ReportChecks.VerifyAsync(run, server, cancellationToken) : ReportCheck<ReportVerify>.NotRun(scratch.Problem!);
        var drift = scratch.Result is { } other ? await ReportChecks.DriftAsync(run, session, other, target, cancellationToken) : ReportCheck<ReportDrift>.NotRun(scratch.Problem!);
        var tables = await ReportSchema.TablesAsync(target, status.Table, cancellationToken);
        return new MigrationReport(
            DateTimeOffset.UtcNow, DisplayUrl.Format(session.Connection.Settings), status.Table.ToString(), migrations, lint, verify, drift, tables)
        {
            Refusal = status.Refusal is { } refused
                ? refused.Message + (refused.NextStep is { } step ? $" Next: {NextStepCommands.Render(step, run.Invoked)}" : string.Empty)
                : null,
        };
    }

    private static ReportMigration Migration(CommandRun run, MigrationStatusEntry entry)
    {
        var history = entry.History is { } row
            ? new ReportHistory(
                row.AppliedAt, row.AppliedBy, row.ClientHost, row.ExecutionTime,
                Migrations.MigrationJson.History(row)["origin"]!.GetValue<string>(), row.StatementsCompleted, row.StatementsTotal)
            : null;
        var state = entry.State switch
        {
            MigrationState.Applied => ReportStatus.Applied,
            MigrationState.Pending => ReportStatus.Pending,
            MigrationState.OutOfOrder => ReportStatus.OutOfOrder,
            MigrationState.Edited => ReportStatus.ChecksumChanged,
            MigrationState.Missing => ReportStatus.Missing,
            _ when entry.RunningBy is not null => ReportStatus.Running,
            _ => ReportStatus.Failed,
        };
        var file = entry.Source is { } source && Path.IsPathRooted(source) ? DbCommand.Display(run, source) : entry.Source;
        return new ReportMigration(entry.Version.Value, entry.Description, file, state, history)
        {
            Phase = Migrations.MigrationJson.PhaseName(entry.Phase),
            ResumesBackfill = entry.ResumesBackfill,
            RunningBy = entry.RunningBy,
        };
    }

    private static ReportMigration WithFindings(ReportMigration migration, string? source, LintResult result) =>
        source is null
            ? migration
            : migration with
            {
                Findings = [.. result.Findings.Where(f => SameFile(f.File, source))],
                Locks = ReportLocks.For(source, result),
            };

    internal static bool SameFile(string a, string b) =>
        string.Equals(Path.GetFullPath(a), Path.GetFullPath(b), StringComparison.Ordinal);

    private static async Task<(ReportCheck<ReportLint> Check, LintResult? Result)> LintAsync(
        CommandRun run, IReadOnlyList<string> files, CancellationToken cancellationToken)
    {
        if (files.Count == 0)
        {
            return (ReportCheck<ReportLint>.Ran(new ReportLint(run.Settings.LintDynamic.Value, 0, 0, 0)), null);
        }

        try
        {
            var linter = new MigrationLinter(Lint.LintFlags.ReadOptions(run));
            LintResult result;
            if (run.Settings.LintDynamic.Value)
            {
                var (scratch, reference) = await Lint.LintDatabases.ReadAsync(run, cancellationToken);
                result = await linter.LintDynamicAsync(files, scratch, reference, Lint.LintDatabases.Timeouts(run), cancellationToken);
            }
            else
            {
                result = await linter.LintPathsAsync(files, cancellationToken);
            }

            return (ReportCheck<ReportLint>.Ran(new ReportLint(result.Dynamic, result.Files, result.Statements, result.Suppressed)), result);
        }
        catch (StrataException exception)
        {
            return (ReportCheck<ReportLint>.NotRun(exception.Message), null);
        }
    }

    private static async Task<ReportCheck<ScratchServer>> OpenScratchAsync(CommandRun run, CancellationToken cancellationToken)
    {
        try
        {
            return ReportCheck<ScratchServer>.Ran(await ScratchFlag.OpenAsync(run, cancellationToken));
        }
        catch (StrataException exception)
        {
            return ReportCheck<ScratchServer>.NotRun($"no scratch server: {exception.Message}");
        }
    }
}
