using Strata.Core.Secrets;

namespace Strata.Core.Connections;

/// <summary>libpq's <c>PG*</c> variables as one tier; it applies when PGHOST or PGDATABASE is set.</summary>
internal static class PgVariables
{
    public static bool Applies(IReadOnlyDictionary<string, string> environment) =>
        EnvironmentVariables.Get(environment, "PGHOST") is not null ||
        EnvironmentVariables.Get(environment, "PGDATABASE") is not null;

    public static SettingsDraft Read(IReadOnlyDictionary<string, string> environment)
    {
        var draft = new SettingsDraft();
        string? Get(string name) => EnvironmentVariables.Get(environment, name);

        if (Get("PGHOST") is { } host)
        {
            draft.Hosts = HostList.ParsePlain(host);
            draft.From(SettingNames.Host, "PGHOST");
        }

        if (Get("PGPORT") is { } port)
        {
            draft.Ports = SettingValues.ParsePortList(port.Trim(), "PGPORT", "value");
            draft.From(SettingNames.Port, "PGPORT");
        }

        Set(Get("PGDATABASE"), v => draft.Database = v, SettingNames.Database, "PGDATABASE", draft);
        Set(Get("PGUSER"), v => draft.Username = v, SettingNames.User, "PGUSER", draft);
        if (environment.TryGetValue("PGPASSWORD", out var password) && password.Length > 0)
        {
            SecretRedactor.Register(password);
            draft.Password = password;
            draft.From(SettingNames.Password, "PGPASSWORD");
        }

        ReadOptions(Get, draft);
        return draft;
    }

    private static void ReadOptions(Func<string, string?> get, SettingsDraft draft)
    {
        if (get("PGSSLMODE") is { } sslMode)
        {
            draft.SslMode = SettingValues.ParseSslMode(sslMode.Trim(), "PGSSLMODE", "value");
            draft.From(SettingNames.SslMode, "PGSSLMODE");
        }

        if (get("PGCONNECT_TIMEOUT") is { } timeout)
        {
            draft.ConnectTimeoutSeconds = SettingValues.ParseTimeout(timeout.Trim(), "PGCONNECT_TIMEOUT", "value");
            draft.From(SettingNames.ConnectTimeout, "PGCONNECT_TIMEOUT");
        }

        if (get("PGTARGETSESSIONATTRS") is { } attributes)
        {
            draft.TargetSessionAttributes = SettingValues.ParseTargetSessionAttributes(attributes.Trim(), "PGTARGETSESSIONATTRS", "value");
            draft.From(SettingNames.TargetSessionAttributes, "PGTARGETSESSIONATTRS");
        }

        Set(get("PGSSLROOTCERT"), v => draft.SslRootCert = v, SettingNames.SslRootCert, "PGSSLROOTCERT", draft);
        Set(get("PGAPPNAME"), v => draft.ApplicationName = v, SettingNames.ApplicationName, "PGAPPNAME", draft);
        Set(get("PGOPTIONS"), v => draft.Options = v, SettingNames.Options, "PGOPTIONS", draft);
    }

    private static void Set(string? value, Action<string> assign, string setting, string variable, SettingsDraft draft)
    {
        if (value is not null)
        {
            assign(value);
            draft.From(setting, variable);
        }
    }
}
