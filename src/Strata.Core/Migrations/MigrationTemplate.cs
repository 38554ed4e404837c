using System.Globalization;
using System.Text;
using Strata.Core.Errors;

namespace Strata.Core.Migrations;

/// <summary>The file a new migration starts as.</summary>
internal static class MigrationTemplate
{
    private const string Content = """
        -- migrate:up
        -- The change, in plain SQL. For statements that cannot run in a transaction, such as
        -- CREATE INDEX CONCURRENTLY, add transaction:false to the line above.


        -- migrate:down
        -- SQL that undoes the up section. Leave this section without statements if the migration cannot be undone.


        """;

    /// <summary>
    /// Creates the name and content of a new migration: <c>yyyyMMddHHmmss_description.sql</c> with the version from
    /// <paramref name="nowUtc"/> in UTC, and the description lowercased with every run of other characters than
    /// letters and digits turned into one underscore.
    /// </summary>
    /// <exception cref="ConfigurationException">The description has no letter or digit.</exception>
    public static (string FileName, string Content) Create(string description, DateTimeOffset nowUtc)
    {
        ArgumentNullException.ThrowIfNull(description);
        var slug = Slugify(description);
        if (slug.Length == 0)
        {
            throw new ConfigurationException(
                $"migration description '{description}' has no letters or digits; describe the change, e.g. add_users_table.");
        }

        var version = nowUtc.UtcDateTime.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture);
        return ($"{version}_{slug}.sql", Content);
    }

    private static string Slugify(string description)
    {
        var slug = new StringBuilder(description.Length);
        foreach (var c in description.Trim())
        {
            if (char.IsLetterOrDigit(c))
            {
                slug.Append(char.ToLowerInvariant(c));
            }
            else if (slug.Length > 0 && slug[^1] != '_')
            {
                slug.Append('_');
            }
        }

        return slug.ToString().TrimEnd('_');
    }
}
