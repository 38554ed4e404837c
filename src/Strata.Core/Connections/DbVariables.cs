using Strata.Core.Secrets;

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
        if (EnvironmentVariables.Get(environment, User) is { } user)
        {
            draft.Username = user;
            draft.From(SettingNames.User, User);
        }

        if (environment.TryGetValue(Password, out var password) && password.Length > 0)
        {
            SecretRedactor.Register(password);
            draft.Password = password;
            draft.From(SettingNames.Password, Password);
        }

        return draft;
    }

    /// <summary>DB_HOST, DB_PORT and DB_NAME, over whatever the draft holds (used by the DB_SECRET tier too).</summary>
    public static void ApplyAddressOverrides(SettingsDraft draft, IReadOnlyDictionary<string, string> environment)
    {
        if (EnvironmentVariables.Get(environment, Host) is { } host)
        {
            draft.Hosts = [host.Trim()];
            draft.From(SettingNames.Host, Host);
        }

        if (EnvironmentVariables.Get(environment, Port) is { } port)
        {
            draft.Ports = [SettingValues.ParsePort(port.Trim(), Port, "value")];
            draft.From(SettingNames.Port, Port);
        }

        if (EnvironmentVariables.Get(environment, Name) is { } name)
        {
            draft.Database = name;
            draft.From(SettingNames.Database, Name);
        }
    }
}
