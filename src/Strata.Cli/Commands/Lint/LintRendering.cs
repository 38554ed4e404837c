using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Strata.Cli.Output;
using Strata.Core.Errors;
using Strata.Core.Secrets;
using Strata.Lint;

namespace Strata.Cli.Commands.Lint;

/// <summary>Writes a lint result in the chosen format: text and --json through the reporter, documents as they are.</summary>
internal static class LintRendering
{
    // SQL is full of quotes and angle brackets; the output is not embedded in HTML, so keep them readable.
    public static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static void Write(CommandRun run, LintFormat format, LintResult result)
    {
        // GitHub resolves an annotation's file from the repository root, and the error annotation of a failed run is
        // relative to it too: findings use the same base ($GITHUB_WORKSPACE when set).
        var display = format == LintFormat.Github ? run.Reporter.Display : Display(run.Context.WorkingDirectory);
        switch (format)
        {
            case LintFormat.Json:
                Document(run, LintJson.Document(result, display).ToJsonString(Indented));
                break;
            case LintFormat.Sarif:
                Document(run, LintSarif.Log(result, display).ToJsonString(Indented));
                break;
            case LintFormat.Github:
                Document(run, string.Concat(result.Findings.Select(f => GithubAnnotation(f, display) + "\n")));
                run.Reporter.Summary.Add(GithubSummary(result, display));
                break;
            default:
                var fields = LintJson.Document(result, display);
                run.Reporter.Result("lint", Headline(result), fields, writer => Text(writer, run.Reporter.Style, result, display));
                break;
        }
    }

    private static void Document(CommandRun run, string text)
    {
        run.Context.Out.Write(SecretRedactor.Redact(text.EndsWith('\n') || text.Length == 0 ? text : text + "\n"));
        run.Context.Out.Flush();
    }

    private static void Text(TextWriter writer, Style style, LintResult result, Func<string, string> display)
    {
        foreach (var finding in result.Findings)
        {
            var severity = LintJson.SeverityName(finding.Severity);
            var painted = finding.Severity switch
            {
                LintSeverity.Error => style.Red(severity),
                LintSeverity.Warning => style.Yellow(severity),
                _ => style.Dim(severity),
            };
            var evidence = finding.Evidence == LintEvidence.Dynamic ? style.Dim(" [observed]") : "";
            writer.WriteLine($"{VisibleText.Of(display(finding.File))}:{finding.Line}:{finding.Column}: {painted} {finding.Rule}: {VisibleText.Of(finding.Message)}{evidence}");
            writer.WriteLine(style.Dim($"  safe alternative: {finding.SafeAlternative}"));
        }

        foreach (var cleared in result.Overridden)
        {
            var why = LintRules.DecidedBySchemaComparison(cleared.Rule)
                ? "the schema models before and after the migration show nothing the previous schema had renamed or dropped"
                : "the server showed nothing as severe (no rewrite or scan under a blocking lock on a table above the size threshold)";
            writer.WriteLine(style.Dim($"{VisibleText.Of(display(cleared.File))}:{cleared.Line}:{cleared.Column}: overridden {cleared.Rule}: {why}"));
        }

        var headline = Headline(result);
        writer.WriteLine(result.Findings.Count == 0 ? style.Green(headline) : headline);
    }

    private static string Headline(LintResult result)
    {
        var errors = result.Findings.Count(f => f.Severity == LintSeverity.Error);
        var warnings = result.Findings.Count(f => f.Severity == LintSeverity.Warning);
        var infos = result.Findings.Count - errors - warnings;
        var text = new StringBuilder(result.Findings.Count == 0 ? "no findings" : $"{Count(errors, "error")}, {Count(warnings, "warning")}, {Count(infos, "info")}");
        text.Append($" in {Count(result.Files, "file")} ({Count(result.Statements, "statement")})");
        if (result.Dynamic)
        {
            text.Append($"; observed on a scratch database, {result.Overridden.Count} static guess{(result.Overridden.Count == 1 ? "" : "es")} overridden");
        }

        if (result.Suppressed > 0)
        {
            text.Append($"; {result.Suppressed} suppressed");
        }

        return text.ToString();
    }

    private static string Count(int n, string noun) => $"{n} {noun}{(n == 1 ? "" : "s")}";

    // GitHub workflow commands: properties escape % CR LF : and ,; the message escapes % CR LF.
    private static string GithubAnnotation(LintFinding finding, Func<string, string> display)
    {
        var command = finding.Severity switch
        {
            LintSeverity.Error => "error",
            LintSeverity.Warning => "warning",
            _ => "notice",
        };
        return GithubCommands.Annotation(
            command, $"{finding.Message} Safe alternative: {finding.SafeAlternative}", display(finding.File).Replace('\\', '/'), finding.Line, finding.Column,
            "strata lint " + finding.Rule);
    }

    // The step summary's table of findings, beside the annotations GitHub shows on the diff.
    private static string GithubSummary(LintResult result, Func<string, string> display) =>
        result.Findings.Count == 0
            ? $"**{Headline(result)}**\n"
            : $"**{Headline(result)}**\n\n" + Markdown.Table(
                ["Location", "Severity", "Rule", "Finding"],
                result.Findings.Select(f => (IReadOnlyList<string>)[
                    Markdown.Code($"{display(f.File)}:{f.Line}:{f.Column}"), LintJson.SeverityName(f.Severity), Markdown.Code(f.Rule), f.Message,
                ]));

    public static Func<string, string> Display(string workingDirectory)
    {
        var root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(workingDirectory)) + Path.DirectorySeparatorChar;
        return file => file.StartsWith(root, StringComparison.Ordinal) ? file[root.Length..] : file;
    }
}
