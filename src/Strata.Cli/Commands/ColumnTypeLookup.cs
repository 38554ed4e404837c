using Npgsql;
using Strata.Core.Configuration;
using Strata.Core.Errors;
using Strata.Core.Generators;
using Strata.Core.Sessions;

namespace Strata.Cli.Commands;

/// <summary>
/// Asks the configured database for a column's type, for the generators that copy or cast it. The local default
/// is not asked (writing a file should not start a server), and a database that cannot be reached is reported with
/// the way around it (<c>--type</c>).
/// </summary>
internal static class ColumnTypeLookup
{
    public static async Task<string> ReadAsync(StrataSettings settings, ColumnName column, string flag, CancellationToken cancellationToken)
    {
        await using var session = await StrataSession.OpenAsync(settings, null, cancellationToken);
        if (session.Connection.IsLocalDefault)
        {
            throw new GeneratorArgumentException(
                $"{flag} needs the current type of {column} and no database is configured to read it from; pass --type TYPE");
        }

        try
        {
            return await ColumnTypeReader.ReadAsync(await session.DataSourceAsync(cancellationToken), column, cancellationToken);
        }
        catch (Exception error) when (error is NpgsqlException or ConnectionFailedException or TimeoutException)
        {
            throw new GeneratorArgumentException(
                $"{flag} needs the current type of {column} and the configured database cannot be reached to read it; pass --type TYPE", error);
        }
    }
}
