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

        Set(Get("PGHOST"), v => draft.Hosts = HostList.ParsePlain(v), SettingNames.Host, "PGHOST", draft);
        Set(Get("PGPORT"), v => draft.Ports = SettingValues.ParsePortList(v.Trim(), "PGPORT", "value"), SettingNames.Port, "PGPORT", draft);
        Set(Get("PGDATABASE"), v => draft.Database = v, SettingNames.Database, "PGDATABASE", draft);
        Set(Get("PGUSER"), v => draft.Username = v, SettingNames.User, "PGUSER", draft);
        if (environment.TryGetValue("PGPASSWORD", out var password) && password.Length > 0)
        {
            SecretRedactor.Register(password);
            draft.Password = password;
            draft.From(SettingNames.Password, "PGPASSWORD");
        }

        Set(Get("PGSSLMODE"), v => draft.SslMode = SettingValues.ParseSslMode(v.Trim(), "PGSSLMODE", "value"), SettingNames.SslMode, "PGSSLMODE", draft);
        Set(Get("PGCONNECT_TIMEOUT"), v => draft.ConnectTimeoutSeconds = SettingValues.ParseTimeout(v.Trim(), "PGCONNECT_TIMEOUT", "value"), SettingNames.ConnectTimeout, "PGCONNECT_TIMEOUT", draft);
        Set(Get("PGTARGETSESSIONATTRS"), v => draft.TargetSessionAttributes = SettingValues.ParseTargetSessionAttributes(v.Trim(), "PGTARGETSESSIONATTRS", "value"), SettingNames.TargetSessionAttributes, "PGTARGETSESSIONATTRS", draft);
        Set(Get("PGSSLROOTCERT"), v => draft.SslRootCert = v, SettingNames.SslRootCert, "PGSSLROOTCERT", draft);
        Set(Get("PGAPPNAME"), v => draft.ApplicationName = v, SettingNames.ApplicationName, "PGAPPNAME", draft);
        Set(Get("PGOPTIONS"), v => draft.Options = v, SettingNames.Options, "PGOPTIONS", draft);
        return draft;
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
