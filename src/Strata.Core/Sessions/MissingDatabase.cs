using Npgsql;
using Strata.Core.Errors;
using Strata.Core.Lifecycle;

namespace Strata.Core.Sessions;

/// <summary>
/// <c>up</c> creates its database when it does not exist yet, as dbmate's <c>up</c> does. Only a missing database
/// (SQLSTATE 3D000 on connecting) leads to a create; any other failure to connect is reported as it is.
/// </summary>
internal static class MissingDatabase
{
    /// <summary>Opens the session's data source, first creating the database if connecting says it is missing.</summary>
    /// <returns>Whether the database was created.</returns>
    public static async Task<bool> CreateIfMissingAsync(StrataSession session, CancellationToken cancellationToken)
    {
        try
        {
            await session.DataSourceAsync(cancellationToken);
            return false;
        }
        catch (ConnectionFailedException ex) when (ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.InvalidCatalogName })
        {
            var result = await session.Lifecycle.CreateAsync(new CreateOptions(), cancellationToken);
            return result.Created;
        }
    }
}
