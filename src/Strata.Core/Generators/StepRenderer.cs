using System.Globalization;
using System.Text;
using Strata.Core.Migrations;

namespace Strata.Core.Generators;

/// <summary>
/// Turns a generated sequence into migration files with consecutive versions, one second apart from
/// <c>nowUtc</c>, so they sort (and <c>up</c> applies them) in the order written.
/// </summary>
internal static class StepRenderer
{
    public static IReadOnlyList<GeneratedMigration> Render(IReadOnlyList<GeneratedStep> steps, DateTimeOffset nowUtc)
    {
        ArgumentNullException.ThrowIfNull(steps);
        var start = nowUtc.UtcDateTime;
        var files = new List<GeneratedMigration>(steps.Count);
        for (var i = 0; i < steps.Count; i++)
        {
            var version = start.AddSeconds(i).ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture);
            files.Add(new GeneratedMigration($"{version}_{steps[i].Slug}.sql", Content(steps[i], i + 1, steps.Count)));
        }

        return files;
    }

    private static string Content(GeneratedStep step, int number, int count)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"-- Step {number} of {count}, {(step.Phase == MigrationPhase.Post ? "after the deploy (strata up --phase post)" : "before the deploy (strata up --phase pre)")}.\n");
        foreach (var line in step.Explanation.Split('\n'))
        {
            text.Append(line.Length == 0 ? "--\n" : $"-- {line}\n");
        }

        text.Append('\n').Append("-- migrate:up");
        if (step.Phase == MigrationPhase.Post)
        {
            text.Append(" phase:post");
        }

        if (!step.UpTransactional)
        {
            text.Append(" transaction:false");
        }

        text.Append('\n').Append(step.Up.TrimEnd()).Append("\n\n-- migrate:down");
        if (!step.DownTransactional)
        {
            text.Append(" transaction:false");
        }

        text.Append('\n').Append(step.Down.TrimEnd()).Append('\n');
        return text.ToString();
    }
}
