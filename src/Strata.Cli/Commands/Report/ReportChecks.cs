using Npgsql;
using Strata.Core.Errors;
using Strata.Core.Schema;
using Strata.Core.Sessions;

namespace Strata.Cli.Commands.Report;

/// <summary>The report's verify and drift checks: the same calls as `strata verify` and `strata drift`.</summary>
internal static class ReportChecks
{
    public static async Task<ReportCheck<ReportVerify>> VerifyAsync(CommandRun run, ScratchServer server, CancellationToken cancellationToken)
    {
        try
        {
            var result = await new MigrationVerifier(server, run.LoggerFactory.CreateLogger("Strata.Verify")).VerifyAsync(VerifyRun.Options(run), cancellationToken);
            return ReportCheck<ReportVerify>.Ran(new ReportVerify(result.Migrations, result.Failure is { } f ? Describe(run, f) : null, result.Failure?.Differences ?? []));
        }
        catch (StrataException exception)
        {
            return ReportCheck<ReportVerify>.NotRun(exception.Message);
        }
    }

    public static async Task<ReportCheck<ReportDrift>> DriftAsync(
        CommandRun run, StrataSession session, ScratchServer server, NpgsqlDataSource target, CancellationToken cancellationToken)
    {
        try
        {
            var options = DriftRun.Options(run, session, []);
            var result = await new DriftDetector(server, run.LoggerFactory.CreateLogger("Strata.Drift")).DetectAsync(target, options, cancellationToken);
            return ReportCheck<ReportDrift>.Ran(new ReportDrift(result.AppliedMigrations, result.Comparison.Differences));
        }
        catch (StrataException exception)
        {
            return ReportCheck<ReportDrift>.NotRun(exception.Message);
        }
    }

    private static string Describe(CommandRun run, VerifyFailure failure)
    {
        var what = VerifyRun.Headline(failure, VerifyRun.Subject(run, failure));
        // The server's error names the file by its full path; the report names files relative to the project.
        var error = failure.Error?.Replace(run.Context.WorkingDirectory.TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar, "", StringComparison.Ordinal);
        return error is null ? what : $"{what}: {error}";
    }
}
