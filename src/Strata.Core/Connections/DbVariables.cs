namespace Strata.Core.Connections;

/// <summary>The <c>DB_HOST</c>, <c>DB_PORT</c>, <c>DB_NAME</c>, <c>DB_USER</c>, <c>DB_PASSWORD</c> tier; it applies when DB_HOST is set.</summary>
internal static class DbVariables
{
    public const string Host = "DB_HOST";
    public const string Port = "DB_PORT";
    public const string Name = "DB_NAME";
    public const string User = "DB_USER";
    public const string Password = "DB_PASSWORD";

    public static bool Applies(IReadOnlyDictionary<string, string> environment) =>
        EnvironmentVariables.Get(environment, Host) is not null;

    public static SettingsDraft Read(IReadOnlyDictionary<string, string> environment)
    {
        var draft = new SettingsDraft();
        ApplyAddressOverrides(draft, environment);
        draft.Take(EnvironmentVariables.Get(environment, User), v => draft.Username = v, SettingNames.User, EnvironmentVariables.Origin(environment, User));
        draft.TakePassword(environment, Password);

        return draft;
    }

    /// <summary>DB_HOST, DB_PORT and DB_NAME, over whatever the draft holds (used by the DB_SECRET tier too).</summary>
    public static void ApplyAddressOverrides(SettingsDraft draft, IReadOnlyDictionary<string, string> environment)
    {
        // A value from a dotenv file names it (DB_HOST in .env), in strata config and in errors alike.
        string Origin(string name) => EnvironmentVariables.Origin(environment, name);
        draft.Take(EnvironmentVariables.Get(environment, Host), v => draft.Hosts = [HostList.ParseSingle(v, Origin(Host), Port)], SettingNames.Host, Origin(Host));
        draft.Take(EnvironmentVariables.Get(environment, Port), v => draft.Ports = [SettingValues.ParsePort(v.Trim(), Origin(Port), "value")], SettingNames.Port, Origin(Port));
        draft.Take(EnvironmentVariables.Get(environment, Name), v => draft.Database = v, SettingNames.Database, Origin(Name));
    }
}
