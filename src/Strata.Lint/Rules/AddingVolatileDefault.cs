using Strata.Lint.Engine;
using Strata.Lint.Parsing;

namespace Strata.Lint.Rules;

/// <summary>
/// ADD COLUMN with a default rewrites the table when the default is volatile (every version) or, before PostgreSQL
/// 11, whenever there is a default at all. A non-volatile default is stored in the catalog since 11: no rewrite.
/// </summary>
internal sealed class AddingVolatileDefault : LintRule
{
    /// <summary>
    /// Functions PostgreSQL marks volatile (<c>provolatile = 'v'</c>) that appear in defaults: built-in ones, newer
    /// versions' and those of common extensions (uuid-ossp, pgcrypto). A stable function (<c>txid_current</c>,
    /// <c>pg_backend_pid</c>) is evaluated once for the ALTER and stored like a constant: no rewrite. A test checks
    /// this list against the test server's <c>pg_proc</c>.
    /// </summary>
    internal static readonly IReadOnlySet<string> VolatileFunctions = new HashSet<string>(StringComparer.Ordinal)
    {
        "random", "gen_random_uuid", "uuid_generate_v1", "uuid_generate_v1mc", "uuid_generate_v4", "clock_timestamp",
        "timeofday", "nextval", "setval", "random_normal", "gen_random_bytes", "uuidv4", "uuidv7", "uuid_generate_v7",
        "lastval", "currval",
    };

    public override string Id => "adding-volatile-default";

    public override LintSeverity Severity => LintSeverity.Error;

    public override string Summary =>
        "ADD COLUMN with a volatile default (or any default before PostgreSQL 11) rewrites the whole table under an ACCESS EXCLUSIVE lock.";

    public override string SafeAlternative =>
        "Add the column without a default (or with a constant one), set the default with ALTER COLUMN ... SET DEFAULT, and backfill existing rows in batches.";

    public override IEnumerable<RuleHit> Check(ParsedStatement statement, MigrationContext context)
    {
        foreach (var (table, command) in ExistingTableActions(statement, context, "AddColumn"))
        {
            // DEFAULT NULL is no default at all: existing rows get null, as without one, in every version.
            if (command.Column is not { } column || Default(column, context) is not ({ Expression.IsNullConstant: false } value, var domain))
            {
                continue;
            }

            // A column without a DEFAULT of its own takes its domain's: the same value for every row, or a rewrite.
            var source = domain is null ? $"the default of {table}.{column.Name}" : $"the default {table}.{column.Name} takes from its domain {domain}";
            var location = domain is null ? value.Location : column.Location;
            var volatileCall = value.Expression.Functions.FirstOrDefault(VolatileFunctions.Contains);
            if (volatileCall is not null)
            {
                yield return Hit(location, $"{source} calls {volatileCall}(), which is volatile: PostgreSQL rewrites every row of {table} while holding an ACCESS EXCLUSIVE lock.");
            }
            else if (context.PostgresVersion < 11)
            {
                yield return Hit(location, $"before PostgreSQL 11, adding {table}.{column.Name} with a default rewrites every row of {table} while holding an ACCESS EXCLUSIVE lock.");
            }
        }
    }

    private static (ConstraintNode? Value, string? Domain) Default(ColumnNode column, MigrationContext context) =>
        column.Constraint("DEFAULT") is { } own ? (own, null)
        : context.Knowledge.Domain(column.Type) is { Default: { } inherited } domain ? (inherited, domain.Name)
        : (null, null);
}
