using Strata.Core.Secrets;

namespace Strata.Core.Connections;

/// <summary>Applies the query parameters of a connection URL to a draft. Unknown parameters are errors.</summary>
internal static class UrlQuery
{
    private const string Supported =
        "host, port, user, password, dbname, sslmode, sslrootcert, application_name, connect_timeout, options, search_path, target_session_attrs";

    public static void Apply(string query, SettingsDraft draft, string sourceName)
    {
        foreach (var pair in query.Split('&'))
        {
            if (pair.Length == 0)
            {
                continue;
            }

            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            var name = PercentDecoding.Decode(equals < 0 ? pair : pair[..equals], "query parameter name", sourceName);
            if (equals < 0)
            {
                throw ConnectionStringErrors.Invalid(sourceName, $"query parameter '{SettingValues.Shorten(name)}' has no '=value'");
            }

            var value = PercentDecoding.Decode(pair[(equals + 1)..], $"value of query parameter '{name}'", sourceName);
            ApplyOne(name, value, draft, sourceName);
        }
    }

    private static void ApplyOne(string name, string value, SettingsDraft draft, string sourceName)
    {
        var what = $"query parameter {name}";
        switch (name)
        {
            case "host":
                draft.Hosts = HostList.ParsePlain(value, sourceName, "the port parameter");
                draft.From(SettingNames.Host, sourceName);
                return;
            case "port":
                draft.Ports = SettingValues.ParsePortList(value, sourceName, what);
                draft.From(SettingNames.Port, sourceName);
                return;
            case "user":
                draft.Username = value;
                draft.From(SettingNames.User, sourceName);
                return;
            case "password" when value.Length == 0:
                return;
            case "password":
                draft.Password = value;
                SecretRedactor.Register(value);
                draft.From(SettingNames.Password, sourceName);
                return;
            case "dbname":
                draft.Database = value;
                draft.From(SettingNames.Database, sourceName);
                return;
            default:
                ApplyOption(name, value, draft, sourceName);
                return;
        }
    }

    private static void ApplyOption(string name, string value, SettingsDraft draft, string sourceName)
    {
        var what = $"query parameter {name}";
        switch (name)
        {
            case "sslmode":
                draft.SslMode = SettingValues.ParseSslMode(value, sourceName, what);
                break;
            case "sslrootcert":
                draft.SslRootCert = value;
                break;
            case "application_name":
                draft.ApplicationName = value;
                break;
            case "connect_timeout":
                draft.ConnectTimeoutSeconds = SettingValues.ParseTimeout(value, sourceName, what);
                break;
            case "options":
                draft.Options = value;
                break;
            case "search_path":
                draft.SearchPath = value;
                break;
            case "target_session_attrs":
                draft.TargetSessionAttributes = SettingValues.ParseTargetSessionAttributes(value, sourceName, what);
                break;
            default:
                throw ConnectionStringErrors.Invalid(
                    sourceName, $"unknown query parameter '{SettingValues.Shorten(name)}' (supported: {Supported})");
        }

        draft.From(name, sourceName);
    }
}
