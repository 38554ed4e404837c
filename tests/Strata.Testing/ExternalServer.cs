using Npgsql;

namespace Strata.Testing;

/// <summary>Turns <c>STRATA_TEST_DATABASE_URL</c> (a postgres:// URL or a keyword string) into an admin connection string.</summary>
internal static class ExternalServer
{
    public static string ConnectionStringFromUrl(string value)
    {
        if (!value.Contains("://", StringComparison.Ordinal))
        {
            return new NpgsqlConnectionStringBuilder(value).ConnectionString;
        }

        var uri = new Uri(value);
        var userInfo = uri.UserInfo.Split(':', 2);
        var builder = new NpgsqlConnectionStringBuilder
        {
            Host = uri.Host.Trim('[', ']'),
            Port = uri.Port > 0 ? uri.Port : 5432,
            Username = Uri.UnescapeDataString(userInfo[0]),
            Database = uri.AbsolutePath.Trim('/') is { Length: > 0 } db ? Uri.UnescapeDataString(db) : "postgres",
        };
        if (userInfo.Length == 2)
        {
            builder.Password = Uri.UnescapeDataString(userInfo[1]);
        }

        return builder.ConnectionString;
    }
}
