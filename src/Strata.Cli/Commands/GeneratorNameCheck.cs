using Microsoft.Extensions.Logging;
using Npgsql;
using Strata.Core.Data;
using Strata.Core.Errors;
using Strata.Core.Generators;
using Strata.Core.Sessions;

namespace Strata.Cli.Commands;

/// <summary>
/// Warns when the configured database lacks a table or column an operation of <c>strata new</c> names, or already has
/// a name it creates: a mistyped name is caught while writing the files, not when a <c>transaction:false</c>
/// migration fails in a deploy and needs repair. Only warns, as a pending migration may add the name; the local
/// default is not asked (writing a file should not start a server), and a database that cannot be reached is said.
/// </summary>
internal static class GeneratorNameCheck
{
    public static async Task WarnAsync(CommandRun run, GeneratorRequest request, CancellationToken cancellationToken)
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
            existing = await CatalogNameReader.ExistingAsync(await session.DataSourceAsync(cancellationToken), [.. required, .. free], cancellationToken);
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
