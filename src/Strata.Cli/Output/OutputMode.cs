namespace Strata.Cli.Output;

/// <summary>How a run talks: human text (coloured on a terminal) or newline-delimited JSON events.</summary>
internal enum OutputMode
{
    Human,
    Json,
}
