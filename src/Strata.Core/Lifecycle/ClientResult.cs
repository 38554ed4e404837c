namespace Strata.Core.Lifecycle;

/// <summary>How a client program exited and what it printed.</summary>
internal sealed record ClientResult(int ExitCode, string Stdout, string Stderr);
