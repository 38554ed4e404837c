using System.Text;
using Strata.Core.Connections;
using Strata.Core.Errors;
using Strata.Core.Sql;

namespace Strata.Core.Lifecycle;

/// <summary>
/// The refusals that come before any connection: protected environments are never dropped or reset, seeds go only
/// where the configuration allows them, and the databases a server needs are never dropped.
/// </summary>
internal static class LifecycleGuards
{

    private static readonly HashSet<string> MaintenanceNames = new(StringComparer.Ordinal) { "postgres", "template0", "template1" };

    /// <summary>Refuses to drop or reset (<paramref name="verb"/>) a protected environment, a maintenance database, or a name over 63 bytes.</summary>
    public static void EnsureMayDestroy(ResolvedConnection connection, string verb)
    {
        var database = connection.Settings.Database;
        if (connection.IsProtected)
        {
            throw new ProtectedEnvironmentException(
                $"refusing to {verb} database '{database}' of environment '{connection.EnvironmentName}': it is marked \"protected\": true in {ConfigFile(connection)}; protected environments cannot be {Past(verb)} by Strata");
        }

        if (MaintenanceNames.Contains(database))
        {
            throw new ConfigurationException(
                $"refusing to {verb} database '{database}': postgres, template0 and template1 are maintenance databases the server itself needs; point Strata at your application's database");
        }

        EnsureNameFits(database, verb);
    }

    /// <summary>
    /// Refuses a database name PostgreSQL would cut to its 63-byte limit (NAMEDATALEN - 1, counted in UTF-8 bytes):
    /// the server would create, or look for, a database of another name.
    /// </summary>
    public static void EnsureNameFits(string database, string verb)
    {
        var bytes = Encoding.UTF8.GetByteCount(database);
        if (bytes > PostgresIdentifier.MaxBytes)
        {
            throw new ConfigurationException(
                $"cannot {verb} database '{database}': its name is {bytes} bytes long in UTF-8, and PostgreSQL names are at most {PostgresIdentifier.MaxBytes} bytes (longer ones are cut short); choose a shorter name");
        }
    }

    /// <summary>
    /// Why seeds may not be loaded into <paramref name="connection"/>'s database, or null when they may. A config
    /// environment must opt in with <c>allowSeed</c>; a database given without an environment (a URL, variables,
    /// the local default) is never protected and may be seeded.
    /// </summary>
    public static string? SeedRefusal(ResolvedConnection connection)
    {
        if (connection.EnvironmentName is null || connection.AllowSeed)
        {
            return null;
        }

        var database = connection.Settings.Database;
        return connection.IsProtected
            ? $"refusing to seed database '{database}' of environment '{connection.EnvironmentName}': it is marked \"protected\": true in {ConfigFile(connection)} and does not set \"allowSeed\": true; seeds are only loaded where the environment allows them"
            : $"refusing to seed database '{database}' of environment '{connection.EnvironmentName}': the environment does not set \"allowSeed\": true in {ConfigFile(connection)}; add it there if seeds belong in this database";
    }

    public static void EnsureMaySeed(ResolvedConnection connection)
    {
        if (SeedRefusal(connection) is { } refusal)
        {
            throw new ProtectedEnvironmentException(refusal);
        }
    }

    private static string ConfigFile(ResolvedConnection connection) => connection.ConfigFilePath ?? "the configuration file";

    private static string Past(string verb) => verb switch
    {
        "drop" => "dropped",
        "reset" => "reset",
        _ => verb + "ed",
    };
}
