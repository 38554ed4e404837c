namespace Strata.Lint.Engine;

/// <summary>One comment of a script, as PostgreSQL's lexer sees it: never text inside a string or a quoted name.</summary>
/// <param name="Start">The index of its <c>--</c> or <c>/*</c>.</param>
/// <param name="End">The index just past it (a line comment stops before its line break).</param>
/// <param name="Body">Its text without the <c>--</c>, or without the <c>/*</c> and <c>*/</c>.</param>
internal sealed record SqlComment(int Start, int End, string Body);
