using Strata.Core.Sql;

namespace Strata.Core.Connections;

/// <summary>
/// Reads the <c>adoption</c> section of <c>strata.json</c>: <c>{ "ignoreSchemas": ["billing"] }</c>, the schemas of other
/// applications that share the database, whose tables do not make it another tool's or an existing one.
/// </summary>
internal static class AdoptionSectionParser
{
    /// <summary>The schema names, in file order; empty when the section or its list is absent.</summary>
    public static IReadOnlyList<string> IgnoreSchemas(JsonObjectReader top, string displayPath)
    {
        var names = ListSectionParser.Read(top, "adoption", "ignoreSchemas", "schema names", "[\"billing\"]", displayPath);
        if (names.FirstOrDefault(n => !PostgresIdentifier.Fits(n)) is { } tooLong)
        {
            throw top.Error($"'ignoreSchemas' in 'adoption' names '{tooLong}', longer than a schema name can be ({PostgresIdentifier.MaxBytes} bytes)");
        }

        return names;
    }
}
