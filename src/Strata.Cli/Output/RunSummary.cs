using System.Globalization;
using Strata.Core.Execution;

namespace Strata.Cli.Output;

/// <summary>
/// The human output of a long run of migrations: above <see cref="Threshold"/> migrations a line per migration is a
/// wall of text nobody reads in a deploy log, so the run is summed up (counts, total time, the slowest five) unless
/// --verbose asks for every line. JSON output always lists every migration.
/// </summary>
internal static class RunSummary
{
    /// <summary>Runs of more migrations than this are summed up in human output.</summary>
    public const int Threshold = 50;

    /// <summary>How many of the slowest migrations the summary names.</summary>
    public const int Slowest = 5;

    /// <summary>Whether the human output of <paramref name="result"/> is the summary rather than a line per migration.</summary>
    public static bool Applies(MigrationRunResult result, Verbosity verbosity) => Applies(result.Migrations.Count, verbosity);

    /// <summary>Whether the human output of a run of <paramref name="count"/> migrations is the summary.</summary>
    public static bool Applies(int count, Verbosity verbosity) => count > Threshold && verbosity != Verbosity.Verbose;

    /// <summary>Writes the counts, the total time and the slowest migrations (for a dry run, the counts alone).</summary>
    public static void WriteTo(TextWriter writer, Style style, MigrationRunResult result, Func<TimeSpan, string> duration)
    {
        var steps = result.Migrations;
        var outside = steps.Count(s => !s.Transactional);
        var retried = steps.Count(s => s.Attempts > 1);
        var first = steps[0].Version.Value;
        var last = steps[^1].Version.Value;
        writer.WriteLine(Invariant($"{steps.Count} migrations, {first} to {last}: {steps.Count - outside} in a transaction each, {outside} with transaction:false"));
        if (result.DryRun)
        {
            writer.WriteLine(style.Dim("(--verbose lists every migration)"));
            return;
        }

        var total = steps.Aggregate(TimeSpan.Zero, (sum, s) => sum + s.Duration);
        var mean = total / steps.Count;
        writer.WriteLine(Invariant($"total time {duration(total)}, mean {duration(mean)} per migration{(retried > 0 ? $", {retried} retried after a lock timeout" : "")}"));
        var table = new TextTable("SLOWEST", "DESCRIPTION", "TIME", "ATTEMPTS");
        foreach (var step in steps.OrderByDescending(s => s.Duration).Take(Slowest))
        {
            table.Add([step.Version.Value, step.Description, duration(step.Duration), step.Attempts.ToString(CultureInfo.InvariantCulture)]);
        }

        table.WriteTo(writer, style);
        writer.WriteLine(style.Dim("(--verbose lists every migration)"));
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
