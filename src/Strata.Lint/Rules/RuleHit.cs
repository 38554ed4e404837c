namespace Strata.Lint.Rules;

/// <summary>
/// Where in a statement a rule is broken (a UTF-8 byte offset, or -1 for its start), the specific message, and the
/// severity when this statement's circumstances (such as a post-deploy phase) make it differ from the rule's own.
/// </summary>
internal sealed record RuleHit(int ByteOffset, string Message, LintSeverity? Severity = null);
