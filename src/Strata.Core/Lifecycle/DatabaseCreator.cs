using System.Text;
using Npgsql;
using Strata.Core.Data;
using Strata.Core.Errors;
using Strata.Core.Logging;

namespace Strata.Core.Lifecycle;

/// <summary><c>db create</c>: creates the target database through the maintenance database, unless it exists.</summary>
internal static class DatabaseCreator
{
    public static async Task<CreateResult> RunAsync(LifecycleContext context, CreateOptions options, CancellationToken cancellationToken)
    {
        var database = context.Database;
        LifecycleGuards.EnsureNameFits(database, "create");
        await using var admin = await context.OpenMaintenanceAsync(cancellationToken);
        await using var connection = await admin.OpenConnectionAsync(cancellationToken);
        var server = LifecycleContext.ServerOf(connection);
        if (await Catalog.DatabaseExistsAsync(connection, database, cancellationToken))
        {
            LogMessages.DatabaseAlreadyExists(context.Logger, database, server);
            return new CreateResult(database, server, Created: false);
        }

        try
        {
            await using var create = new NpgsqlCommand(Statement(database, options), connection);
            await create.ExecuteNonQueryAsync(cancellationToken);
        }
        catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.DuplicateDatabase || IsCatalogDuplicate(ex))
        {
            // Another process created it between the check and the CREATE: the database exists, as asked.
            LogMessages.DatabaseAlreadyExists(context.Logger, database, server);
            return new CreateResult(database, server, Created: false);
        }
        catch (PostgresException ex)
        {
            throw ServerErrors.Command($"could not create database '{database}' on {server}", ex, Hint(ex), Steps(ex));
        }

        LogMessages.DatabaseCreated(context.Logger, database, server);
        return new CreateResult(database, server, Created: true);
    }

    // Two CREATE DATABASE of one name at once: the one that commits second may fail on the catalog's unique index
    // rather than with 42P04.
    private static bool IsCatalogDuplicate(PostgresException error) =>
        error.SqlState == PostgresErrorCodes.UniqueViolation && error.ConstraintName == "pg_database_datname_index";

    internal static string Statement(string database, CreateOptions options)
    {
        var sql = new StringBuilder("CREATE DATABASE ").Append(SqlText.Identifier(database));
        if (options.Owner is not null)
        {
            sql.Append(" OWNER ").Append(SqlText.Identifier(options.Owner));
        }

        if (options.Encoding is not null)
        {
            sql.Append(" ENCODING ").Append(SqlText.Literal(options.Encoding));
        }

        if (options.Locale is not null)
        {
            sql.Append(" LOCALE ").Append(SqlText.Literal(options.Locale));
        }

        if (options.Template is not null)
        {
            sql.Append(" TEMPLATE ").Append(SqlText.Identifier(options.Template));
        }

        return sql.ToString();
    }

    private static string? Hint(PostgresException error) => error.SqlState switch
    {
        PostgresErrorCodes.InsufficientPrivilege => "the role needs the CREATEDB attribute (or ask an administrator to create the database)",
        PostgresErrorCodes.ObjectInUse => "another session is connected to the template database; close it or create the database from template0",
        PostgresErrorCodes.InvalidParameterValue => "an encoding or locale other than the template's needs the template template0",
        _ => null,
    };

    private static NextStep[] Steps(PostgresException error) =>
        error.SqlState is PostgresErrorCodes.ObjectInUse or PostgresErrorCodes.InvalidParameterValue
            ? [new NextStep(NextStepKind.CreateFromTemplate, Value: "template0")]
            : [];
}
