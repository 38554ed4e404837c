using Strata.Core.Connections;
using Strata.Core.Schema;
using Strata.Lint.Observation;

namespace Strata.Cli.Commands.Lint;

/// <summary>
/// The databases of a dynamic lint, resolved like every other command's: the scratch server (--scratch-url,
/// STRATA_SCRATCH_URL, else the local cluster) and the reference, which is the database the settings name (a URL,
/// an environment of strata.json, DB_*, PG*, with its password file or command); none when only the local default
/// would be used, and then the migrations before each linted one build the schema.
/// </summary>
internal static class LintDatabases
{
    public static async Task<(ScratchServer Scratch, ReferenceDatabase? Reference)> ReadAsync(CommandRun run, CancellationToken cancellationToken)
    {
        var scratch = await ScratchFlag.OpenAsync(run, cancellationToken);

        // Resolved without the resolver's log line, which would announce the local default even when it is not used.
        var connection = await new ConnectionResolver().ResolveAsync(run.Settings.ConnectionRequest(), run.Settings.Config, cancellationToken);
        if (connection.IsLocalDefault)
        {
            return (scratch, null);
        }

        run.Reporter.Progress("lint.reference", $"Reference database {connection.Settings.ToDisplayUrl()} from {connection.SourceDescription}");
        return (scratch, new ReferenceDatabase(connection, new DatabaseConnector(run.LocalCluster(), run.LoggerFactory), run.Settings.Variables));
    }

    /// <summary>The statement_timeout up runs migrations with, for the scratch database.</summary>
    public static ObservationTimeouts Timeouts(CommandRun run) => new(run.Settings.StatementTimeout.Value);
}
