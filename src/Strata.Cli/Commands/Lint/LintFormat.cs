namespace Strata.Cli.Commands.Lint;

/// <summary>How `strata lint` writes its findings.</summary>
internal enum LintFormat
{
    Text,
    Json,
    Sarif,
    Github,
}
