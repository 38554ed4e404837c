namespace Strata.Core.Connections;

/// <summary>The stable names of connection settings, as libpq spells them; used in <c>strata config</c> and in errors.</summary>
internal static class SettingNames
{
    public const string Host = "host";
    public const string Port = "port";
    public const string Database = "database";
    public const string User = "user";
    public const string Password = "password";
    public const string SslMode = "sslmode";
    public const string SslRootCert = "sslrootcert";
    public const string ApplicationName = "application_name";
    public const string ConnectTimeout = "connect_timeout";
    public const string Options = "options";
    public const string SearchPath = "search_path";
    public const string TargetSessionAttributes = "target_session_attrs";
}
