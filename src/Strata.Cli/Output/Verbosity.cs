namespace Strata.Cli.Output;

/// <summary>How much progress a run reports: --quiet, the default, or --verbose.</summary>
internal enum Verbosity
{
    Quiet,
    Normal,
    Verbose,
}
