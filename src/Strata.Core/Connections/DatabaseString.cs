namespace Strata.Core.Connections;

/// <summary>Reads a database given as text: a postgres:// URL or an Npgsql keyword connection string.</summary>
internal static class DatabaseString
{
    public static SettingsDraft Parse(string text, string sourceName)
    {
        var trimmed = text.Trim();
        if (PostgresUrl.LooksLikeUrl(trimmed))
        {
            return PostgresUrl.Parse(trimmed, sourceName);
        }

        if (KeywordConnectionString.LooksLikeKeywords(trimmed))
        {
            return KeywordConnectionString.Parse(trimmed, sourceName);
        }

        throw ConnectionStringErrors.Invalid(
            sourceName,
            "the value is neither a postgres:// URL nor a keyword connection string (like Host=...;Database=...)");
    }
}
