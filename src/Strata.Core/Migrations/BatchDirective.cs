using Strata.Core.Sql;

namespace Strata.Core.Migrations;

/// <summary>
/// A <c>-- strata:batch size=N [pause=MS]</c> line and the statement after it, which then runs as a batched backfill:
/// many short transactions over the target table's primary key, each touching at most <paramref name="Size"/> keys.
/// </summary>
/// <param name="Size">The most keys one batch's transaction touches.</param>
/// <param name="Pause">The pause after each batch.</param>
/// <param name="Line">The directive's 1-based line in the file.</param>
/// <param name="Statement">The statement it marks, read far enough to restrict it to a key range.</param>
internal sealed record BatchDirective(int Size, TimeSpan Pause, int Line, BatchableStatement Statement);
