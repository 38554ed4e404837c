using Strata.Core.Errors;
using Strata.Core.Generators;

namespace Strata.Cli.Commands;

/// <summary>The expand/contract operations of <c>strata new</c>, each a flag, and <c>--type</c>.</summary>
internal sealed class NewOperationFlags
{
    private readonly (GeneratorOperation Operation, Option Option)[] _operations =
    [
        (GeneratorOperation.RenameColumn, Flag("--rename-column", 2, "TABLE.OLD NEW", "Rename a column: add NEW with a sync trigger, backfill in batches, drop OLD after the deploy.")),
        (GeneratorOperation.RenameTable, Flag("--rename-table", 2, "OLD NEW", "Rename a table, leaving an updatable view under the old name until after the deploy.")),
        (GeneratorOperation.ChangeType, Flag("--change-type", 2, "TABLE.COL TYPE", "Change a column's type: shadow column with a casting sync trigger, backfill, swap after the deploy.")),
        (GeneratorOperation.SetNotNull, Flag("--set-not-null", 1, "TABLE.COL", "Make a column NOT NULL: CHECK NOT VALID, VALIDATE, then SET NOT NULL without a scan.")),
        (GeneratorOperation.AddForeignKey, Flag("--add-foreign-key", 2, "TABLE.COL REFTABLE[.REFCOL]", "Add a foreign key NOT VALID, then VALIDATE it in a separate migration.")),
        (GeneratorOperation.AddUnique, Flag("--add-unique", 1, "TABLE.COL[,COL...]", "Add a unique constraint: unique index built CONCURRENTLY, then ADD CONSTRAINT ... USING INDEX.")),
        (GeneratorOperation.AddIndex, Flag("--add-index", 1, "TABLE.COL[,COL...]", "Build an index CONCURRENTLY in a transaction:false migration.")),
    ];

    private readonly Option<string> _type = new("--type")
    {
        Description = "The column's current type, for --rename-column and --change-type when no database is configured to read it from.",
        HelpName = "TYPE",
    };

    public void AddTo(Command command)
    {
        foreach (var (_, option) in _operations)
        {
            command.Options.Add(option);
        }

        command.Options.Add(_type);
    }

    /// <summary>The operation the command line asks for, or null for a plain empty migration.</summary>
    /// <exception cref="GeneratorArgumentException">Several operations, or --type without one that needs it.</exception>
    public GeneratorRequest? Read(ParseResult parse)
    {
        var given = _operations.Where(o => parse.GetResult(o.Option) is not null).ToList();
        var type = parse.GetValue(_type);
        if (given.Count > 1)
        {
            throw new GeneratorArgumentException(
                $"{string.Join(" and ", given.Select(o => o.Option.Name))} cannot be combined: strata new writes one operation at a time");
        }

        if (given.Count == 0)
        {
            return type is null ? null : throw new GeneratorArgumentException("--type goes with --rename-column or --change-type");
        }

        var (operation, option) = given[0];
        if (type is not null && operation is not (GeneratorOperation.RenameColumn or GeneratorOperation.ChangeType))
        {
            throw new GeneratorArgumentException($"--type goes with --rename-column or --change-type, not {option.Name}");
        }

        IReadOnlyList<string> arguments = option switch
        {
            Option<string[]> pair => parse.GetValue(pair) ?? [],
            Option<string> single => [parse.GetValue(single) ?? ""],
            _ => [],
        };
        return new GeneratorRequest(operation, arguments, type) { OperationName = option.Name, ColumnTypeName = _type.Name };
    }

    private static Option Flag(string name, int values, string helpName, string description) => values == 1
        ? new Option<string>(name) { Description = description, HelpName = helpName }
        : new Option<string[]>(name)
        {
            Description = description,
            HelpName = helpName,
            Arity = new ArgumentArity(values, values),
            AllowMultipleArgumentsPerToken = true,
        };
}
