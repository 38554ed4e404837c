namespace Strata.Cli.Output;

/// <summary>
/// How a run talks: human text (coloured on a terminal), newline-delimited JSON events, or human text for a GitHub
/// Actions log (errors also as workflow annotations, and a step summary).
/// </summary>
internal enum OutputMode
{
    Human,
    Json,
    Github,
}
