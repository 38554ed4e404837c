using System.Text.RegularExpressions;
using Npgsql;
using Strata.Core.Data;
using Strata.Core.Sql;
using Strata.Lint.Engine;

namespace Strata.Lint.Observation;

/// <summary>
/// Runs one migration on the scratch database the way <c>up</c> would, one statement at a time, reading what each
/// did; a transactional migration is then rolled back and applied again for real, so the next one starts from it.
/// </summary>
internal static partial class MigrationObserver
{
    public static async Task<IReadOnlyList<StatementObservation>> ObserveAsync(
        NpgsqlDataSource scratch, LintUnit unit, ObservationTimeouts timeouts, CancellationToken cancellationToken)
    {
        await using var connection = await scratch.OpenConnectionAsync(cancellationToken);

        // The reference's defaults may hold a lock_timeout; the only wait here is for the observer's own snapshot.
        await ExecuteAsync(connection, "SET lock_timeout = 0", cancellationToken);
        if ((unit.StatementTimeout ?? timeouts.StatementTimeout) is { } statementTimeout)
        {
            await ExecuteAsync(connection, $"SET statement_timeout = {Durations.Setting(statementTimeout)}", cancellationToken);
        }

        var observations = unit.Transactional
            ? await InTransactionAsync(connection, unit, cancellationToken)
            : await OneByOneAsync(scratch, connection, unit, cancellationToken);
        if (unit.Transactional && observations.All(o => o.Succeeded))
        {
            await ApplyAsync(connection, unit, cancellationToken);
        }

        return observations;
    }

    private static async Task<List<StatementObservation>> InTransactionAsync(NpgsqlConnection connection, LintUnit unit, CancellationToken cancellationToken)
    {
        var observations = new List<StatementObservation>();
        await ExecuteAsync(connection, "BEGIN", cancellationToken);
        try
        {
            var baseline = await CatalogSnapshot.ReadBaselineAsync(connection, connection.ProcessID, cancellationToken);
            var before = baseline;
            foreach (var statement in unit.Statements.Where(s => !TransactionControl().IsMatch(s.Text)))
            {
                var failure = await TryExecuteAsync(connection, statement.Text, cancellationToken);
                if (failure is not null)
                {
                    observations.Add(ObservationDiff.Compare(unit.File, statement, baseline, before, before, failure));
                    break;
                }

                var after = await CatalogSnapshot.ReadAsync(connection, connection.ProcessID, cancellationToken);
                observations.Add(ObservationDiff.Compare(unit.File, statement, baseline, before, after, null));
                before = after;
            }
        }
        finally
        {
            await ExecuteAsync(connection, "ROLLBACK", cancellationToken);
        }

        return observations;
    }

    // Each statement commits on its own, as up runs a transaction:false migration; concurrent builds run while a second
    // connection holds an old snapshot and watches which locks they take, other statements that cannot run in a
    // transaction block run outside one.
    private static async Task<List<StatementObservation>> OneByOneAsync(NpgsqlDataSource scratch, NpgsqlConnection connection, LintUnit unit, CancellationToken cancellationToken)
    {
        var observations = new List<StatementObservation>();
        var baseline = await CatalogSnapshot.ReadBaselineAsync(connection, connection.ProcessID, cancellationToken);
        foreach (var statement in unit.Statements)
        {
            var observation = ConcurrentStatement.Matches(statement.Text)
                ? await ConcurrentStatement.ObserveAsync(scratch, connection, unit.File, statement, baseline, cancellationToken)
                : await AloneAsync(connection, unit.File, statement, baseline, HowAlone(statement.Text, connection), cancellationToken);
            observations.Add(observation);
            if (!observation.Succeeded)
            {
                break;
            }
        }

        return observations;
    }

    // How a statement of a transaction:false migration runs on its own.
    private enum Alone
    {
        InOwnTransaction,
        OutsideTransaction,
        NotRun,
    }

    // Most statements run in a transaction of their own. VACUUM, REINDEX DATABASE and the like fail in a transaction
    // block, so they run outside one, as up runs them: their locks are gone by the time they return, but the catalog
    // still shows what they changed (a rewrite, say). A statement that acts on the whole server rather than the scratch
    // database (a database, a tablespace, the server's configuration) is not run there at all: nothing is observed of
    // it, and the scratch server is left as it was.
    private static Alone HowAlone(string sql, NpgsqlConnection connection) =>
        NonTransactionalStatements.Find(sql, connection.PostgreSqlVersion.Major) switch
        {
            null => Alone.InOwnTransaction,
            "CREATE DATABASE" or "DROP DATABASE" or "CREATE TABLESPACE" or "DROP TABLESPACE" or "ALTER SYSTEM" => Alone.NotRun,
            _ => Alone.OutsideTransaction,
        };

    private static async Task<StatementObservation> AloneAsync(
        NpgsqlConnection connection, string file, SqlStatement statement, CatalogSnapshot baseline, Alone how, CancellationToken cancellationToken)
    {
        var inTransaction = how == Alone.InOwnTransaction;
        if (inTransaction)
        {
            await ExecuteAsync(connection, "BEGIN", cancellationToken);
        }

        var before = await CatalogSnapshot.ReadAsync(connection, connection.ProcessID, cancellationToken);
        var failure = how == Alone.NotRun ? null : await TryExecuteAsync(connection, statement.Text, cancellationToken);
        var after = failure is null ? await CatalogSnapshot.ReadAsync(connection, connection.ProcessID, cancellationToken) : before;
        if (inTransaction)
        {
            await ExecuteAsync(connection, failure is null ? "COMMIT" : "ROLLBACK", cancellationToken);
        }

        return ObservationDiff.Compare(file, statement, baseline, before, after, failure);
    }

    private static async Task ApplyAsync(NpgsqlConnection connection, LintUnit unit, CancellationToken cancellationToken)
    {
        await ExecuteAsync(connection, "BEGIN", cancellationToken);
        foreach (var statement in unit.Statements.Where(s => !TransactionControl().IsMatch(s.Text)))
        {
            if (await TryExecuteAsync(connection, statement.Text, cancellationToken) is not null)
            {
                await ExecuteAsync(connection, "ROLLBACK", cancellationToken);
                return;
            }
        }

        await ExecuteAsync(connection, "COMMIT", cancellationToken);
    }

    internal static async Task<(string SqlState, string Message)?> TryExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        try
        {
            await ExecuteAsync(connection, sql, cancellationToken);
            return null;
        }
        catch (PostgresException error)
        {
            return (error.SqlState, error.MessageText);
        }
    }

    internal static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        // statement_timeout bounds a statement, as in up; Npgsql's own 30 s command timeout would cut a long one.
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    // BEGIN, COMMIT and the like would end the transaction the observation relies on; the static
    // transaction-control-in-migration rule reports them, so they are not run here.
    [GeneratedRegex(@"^\s*(?:--[^\n]*\n\s*)*(?:BEGIN|START\s+TRANSACTION|COMMIT|END|ROLLBACK|ABORT)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex TransactionControl();
}
