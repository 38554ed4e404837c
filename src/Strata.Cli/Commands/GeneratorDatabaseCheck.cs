using Microsoft.Extensions.Logging;
using Npgsql;
using Strata.Core.Data;
using Strata.Core.Errors;
using Strata.Core.Generators;
using Strata.Core.Sessions;

namespace Strata.Cli.Commands;

/// <summary>
/// Checks an operation of <c>strata new</c> against the configured database before its files are written. Refuses a
/// column the expand step would add of a domain with a NOT NULL or CHECK constraint (PostgreSQL would check every
/// row as it adds it). Warns when the database lacks a table or column the operation names, or already has a name it
/// creates: a mistyped name is caught while writing the files, not when a <c>transaction:false</c> migration fails in
/// a deploy and needs repair; only a warning, as a pending migration may add the name. The local default is not
/// asked (writing a file should not start a server), and a database that cannot be reached is said.
/// </summary>
internal static class GeneratorDatabaseCheck
{
    /// <param name="run">The command run, for its settings and warnings.</param>
    /// <param name="request">The operation.</param>
    /// <param name="columnType">The column's type read from the database, when it was read.</param>
    /// <param name="cancellationToken">Cancels the queries.</param>
    /// <exception cref="GeneratorArgumentException">The expand step would add a column of a constrained domain.</exception>
    public static async Task RunAsync(CommandRun run, GeneratorRequest request, string? columnType, CancellationToken cancellationToken)
    {
        var (required, free) = MigrationGenerator.NamesUsed(request);
        await using var session = await StrataSession.OpenAsync(run.Settings, null, cancellationToken);
        if (session.Connection.IsLocalDefault)
        {
            return;
        }

        IReadOnlySet<CatalogName> existing;
        try
        {
            var dataSource = await session.DataSourceAsync(cancellationToken);
            await ConstrainedDomainCheck.CheckAsync(dataSource, request, columnType, cancellationToken);
            existing = await CatalogNameReader.ExistingAsync(dataSource, [.. required, .. free], cancellationToken);
        }
        catch (Exception error) when (error is NpgsqlException or ConnectionFailedException or TimeoutException)
        {
            Warn(run, $"could not check the names {request.OperationName} uses against the configured database ({(error is ConnectionFailedException ? error.Message : ServerErrorText.Describe(error))}); wrote the migrations unchecked");
            return;
        }

        foreach (var name in required.Where(n => !existing.Contains(n)))
        {
            Warn(run, $"the database has no {name}: the migrations fail unless a pending migration adds it; check the name");
        }

        foreach (var name in free.Where(existing.Contains))
        {
            Warn(run, $"the database already has {name}: the migrations fail unless a pending migration removes it; choose another name");
        }
    }

    private static void Warn(CommandRun run, string message) =>
        run.Reporter.Progress("new.name-check", message, level: LogLevel.Warning);
}
