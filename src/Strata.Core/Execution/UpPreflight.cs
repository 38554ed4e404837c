using Strata.Core.Migrations;

namespace Strata.Core.Execution;

/// <summary>
/// A check <c>up</c> runs on the migrations it has planned to apply, after the files and the history were read (under
/// the lock unless dry) and before anything is written: it sees exactly what will run, without reading either again.
/// Throwing refuses the run with nothing applied.
/// </summary>
/// <param name="applied">
/// The migrations already applied whose files are present, oldest first: what the planned ones build on (a CHECK they
/// validated, the types they gave columns), for a check that must know it.
/// </param>
/// <param name="migrations">The migrations about to be applied, oldest first; empty when there is nothing to do.</param>
/// <param name="cancellationToken">Cancels the check; the run then stops with nothing applied.</param>
internal delegate Task UpPreflight(IReadOnlyList<Migration> applied, IReadOnlyList<Migration> migrations, CancellationToken cancellationToken);
