using Strata.Core.Schema;
using Strata.Lint.Engine;
using Strata.Lint.Parsing;

namespace Strata.Lint.Observation;

/// <summary>
/// Turns the difference between the schema before and after one migration into what breaks the application still
/// running during a rolling deploy: objects it may use that were renamed, dropped, or whose type changed in a way
/// that old code cannot read or write the same. Each break is attributed to the statement that makes it, read from
/// the parse tree where it can be (see <see cref="BreakingStatement"/>), else to the first that names the object.
/// </summary>
internal static class SchemaBreaks
{
    // Objects queries name. Indexes, constraints, triggers and policies are not named by an application's queries.
    private static readonly HashSet<string> UsedByQueries = new(StringComparer.Ordinal)
    {
        "table", "foreign table", "view", "materialized view", "column", "sequence", "function", "procedure", "enum", "domain", "composite type",
    };

    // Types whose values the running application reads and writes the same way: numbers stay numbers of the same
    // kind, strings stay strings. A change within a family may still reject values that no longer fit, which the
    // rewrite and scan it costs already brings to light; a change across families changes what the application gets.
    private static readonly string[][] Families =
    [
        ["smallint", "integer", "bigint"],
        ["real", "double precision"],
        ["text", "character varying", "character"],
        ["cidr", "inet"],
    ];

    /// <summary>The observations of one migration, each carrying the breaks attributed to it (an empty list: none).</summary>
    public static List<StatementObservation> Attribute(LintUnit unit, IReadOnlyList<StatementObservation> observations, SchemaComparison comparison)
    {
        var breaks = Find(comparison);
        var byStatement = observations.ToDictionary(o => (o.Line, o.Column), _ => new List<SchemaBreak>());
        List<ParsedStatement> parsed = breaks.Count == 0 ? [] : [.. unit.Statements.Select(s => PgQueryParser.Parse(s, unit.File))];
        foreach (var found in breaks)
        {
            var cause = BreakingStatement.Find(found, NameParts(found.Name), parsed);
            var statement = (cause >= 0 && byStatement.ContainsKey((unit.Statements[cause].Line, unit.Statements[cause].Column)) ? unit.Statements[cause] : null)
                ?? unit.Statements.FirstOrDefault(s => byStatement.ContainsKey((s.Line, s.Column)) && Names(s.Text, found.Name))
                ?? unit.Statements.First(s => byStatement.ContainsKey((s.Line, s.Column)));
            byStatement[(statement.Line, statement.Column)].Add(found);
        }

        return [.. observations.Select(o => o with { SchemaBreaks = byStatement[(o.Line, o.Column)] })];
    }

    public static List<SchemaBreak> Find(SchemaComparison comparison)
    {
        var added = comparison.Differences.Where(d => d.Change == SchemaChange.Added).ToList();
        var breaks = new List<SchemaBreak>();
        foreach (var difference in comparison.Differences.Where(d => UsedByQueries.Contains(d.Kind) && !StillServed(d, added)))
        {
            if (difference.Change == SchemaChange.Removed)
            {
                var renamedTo = added.FirstOrDefault(a => a.Kind == difference.Kind && Parent(a.Name) == Parent(difference.Name));
                if (renamedTo is not null)
                {
                    added.Remove(renamedTo);
                }

                breaks.Add(renamedTo is null
                    ? new SchemaBreak(difference.Kind, difference.Name, "dropped", null)
                    : new SchemaBreak(difference.Kind, difference.Name, "renamed", renamedTo.Name));
            }
            else if (difference.Change == SchemaChange.Changed
                && difference.Kind == "column"
                && difference.Attributes.FirstOrDefault(a => a.Name == "type") is { Before: { } before, After: { } after }
                && !SameFamily(before, after))
            {
                breaks.Add(new SchemaBreak(difference.Kind, difference.Name, "type changed", $"{before} → {after}"));
            }
        }

        return breaks;
    }

    // A table renamed away with a view created under its old name (expand of a table rename): the running version
    // still reads and writes the old name, and its columns, through the view.
    private static bool StillServed(SchemaDifference difference, List<SchemaDifference> added) =>
        difference.Change == SchemaChange.Removed
        && difference.Kind is "table" or "column"
        && added.Exists(a => a.Kind == "view" && a.Name == (difference.Kind == "table" ? difference.Name : Parent(difference.Name)));

    private static bool SameFamily(string before, string after)
    {
        var (oldBase, newBase) = (Base(before), Base(after));
        return oldBase == newBase || Families.Any(family => family.Contains(oldBase) && family.Contains(newBase));
    }

    private static string Base(string type)
    {
        var open = type.IndexOf('(', StringComparison.Ordinal);
        return open < 0 ? type : type[..open];
    }

    // The qualified name without its last part: a column's table, a table's schema.
    private static string Parent(string name)
    {
        var parts = NameParts(name);
        return string.Join('.', parts.Take(parts.Count - 1));
    }

    // Whether a statement's text mentions every part of the name after the schema (the table, and the column): the
    // guess for objects whose statements the parse tree is not read for (functions, types).
    private static bool Names(string sql, string name) =>
        NameParts(name).Skip(1).All(part => sql.Contains(part, StringComparison.OrdinalIgnoreCase));

    private static List<string> NameParts(string name)
    {
        var parts = new List<string>();
        var current = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (c == '"')
            {
                if (quoted && i + 1 < name.Length && name[i + 1] == '"')
                {
                    current.Append('"');
                    i++;
                }
                else
                {
                    quoted = !quoted;
                }
            }
            else if (c == '.' && !quoted)
            {
                parts.Add(current.ToString());
                current.Clear();
            }
            else
            {
                current.Append(c);
            }
        }

        parts.Add(current.ToString());
        return parts;
    }
}
