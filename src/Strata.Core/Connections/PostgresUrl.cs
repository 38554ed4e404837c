using System.Text.RegularExpressions;
using Strata.Core.Secrets;

namespace Strata.Core.Connections;

/// <summary>
/// Parses libpq connection URIs: <c>postgres[ql]://[user[:password]@][host[:port][,...]][/dbname][?param=value&amp;...]</c>.
/// Written by hand because general URI classes reject multiple hosts and mis-handle empty hosts and escapes.
/// Errors name the part that is wrong and never quote the user name or password.
/// </summary>
internal static partial class PostgresUrl
{
    public static bool LooksLikeUrl(string text) => text.Contains("://", StringComparison.Ordinal);

    public static SettingsDraft Parse(string url, string sourceName)
    {
        var schemeEnd = url.IndexOf("://", StringComparison.Ordinal);
        CheckScheme(url[..schemeEnd], sourceName);
        var rest = url[(schemeEnd + 3)..];
        if (rest.Contains('#', StringComparison.Ordinal))
        {
            throw ConnectionStringErrors.Invalid(
                sourceName, "the URL contains '#'; percent-encode it (%23) if it is part of the user name or password");
        }

        var authorityEnd = rest.IndexOfAny(['/', '?']);
        var authority = authorityEnd < 0 ? rest : rest[..authorityEnd];
        var remainder = authorityEnd < 0 ? string.Empty : rest[authorityEnd..];
        CheckCredentialsAreDelimited(authority, remainder, sourceName);

        var draft = new SettingsDraft();
        var at = authority.LastIndexOf('@');
        if (at >= 0)
        {
            ReadUserInfo(authority[..at], draft, sourceName);
        }

        var (hosts, ports) = HostList.ParseUrlAuthority(authority[(at + 1)..], sourceName);
        draft.Hosts = hosts;
        draft.Ports = ports;
        MarkOrigin(draft, SettingNames.Host, hosts.Count > 0, sourceName);
        MarkOrigin(draft, SettingNames.Port, ports.Count > 0, sourceName);

        var queryStart = remainder.IndexOf('?', StringComparison.Ordinal);
        var path = queryStart < 0 ? remainder : remainder[..queryStart];
        if (path.Length > 1)
        {
            draft.Database = PercentDecoding.Decode(path[1..], "database name", sourceName);
            draft.From(SettingNames.Database, sourceName);
        }

        if (queryStart >= 0)
        {
            UrlQuery.Apply(remainder[(queryStart + 1)..], draft, sourceName);
        }

        return draft;
    }

    private static void CheckScheme(string scheme, string sourceName)
    {
        if (scheme.Equals("postgres", StringComparison.OrdinalIgnoreCase) ||
            scheme.Equals("postgresql", StringComparison.OrdinalIgnoreCase))
        {
            return;
        }

        var named = SchemeShape().IsMatch(scheme) ? $"'{SettingValues.Shorten(scheme)}' " : string.Empty;
        throw ConnectionStringErrors.Invalid(sourceName, $"unsupported URL scheme {named}(use postgres:// or postgresql://)");
    }

    /// <summary>
    /// An unencoded '/' or '?' in a password ends the authority early, leaving the '@' behind it in the path or in
    /// a query name. Caught here so that no later message quotes a fragment of the password.
    /// </summary>
    private static void CheckCredentialsAreDelimited(string authority, string remainder, string sourceName)
    {
        if (authority.Contains('@', StringComparison.Ordinal) || !remainder.Contains('@', StringComparison.Ordinal))
        {
            return;
        }

        var queryStart = remainder.IndexOf('?', StringComparison.Ordinal);
        var path = queryStart < 0 ? remainder : remainder[..queryStart];
        var query = queryStart < 0 ? string.Empty : remainder[(queryStart + 1)..];
        var atInQueryName = query.Split('&').Any(p => p.Split('=', 2)[0].Contains('@', StringComparison.Ordinal));
        if (path.Contains('@', StringComparison.Ordinal) || atInQueryName)
        {
            throw ConnectionStringErrors.Invalid(
                sourceName,
                "the user name or password contains a reserved character ('/', '?' or '#'); percent-encode it (for example '/' as %2F)");
        }
    }

    private static void ReadUserInfo(string userInfo, SettingsDraft draft, string sourceName)
    {
        var colon = userInfo.IndexOf(':', StringComparison.Ordinal);
        var user = colon < 0 ? userInfo : userInfo[..colon];
        // An empty password ("user:@host") is no password, as in libpq.
        if (colon >= 0 && colon < userInfo.Length - 1)
        {
            draft.Password = PercentDecoding.Decode(userInfo[(colon + 1)..], "password", sourceName);
            SecretRedactor.Register(draft.Password);
            draft.From(SettingNames.Password, sourceName);
        }

        if (user.Length > 0)
        {
            draft.Username = PercentDecoding.Decode(user, "user name", sourceName);
            draft.From(SettingNames.User, sourceName);
        }
    }

    private static void MarkOrigin(SettingsDraft draft, string setting, bool given, string sourceName)
    {
        if (given)
        {
            draft.From(setting, sourceName);
        }
    }

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9+.-]{0,30}$", RegexOptions.CultureInvariant)]
    private static partial Regex SchemeShape();
}
