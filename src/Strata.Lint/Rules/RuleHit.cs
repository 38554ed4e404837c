namespace Strata.Lint.Rules;

/// <summary>Where in a statement a rule is broken (a UTF-8 byte offset, or -1 for its start) and the specific message.</summary>
internal sealed record RuleHit(int ByteOffset, string Message);
