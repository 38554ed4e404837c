namespace Strata.Core.Connections;

/// <summary>Where the password of a resolved connection comes from.</summary>
internal enum PasswordSource
{
    /// <summary>No password: the server must not ask for one, or the client library finds it (PGPASSWORD, ~/.pgpass).</summary>
    None,

    /// <summary>The password part of a URL or the Password keyword of a connection string.</summary>
    Url,

    /// <summary>An environment variable of its own: <c>DB_PASSWORD</c> or <c>PGPASSWORD</c>.</summary>
    Variable,

    /// <summary>The <c>password</c> field of the <c>DB_SECRET</c> JSON.</summary>
    SecretJson,

    /// <summary>A password file (<c>--password-file</c>, <c>DB_PASSWORD_FILE</c> or <c>passwordFile</c> in the config file).</summary>
    File,

    /// <summary>A command run for every new connection (<c>--password-command</c>, <c>STRATA_PASSWORD_COMMAND</c> or <c>passwordCommand</c>).</summary>
    Command,

    /// <summary>A password written literally in a database URL inside the config file (discouraged: the file is usually committed).</summary>
    ConfigFile,
}
