using Npgsql;
using Strata.Core.Configuration;
using Strata.Core.Data;
using Strata.Core.Errors;

namespace Strata.Core.History;

/// <summary>
/// The errors every command gives when the server refuses a read or a write of the history table (a missing privilege,
/// a table that is not the one Strata created), whichever reader or writer met it: they name the table, not a line
/// of a migration file, and say what stayed applied.
/// </summary>
internal static class HistoryRefusal
{
    private const string NotOurs = "or check that the configured history table is the one Strata created";

    /// <summary>
    /// Whether <paramref name="error"/> is the server refusing the statement rather than the connection failing or a
    /// lock on the table not being granted within lock_timeout (55P03), which no privilege would change.
    /// </summary>
    public static bool IsRefusal(PostgresException error) =>
        !ConnectionErrors.IsConnectionFailure(error) && error.SqlState != PostgresErrorCodes.LockNotAvailable;

    public static ConfigurationException Read(HistoryTableName table, PostgresException error) => IsNotAHistoryTable(error)
        ? new($"Could not read the history table {table}: {ServerErrorText.Describe(error)}; its columns are not those of a Strata history " +
            "table, so it may be another tool's: configure the table Strata created, or import another tool's history with adopt " +
            "(which leaves that tool's table as it is); nothing was changed.", error)
        {
            NextSteps = [new NextStep(NextStepKind.ShowSettings), new NextStep(NextStepKind.Adopt)],
        }
        : new($"Could not read the history table {table}: {ServerErrorText.Describe(error, $"grant the role SELECT on it, {NotOurs}")}.", error);

    // A column Strata reads is missing, or has a type it cannot be read or compared as: a privilege would not help.
    private static bool IsNotAHistoryTable(PostgresException error) =>
        error.SqlState is PostgresErrorCodes.UndefinedColumn or PostgresErrorCodes.DatatypeMismatch or PostgresErrorCodes.UndefinedFunction
            or PostgresErrorCodes.InvalidTextRepresentation;

    /// <param name="table">The history table.</param>
    /// <param name="error">The server's refusal.</param>
    /// <param name="state">What the refused write leaves behind, such as "nothing was recorded".</param>
    public static ConfigurationException Write(HistoryTableName table, PostgresException error, string state) =>
        new($"Could not write to the history table {table}: {ServerErrorText.Describe(error, $"grant the role SELECT, INSERT, UPDATE and DELETE on it, {NotOurs}")}; {state}.", error);
}
