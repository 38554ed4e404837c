using Npgsql;
using Strata.Core.Data;
using Strata.Core.Errors;
using Strata.Core.Migrations;
using Strata.Core.Sql;

namespace Strata.Core.Execution;

/// <summary>Builds the one-line errors a failed migration reports.</summary>
internal static class MigrationErrors
{
    /// <summary>The server rejected <paramref name="statement"/> (or, when null, the commit at the end of the section).</summary>
    public static MigrationFailedException FromServer(
        Migration migration, MigrationSection section, SqlStatement? statement, PostgresException error, string? consequence = null, IReadOnlyList<NextStep>? nextSteps = null)
    {
        var (line, column) = statement is null ? (section.DirectiveLine, 1) : statement.LocationOf(error.Position);
        var failure = new MigrationFailure(
            migration.Version.Value, migration.Source, line, column, error.SqlState, ServerErrorText.OneLine(error.MessageText), ServerErrorText.Detail(error), ServerErrorText.HintFor(error),
            statement?.Text);
        return new MigrationFailedException(Format(migration, failure, "failed", consequence), failure, error) { NextSteps = nextSteps ?? [] };
    }

    /// <summary>
    /// The server refused the COMMIT of a transactional section: a deferred constraint or constraint trigger, checked
    /// only then, failed. No statement of the file is to blame alone, so the error points at the section's first line.
    /// </summary>
    public static MigrationFailedException AtCommit(Migration migration, MigrationSection section, PostgresException error, string rolledBack)
    {
        var failure = new MigrationFailure(
            migration.Version.Value, migration.Source, section.DirectiveLine, 1, error.SqlState, ServerErrorText.OneLine(error.MessageText), ServerErrorText.Detail(error), ServerErrorText.HintFor(error),
            "COMMIT");
        var consequence = $"deferred constraints and constraint triggers are checked when the transaction commits; {rolledBack}";
        return new MigrationFailedException(Format(migration, failure, "failed on COMMIT", consequence), failure, error);
    }

    /// <summary>Strata refuses to send <paramref name="statement"/> as the migration is written.</summary>
    public static MigrationFailedException Refused(Migration migration, SqlStatement statement, string reason, string hint)
    {
        var failure = new MigrationFailure(migration.Version.Value, migration.Source, statement.Line, statement.Column, null, reason, null, hint, statement.Text);
        return new MigrationFailedException(Format(migration, failure, "cannot run", null), failure);
    }

    public static ConnectionFailedException ConnectionLost(Migration migration, NpgsqlException error, string state, IReadOnlyList<NextStep>? nextSteps = null) =>
        new($"Lost the connection to the database while running migration {MigrationNames.Id(migration)} ({ServerErrorText.Describe(error)}); {state}", error)
        {
            NextSteps = nextSteps ?? [],
            Version = migration.Version.Value,
        };

    private static string Format(Migration migration, MigrationFailure failure, string verb, string? consequence)
    {
        var message = $"migration {MigrationNames.Id(migration)} {verb} at {failure.Location}: {failure.Reason}";
        return consequence is null ? message : $"{message}; {consequence}";
    }
}
