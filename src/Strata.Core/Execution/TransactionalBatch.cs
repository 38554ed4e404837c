using Strata.Core.Data;

namespace Strata.Core.Execution;

/// <summary>The commands of one transactional migration, sent as one batch.</summary>
/// <param name="Commands">BEGIN, the timeouts it needs, the section's statements, the history change, COMMIT.</param>
/// <param name="FirstStatement">Index in <paramref name="Commands"/> of the section's first statement.</param>
/// <param name="After">What the session's settings hold once the batch has committed.</param>
internal sealed record TransactionalBatch(IReadOnlyList<BoundSql> Commands, int FirstStatement, SessionSettings After);
