using System.Globalization;
using System.Text.RegularExpressions;
using Npgsql;
using Strata.Core.Secrets;

namespace Strata.Core.Connections;

/// <summary>
/// Reads Npgsql keyword connection strings (<c>Host=db;Username=app;Password=...</c>). Npgsql's own builder
/// validates the keywords; settings with a libpq equivalent are mapped, the rest are kept as additional keywords.
/// </summary>
internal static partial class KeywordConnectionString
{
    // How Npgsql begins the message when it refuses a keyword or its value.
    private const string NpgsqlRefusal = "Couldn't set ";

    // Keys as Npgsql's builder canonicalises them.
    private static readonly HashSet<string> Mapped = new(StringComparer.OrdinalIgnoreCase)
    {
        "Host", "Port", "Database", "Username", "Password", "SSL Mode", "Root Certificate", "Application Name",
        "Timeout", "Options", "Search Path", "Target Session Attributes",
    };

    private static readonly HashSet<string> SecretKeys = new(StringComparer.OrdinalIgnoreCase) { "SSL Password" };

    /// <summary>A keyword string has no "://" and at least one '='.</summary>
    public static bool LooksLikeKeywords(string text) =>
        !text.Contains("://", StringComparison.Ordinal) && text.Contains('=', StringComparison.Ordinal);

    public static SettingsDraft Parse(string text, string sourceName)
    {
        var builder = Build(text, sourceName);
        var draft = new SettingsDraft();
        MapAddress(builder, draft, sourceName);
        MapOptions(builder, draft, sourceName);
        foreach (string key in builder.Keys)
        {
            if (!Mapped.Contains(key) && builder[key] is { } value)
            {
                var valueText = Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty;
                if (SecretKeys.Contains(key))
                {
                    SecretRedactor.Register(valueText);
                }

                draft.AdditionalKeywords[key] = valueText;
                draft.From(key, sourceName);
            }
        }

        return draft;
    }

    public static bool IsSecretKeyword(string key) => SecretKeys.Contains(key);

    private static NpgsqlConnectionStringBuilder Build(string text, string sourceName)
    {
        // Npgsql would read libpq's "host=db port=5432 user=app" as one host named "db port=5432 user=app".
        if (LibpqKeywordValues().IsMatch(text))
        {
            throw ConnectionStringErrors.Invalid(
                sourceName,
                "invalid keyword connection string: it is libpq's space-separated form; write a postgres:// URL, or separate the pairs with semicolons (Host=db;Port=5432;Username=app;Database=app)");
        }

        try
        {
            var builder = new NpgsqlConnectionStringBuilder(text);
            SecretRedactor.Register(builder.Password);
            return builder;
        }
        catch (ArgumentException ex)
        {
            // Npgsql's message names the keyword ("Couldn't set port"); its inner exception may quote a value, so it is
            // not kept. A text that is not keyword=value pairs is refused by the runtime, whose message speaks of an
            // "initialization string" (or is a bare resource key in a trimmed build), so that one is said in words of ours.
            var reason = ex.Message.StartsWith(NpgsqlRefusal, StringComparison.Ordinal)
                ? FirstSentence(ex.Message)
                : "it is not a list of keyword=value pairs separated by semicolons";
            throw ConnectionStringErrors.Invalid(sourceName, $"invalid keyword connection string: {reason}");
        }
    }

    private static void MapAddress(NpgsqlConnectionStringBuilder builder, SettingsDraft draft, string sourceName)
    {
        if (!string.IsNullOrEmpty(builder.Host))
        {
            (draft.Hosts, draft.Ports) = HostList.ParseKeywordHost(builder.Host, sourceName);
            draft.From(SettingNames.Host, sourceName);
        }

        // As in Npgsql, a port written with a host wins; Port applies to the hosts written without one.
        if (Given(builder, "Port"))
        {
            draft.Ports = draft.Ports.Count == 0 ? [builder.Port] : draft.Ports.Select(p => (int?)(p ?? builder.Port)).ToList();
        }

        if (draft.Ports.Count > 0)
        {
            draft.From(SettingNames.Port, sourceName);
        }

        Assign(builder.Database, v => draft.Database = v, SettingNames.Database, draft, sourceName);
        Assign(builder.Username, v => draft.Username = v, SettingNames.User, draft, sourceName);
        Assign(builder.Password, v => draft.Password = v, SettingNames.Password, draft, sourceName);
    }

    // Whether the string itself sets the keyword: Npgsql's ContainsKey answers whether the keyword exists at all, so
    // a default (port 5432, sslmode prefer) would pass for a value the string gave.
    private static bool Given(NpgsqlConnectionStringBuilder builder, string key) =>
        builder.Keys.Cast<string>().Contains(key, StringComparer.OrdinalIgnoreCase);

    private static void MapOptions(NpgsqlConnectionStringBuilder builder, SettingsDraft draft, string sourceName)
    {
        if (Given(builder, "SSL Mode"))
        {
            draft.SslMode = builder.SslMode;
            draft.From(SettingNames.SslMode, sourceName);
        }

        if (Given(builder, "Timeout"))
        {
            draft.ConnectTimeoutSeconds = builder.Timeout;
            draft.From(SettingNames.ConnectTimeout, sourceName);
        }

        Assign(builder.RootCertificate, v => draft.SslRootCert = v, SettingNames.SslRootCert, draft, sourceName);
        Assign(builder.ApplicationName, v => draft.ApplicationName = v, SettingNames.ApplicationName, draft, sourceName);
        Assign(builder.Options, v => draft.Options = v, SettingNames.Options, draft, sourceName);
        Assign(builder.SearchPath, v => draft.SearchPath = v, SettingNames.SearchPath, draft, sourceName);
        if (builder.TargetSessionAttributes is { Length: > 0 } attributes)
        {
            draft.TargetSessionAttributes = SettingValues.ParseTargetSessionAttributes(attributes, sourceName, "Target Session Attributes");
            draft.From(SettingNames.TargetSessionAttributes, sourceName);
        }
    }

    private static void Assign(string? value, Action<string> set, string setting, SettingsDraft draft, string sourceName)
    {
        if (!string.IsNullOrEmpty(value))
        {
            set(value);
            draft.From(setting, sourceName);
        }
    }

    // ArgumentException appends the parameter's name: " (Parameter 'port')", or, in a build trimmed with
    // UseSystemResourceKeys, " Arg_ParamName_Name, port". Both go; the keyword is in the sentence.
    private static string FirstSentence(string message)
    {
        foreach (var suffix in (string[])[" (Parameter", " Arg_ParamName_Name"])
        {
            var cut = message.IndexOf(suffix, StringComparison.Ordinal);
            if (cut > 0)
            {
                return message[..cut];
            }
        }

        return message;
    }

    // Two or more key=value pairs separated by whitespace alone, with no semicolon anywhere.
    [GeneratedRegex(@"^\s*\w+\s*=\s*(?:'[^']*'|[^\s';]+)(?:\s+\w+\s*=\s*(?:'[^']*'|[^\s';]+))+\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex LibpqKeywordValues();
}
