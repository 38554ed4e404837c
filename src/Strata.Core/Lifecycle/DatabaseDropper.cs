using Npgsql;
using Strata.Core.Data;
using Strata.Core.Errors;
using Strata.Core.Logging;

namespace Strata.Core.Lifecycle;

/// <summary>
/// <c>db drop</c>: refuses protected environments and maintenance databases before connecting, asks for confirmation
/// once the database is known to exist, and drops it from the maintenance database.
/// </summary>
internal static class DatabaseDropper
{
    private const int ForceClauseMinimumVersion = 13;

    public static async Task<DropResult> RunAsync(LifecycleContext context, DropOptions options, CancellationToken cancellationToken)
    {
        LifecycleGuards.EnsureMayDestroy(context.Connection, "drop");
        var database = context.Database;
        await using var admin = await context.OpenMaintenanceAsync(cancellationToken);
        await using var connection = await admin.OpenConnectionAsync(cancellationToken);
        var server = LifecycleContext.ServerOf(connection);
        if (!await Catalog.DatabaseExistsAsync(connection, database, cancellationToken))
        {
            LogMessages.DatabaseAlreadyAbsent(context.Logger, database, server);
            return new DropResult(database, server, Dropped: false, SessionsEnded: 0);
        }

        if (options.Recreate && !await Catalog.MayCreateDatabasesAsync(connection, cancellationToken))
        {
            throw new DatabaseCommandFailedException(
                $"database '{database}' on {server} was not dropped: role '{connection.UserName}' may not create databases (it has neither CREATEDB nor SUPERUSER), so it could not be created again; grant the role CREATEDB, or run the reset as a role that has it",
                PostgresErrorCodes.InsufficientPrivilege);
        }

        var environment = context.Connection.EnvironmentName is { } name ? $" (environment '{name}')" : string.Empty;
        if (options.Confirm is { } confirm && !confirm($"Drop database '{database}' on {server}{environment}? Every table and row in it will be lost."))
        {
            throw new ConfigurationException($"not confirmed: database '{database}' was not dropped");
        }

        var sessions = await Catalog.OtherSessionsAsync(connection, database, cancellationToken);
        try
        {
            await DropAsync(connection, database, options.Force, cancellationToken);
        }
        catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.ObjectInUse && !options.Force)
        {
            var users = await Catalog.OtherSessionsAsync(connection, database, cancellationToken);
            throw new DatabaseCommandFailedException(
                $"database '{database}' on {server} was not dropped: {users} other session(s) are connected to it; close them, or drop it ending them first",
                ex.SqlState,
                ServerErrorText.SafeInner(ex))
            {
                NextSteps = [new NextStep(NextStepKind.ListSessions), new NextStep(NextStepKind.DropEndingSessions)],
            };
        }
        catch (PostgresException ex)
        {
            throw ServerErrors.Command($"could not drop database '{database}' on {server}", ex);
        }

        LogMessages.DatabaseDropped(context.Logger, database, server);
        return new DropResult(database, server, Dropped: true, SessionsEnded: options.Force ? sessions : 0);
    }

    private static async Task DropAsync(NpgsqlConnection connection, string database, bool endSessions, CancellationToken cancellationToken)
    {
        var drop = "DROP DATABASE IF EXISTS " + SqlText.Identifier(database);
        if (endSessions && connection.PostgreSqlVersion.Major >= ForceClauseMinimumVersion)
        {
            drop += " WITH (FORCE)";
        }
        else if (endSessions)
        {
            // Before PostgreSQL 13 there is no FORCE: end the sessions just before dropping.
            await using var terminate = new NpgsqlCommand(
                "SELECT pg_terminate_backend(pid) FROM pg_catalog.pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()", connection);
            terminate.Parameters.Add(new NpgsqlParameter { Value = database });
            await terminate.ExecuteNonQueryAsync(cancellationToken);
        }

        await ExecuteAsync(connection, drop, cancellationToken);
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
