namespace Strata.Core.Diagnostics;

/// <summary>One timed phase: when it started (since the trace's origin) and how long it took.</summary>
internal sealed record TimingSpan(string Phase, TimeSpan Start, TimeSpan Duration);
