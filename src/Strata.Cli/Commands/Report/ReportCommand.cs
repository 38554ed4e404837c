using System.Text;
using Strata.Cli.Commands.Db;
using Strata.Cli.Commands.Lint;
using Strata.Cli.Commands.Migrations;
using Strata.Core.Data;
using Strata.Core.Errors;
using Strata.Core.Secrets;

namespace Strata.Cli.Commands.Report;

/// <summary>`strata report`: one page (HTML, or Markdown for a pull request) on the database's migrations and schema.</summary>
internal static class ReportCommand
{
    public static Command Create()
    {
        var output = new Option<string?>("--out", "-o")
        {
            Description = "Write the report to this file. [default: standard output]",
            HelpName = "path",
        };
        var markdown = new Option<bool>("--markdown") { Description = "Write Markdown for a pull-request comment instead of an HTML page." };
        var command = new Command(
            "report",
            "Write one self-contained page on the database: each migration's status, who applied it, when and how long it took; pending migrations with their lint findings and observed locks; verify and drift results on a scratch database; and the tables. Only reads the database.")
        {
            output, markdown, LintFlags.Dynamic, ScratchFlag.Option,
        };
        command.Options.Add(EngineFlags.HistoryTable);
        return CommandAction.Set(command, async (run, parse, cancellationToken) =>
        {
            var path = parse.GetValue(output) is { } given ? Writable(Path.GetFullPath(given, run.Context.WorkingDirectory)) : null;
            await using var session = await run.OpenSessionAsync(cancellationToken);
            var report = await ReportGatherer.GatherAsync(run, session, cancellationToken);
            var asMarkdown = parse.GetValue(markdown);
            var document = SecretRedactor.Redact(asMarkdown ? MarkdownReportRenderer.Render(report) : HtmlReportRenderer.Render(report));
            var fields = new JsonObject
            {
                ["format"] = asMarkdown ? "markdown" : "html",
                ["migrations"] = report.Migrations.Count,
                ["summary"] = ReportWords.Summary(report),
            };
            if (path is null)
            {
                fields["document"] = document;
                run.Reporter.Result("report", ReportWords.Summary(report), fields, writer => writer.Write(document));
                return ExitCodes.Success;
            }

            await WriteAsync(path, document, cancellationToken);
            fields["path"] = DbCommand.Display(run, path);
            run.Reporter.Result("report", $"wrote {DbCommand.Display(run, path)}: {ReportWords.Summary(report)}", fields);
            return ExitCodes.Success;
        });
    }

    // Checked before the database is read and the report gathered, which takes a while, so a wrong path fails at once.
    private static string Writable(string path)
    {
        if (!Directory.Exists(Path.GetDirectoryName(path)))
        {
            throw new ConfigurationException($"--out: no directory {Path.GetDirectoryName(path)} to write {Path.GetFileName(path)} in");
        }

        if (Directory.Exists(path))
        {
            throw CannotWrite(path, "it is a directory");
        }

        try
        {
            AtomicFile.CheckWritable(path);
        }
        catch (Exception exception) when (FileErrorText.IsFileError(exception))
        {
            throw CannotWrite(path, FileErrorText.Describe(exception, path));
        }

        return path;
    }

    private static async Task WriteAsync(string path, string document, CancellationToken cancellationToken)
    {
        try
        {
            await AtomicFile.WriteAsync(path, Encoding.UTF8.GetBytes(document), cancellationToken);
        }
        catch (Exception exception) when (FileErrorText.IsFileError(exception))
        {
            throw CannotWrite(path, FileErrorText.Describe(exception, path));
        }
    }

    private static ConfigurationException CannotWrite(string path, string why) => new($"--out: cannot write {path}: {why}");
}
