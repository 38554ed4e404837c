using System.Text;
using Strata.Core.Execution;
using Strata.Core.Secrets;

namespace Strata.Cli.Output;

/// <summary>
/// The Markdown a run appends to <c>$GITHUB_STEP_SUMMARY</c> under <c>--format github</c>: a heading for the command,
/// then the sections its results and its error add (what was applied and how long each took, failures, findings).
/// </summary>
internal sealed class StepSummary
{
    private readonly List<string> _sections = [];
    private readonly Lock _gate = new();

    public bool IsEmpty => _sections.Count == 0;

    public void Add(string markdown)
    {
        lock (_gate)
        {
            _sections.Add(markdown.EndsWith('\n') ? markdown : markdown + "\n");
        }
    }

    /// <summary>
    /// A command's result: its headline, and its text as written (verify's differences, drift's report) unless the
    /// command already gave the summary a section of its own, such as the table of a run.
    /// </summary>
    public void AddResult(string headline, string text)
    {
        var body = "**" + headline.Replace("*", "\\*", StringComparison.Ordinal) + "**\n";
        var lines = text.TrimEnd('\n');
        if (IsEmpty && lines.Contains('\n', StringComparison.Ordinal))
        {
            body += "\n" + Markdown.Fenced(lines);
        }

        Add(body);
    }

    /// <summary>A table of the migrations a run applied or reverted, with how long each took.</summary>
    public void AddRun(string heading, MigrationRunResult run, Func<string, string> display)
    {
        if (run.Migrations.Count == 0)
        {
            Add(heading + "\n\nNothing to do: no migration ran.\n");
            return;
        }

        var rows = run.Migrations.Select(step => (IReadOnlyList<string>)[
            step.Version.Value, step.Description, Markdown.Code(display(step.Source)),
            run.DryRun ? "-" : DurationText.Format(step.Duration), step.Transactional ? "yes" : "no",
        ]);
        var total = TimeSpan.FromTicks(run.Migrations.Sum(step => step.Duration.Ticks));
        var footer = run.DryRun ? "" : $"\nTotal: {run.Migrations.Count} migration{(run.Migrations.Count == 1 ? "" : "s")} in {DurationText.Format(total)}.\n";
        Add(heading + "\n\n" + Markdown.Table(["Version", "Description", "File", "Time", "Transaction"], rows) + footer);
    }

    /// <summary>The error that ended the run, where it happened and what to do next.</summary>
    public void AddFailure(ErrorReport error, Func<string, string> display)
    {
        var text = new StringBuilder().Append("### :x: Failed: ").Append(Markdown.Code(error.Code)).Append("\n\n");
        var rows = new List<IReadOnlyList<string>>();
        void Row(string name, string? value)
        {
            if (!string.IsNullOrEmpty(value))
            {
                rows.Add([name, value]);
            }
        }

        Row("Migration", error.Migration);
        Row("Location", error.File is null ? null : Markdown.Code(Location(error, display)));
        Row("SQLSTATE", error.SqlState is null ? null : Markdown.Code(error.SqlState));
        Row("Exit code", error.ExitCode.ToString(System.Globalization.CultureInfo.InvariantCulture));
        text.Append(Markdown.Table(["", ""], rows)).Append('\n').Append(error.Message).Append('\n');
        if (error.Statement is not null)
        {
            text.Append("\nFailing statement:\n\n").Append(Markdown.Fenced(error.Statement, "sql"));
        }

        if (error.NextSteps.Count > 0)
        {
            text.Append("\nNext steps:\n\n");
            foreach (var step in error.NextSteps)
            {
                text.Append("- ").Append(Markdown.Code(step)).Append('\n');
            }
        }

        Add(text.ToString());
    }

    /// <summary>Appends the summary to the file (the runner creates it per step); nothing when no section was added.</summary>
    public void AppendTo(string path, string title)
    {
        string body;
        lock (_gate)
        {
            if (_sections.Count == 0)
            {
                return;
            }

            body = "## " + title + "\n\n" + string.Join("\n", _sections) + "\n";
        }

        File.AppendAllText(path, SecretRedactor.Redact(body));
    }

    public static string Location(ErrorReport error, Func<string, string> display)
    {
        var location = new StringBuilder(display(error.File ?? ""));
        if (error.Line is { } line)
        {
            location.Append(':').Append(line);
            if (error.Column is { } column)
            {
                location.Append(':').Append(column);
            }
        }

        return location.ToString();
    }
}
