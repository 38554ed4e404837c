using Npgsql;
using Strata.Core.Connections;
using Strata.Core.Errors;
using Strata.Core.Lifecycle;
using Strata.Core.Schema;
using Strata.Core.Secrets;
using Strata.Core.Sql;

namespace Strata.Lint.Observation;

/// <summary>
/// The database a dynamic lint copies the schema of (never its data) and sizes costs from, as Core's connection
/// resolver chose it: a URL, an environment of strata.json, a password file or command, like every other command.
/// </summary>
internal sealed class ReferenceDatabase(ResolvedConnection connection, DatabaseConnector connector, IReadOnlyDictionary<string, string> environment)
{
    private const string TimeZone = "TimeZone";
    private static readonly TimeSpan CopyTimeout = TimeSpan.FromMinutes(5);
    private static readonly string[] DumpArguments = ["--schema-only", "--no-owner", "--no-privileges", "--encoding=UTF8"];

    /// <summary>Every table's size from the reference's statistics.</summary>
    /// <exception cref="ConnectionFailedException">The reference cannot be reached.</exception>
    public async Task<Dictionary<string, RelationSize>> SizesAsync(CancellationToken cancellationToken)
    {
        await using var dataSource = await connector.CreateDataSourceAsync(connection, null, cancellationToken);
        await using var open = await OpenAsync(dataSource, cancellationToken);
        return await ReferenceSizes.ReadAsync(open, cancellationToken);
    }

    /// <summary>
    /// The settings a session <c>up</c> opens on the reference starts with, for the scratch database's sessions: the
    /// defaults its server keeps for the database and role (<see cref="SessionDefaults"/>), and the TimeZone such a
    /// session has whatever gave it (the server's configuration too). PostgreSQL decides from it whether a change
    /// between timestamp and timestamptz rewrites the table: it skips the rewrite only when the TimeZone is UTC.
    /// </summary>
    /// <exception cref="ConnectionFailedException">The reference cannot be reached.</exception>
    public async Task<IReadOnlyList<KeyValuePair<string, string>>> SessionDefaultsAsync(CancellationToken cancellationToken)
    {
        await using var dataSource = await connector.CreateDataSourceAsync(connection, null, cancellationToken);
        await using var open = await OpenAsync(dataSource, cancellationToken);
        await using var command = new NpgsqlCommand("SELECT current_setting('TimeZone')", open);
        var timeZone = (string)(await command.ExecuteScalarAsync(cancellationToken))!;
        var defaults = await SessionDefaults.ReadAsync(dataSource, cancellationToken);
        return [.. defaults.Where(d => !d.Key.Equals(TimeZone, StringComparison.OrdinalIgnoreCase)), new(TimeZone, timeZone)];
    }

    /// <summary>
    /// Dumps the reference's schema with a <c>pg_dump</c> at least as new as its server (found and run like
    /// <c>db dump</c> does it) and runs the dump on <paramref name="scratch"/> in one transaction.
    /// </summary>
    /// <exception cref="PrerequisiteMissingException">No pg_dump as new as the reference's server.</exception>
    /// <exception cref="DatabaseCommandFailedException">pg_dump failed.</exception>
    public async Task CopySchemaAsync(ScratchDatabase scratch, CancellationToken cancellationToken)
    {
        int major;
        await using (var dataSource = await connector.CreateDataSourceAsync(connection, null, cancellationToken))
        await using (var open = await OpenAsync(dataSource, cancellationToken))
        {
            major = open.PostgreSqlVersion.Major;
        }

        var pgDump = await ClientPrograms.FindAsync("pg_dump", major, acceptOlder: false, environment, cancellationToken);
        var settings = await connector.ServerSettingsAsync(connection, createLocalDatabase: false, cancellationToken);
        var password = await DatabaseConnector.PasswordAsync(connection, settings, cancellationToken);
        var run = await ClientProcess.RunAsync(ClientProcess.ForDatabase(pgDump.Path, settings, password, DumpArguments), CopyTimeout, cancellationToken);
        if (run.ExitCode != 0)
        {
            var first = run.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault() ?? "no message";
            throw new DatabaseCommandFailedException($"pg_dump failed while copying the reference schema for lint: {SecretRedactor.Redact(first)}", null);
        }

        // The splitter passes over pg_dump's \restrict lines: they guard psql's meta-commands, and Npgsql has none.
        var script = SqlSplitter.Split(run.Stdout, new SqlSplitOptions { FileName = "reference schema" });
        await using var target = await scratch.DataSource.OpenConnectionAsync(cancellationToken);
        await ScriptExecutor.RunAsync(target, script, "the reference schema", "lint's copy of", "nothing was linted", cancellationToken);
    }

    private static async Task<NpgsqlConnection> OpenAsync(NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        try
        {
            return await dataSource.OpenConnectionAsync(cancellationToken);
        }
        catch (NpgsqlException error)
        {
            throw LintConnectionError.From("cannot read the reference database", error);
        }
    }
}
