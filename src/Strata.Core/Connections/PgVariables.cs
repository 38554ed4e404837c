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
        string Origin(string name) => EnvironmentVariables.Origin(environment, name);

        draft.Take(Get("PGHOST"), v => draft.Hosts = HostList.ParsePlain(v, Origin("PGHOST"), "PGPORT"), SettingNames.Host, Origin("PGHOST"));
        draft.Take(Get("PGPORT"), v => draft.Ports = SettingValues.ParsePortList(v.Trim(), Origin("PGPORT"), "value"), SettingNames.Port, Origin("PGPORT"));
        draft.Take(Get("PGDATABASE"), v => draft.Database = v, SettingNames.Database, Origin("PGDATABASE"));
        draft.Take(Get("PGUSER"), v => draft.Username = v, SettingNames.User, Origin("PGUSER"));
        draft.TakePassword(environment, "PGPASSWORD");
        draft.Take(Get("PGSSLMODE"), v => draft.SslMode = SettingValues.ParseSslMode(v.Trim(), Origin("PGSSLMODE"), "value"), SettingNames.SslMode, Origin("PGSSLMODE"));
        draft.Take(Get("PGCONNECT_TIMEOUT"), v => draft.ConnectTimeoutSeconds = SettingValues.ParseTimeout(v.Trim(), Origin("PGCONNECT_TIMEOUT"), "value"), SettingNames.ConnectTimeout, Origin("PGCONNECT_TIMEOUT"));
        draft.Take(Get("PGTARGETSESSIONATTRS"), v => draft.TargetSessionAttributes = SettingValues.ParseTargetSessionAttributes(v.Trim(), Origin("PGTARGETSESSIONATTRS"), "value"), SettingNames.TargetSessionAttributes, Origin("PGTARGETSESSIONATTRS"));
        draft.Take(Get("PGSSLROOTCERT"), v => draft.SslRootCert = v, SettingNames.SslRootCert, Origin("PGSSLROOTCERT"));
        draft.Take(Get("PGAPPNAME"), v => draft.ApplicationName = v, SettingNames.ApplicationName, Origin("PGAPPNAME"));
        draft.Take(Get("PGOPTIONS"), v => draft.Options = v, SettingNames.Options, Origin("PGOPTIONS"));
        return draft;
    }
}
