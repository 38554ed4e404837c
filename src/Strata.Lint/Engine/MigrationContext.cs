using Strata.Lint.Parsing;

namespace Strata.Lint.Engine;

/// <summary>
/// What the statements before the current one did: the tables and indexes this migration created (never a lock
/// hazard), the open transaction, and facts that carry over to later migrations of the same run (validated checks).
/// </summary>
internal sealed class MigrationContext(int postgresVersion, bool transactional, RunKnowledge knowledge)
{
    private readonly HashSet<RelationName> _createdTables = [];
    private readonly HashSet<RelationName> _createdIndexes = [];
    private readonly HashSet<string> _notValidInTransaction = new(StringComparer.Ordinal);
    private readonly HashSet<string> _enumValuesInTransaction = new(StringComparer.Ordinal);
    private bool _explicitTransaction;
    private bool _sequenceValueTaken;

    /// <summary>What a finding that breaks the running version says when it stands in a post-deploy migration.</summary>
    public const string ContractStepNote = " It runs after the deploy (phase:post), as the contract step: only versions that no longer use it may be running then.";

    public int PostgresVersion { get; } = postgresVersion;

    /// <summary>
    /// True for a <c>phase:post</c> migration: it runs after the rollout, once no instance of the previous
    /// application version is left, so removing what only that version used is the contract step, not a break.
    /// </summary>
    public bool IsPostDeploy { get; init; }

    /// <summary>The views any statement of this migration creates, before or after the current one.</summary>
    public IReadOnlyList<RelationName> ViewsCreated { get; init; } = [];

    /// <summary>
    /// True when this migration runs in one transaction and also creates a view named <paramref name="table"/>:
    /// renaming the table away is then never visible to others without the view in its place.
    /// </summary>
    public bool ReplacesWithView(RelationName table) =>
        transactional && ViewsCreated.Any(v => Same(v, table));

    /// <summary>
    /// The tables any statement of this migration gives a primary key with <c>ALTER TABLE</c>, before or after the
    /// current one (pg_dump writes every primary key that way, after its <c>CREATE TABLE</c>).
    /// </summary>
    public IReadOnlyList<RelationName> TablesGivenPrimaryKey { get; init; } = [];

    /// <summary>True when a statement of this migration adds a primary key to <paramref name="table"/>.</summary>
    public bool GetsPrimaryKeyHere(RelationName table) =>
        TablesGivenPrimaryKey.Any(t => Same(t, table));

    private static bool Same(RelationName a, RelationName b) => a.Qualified == b.Qualified;

    /// <summary>
    /// True while the current statement is marked <c>-- strata:batch</c>: Strata runs it in short transactions over
    /// key ranges, never over the whole table at once.
    /// </summary>
    public bool IsBatched { get; set; }

    /// <summary>True when Strata runs the whole migration in one transaction (no <c>transaction:false</c>).</summary>
    public bool IsTransactionalMigration => transactional;

    /// <summary>True when the current statement runs inside a transaction block.</summary>
    public bool InTransaction => transactional || _explicitTransaction;

    public RunKnowledge Knowledge { get; } = knowledge;

    public bool IsCreatedHere(RelationName table) => _createdTables.Contains(table.Qualified);

    public bool IsIndexCreatedHere(RelationName index) => _createdIndexes.Contains(index.Qualified);

    public bool WasAddedNotValidInTransaction(RelationName table, string constraint) =>
        _notValidInTransaction.Contains(RunKnowledge.Key(table, constraint));

    public bool IsEnumValueAddedInTransaction(string value) => _enumValuesInTransaction.Contains(value);

    /// <summary>
    /// True once a statement of this migration before the current one may have given the session a sequence value:
    /// it calls <c>nextval</c> or <c>setval</c>, or it is an <c>INSERT</c>, <c>COPY</c> or <c>MERGE</c> (a column
    /// default may call <c>nextval</c>), a <c>DO</c> block or a <c>CALL</c>. <c>currval</c> and <c>lastval</c> after
    /// it may read this migration's own value.
    /// </summary>
    public bool SequenceValueTakenHere => _sequenceValueTaken;

    /// <summary>Records what <paramref name="statement"/> did, after the rules have seen it.</summary>
    public void Observe(ParsedStatement statement)
    {
        _sequenceValueTaken |= statement.Node is OtherNode { Kind: "InsertStmt" or "CopyStmt" or "MergeStmt" or "DoStmt" or "CallStmt" }
            || statement.Node.TakesSequenceValue;

        switch (statement.Node)
        {
            // IF NOT EXISTS does nothing when the table is already there, rows and all: it is not known to be new,
            // and its columns may not be the ones written here.
            case CreateTableNode { IfNotExists: false } create:
                _createdTables.Add(create.Table.Qualified);
                foreach (var column in create.Columns)
                {
                    Knowledge.ColumnDefined(create.Table, column.Name, column.Type);
                }

                break;
            // An index lives in its table's schema.
            case CreateIndexNode index when index.Name is not null:
                _createdIndexes.Add((index.Table with { Name = index.Name }).Qualified);
                break;
            case AlterTableNode alter:
                ObserveAlter(alter);
                break;
            case CreateDomainNode domain:
                Knowledge.DomainCreated(domain);
                break;
            case DropNode { ObjectType: "TABLE" } drop:
                foreach (var table in drop.Objects)
                {
                    Knowledge.TableDropped(table);
                }

                break;
            case DropNode { ObjectType: "DOMAIN" } drop:
                foreach (var domain in drop.Objects)
                {
                    Knowledge.DomainDropped(domain);
                }

                break;
            case AddEnumValueNode added:
                _enumValuesInTransaction.Add(added.Value);
                break;
            case RenameNode { ObjectType: "TABLE", Table: { } table } rename when IsCreatedHere(table):
                _createdTables.Add((table with { Name = rename.NewName }).Qualified);
                break;
            case TransactionNode transaction when transaction.Starts:
                _explicitTransaction = true;
                break;
            case TransactionNode transaction when transaction.Ends:
                _explicitTransaction = false;
                EndTransaction();
                break;
        }

        if (!InTransaction)
        {
            EndTransaction();
        }
    }

    private void ObserveAlter(AlterTableNode alter)
    {
        foreach (var command in alter.Commands)
        {
            if (command is { Action: "AddColumn", Column: { } added })
            {
                Knowledge.ColumnDefined(alter.Table, added.Name, added.Type);
            }
            else if (command is { Action: "AlterColumnType", Name: { } changed, Column: { } definition })
            {
                Knowledge.ColumnDefined(alter.Table, changed, definition.Type);
            }
            else if (command is { Action: "AddConstraint", Constraint: { } constraint })
            {
                var name = constraint.Name ?? "";
                if (constraint.NotValid)
                {
                    _notValidInTransaction.Add(RunKnowledge.Key(alter.Table, name));
                }

                Knowledge.ConstraintAdded(alter.Table, constraint);
            }
            else if (command is { Action: "ValidateConstraint", Name: { } validated })
            {
                Knowledge.ConstraintValidated(alter.Table, validated);
            }
            else if (command is { Action: "DropConstraint", Name: { } dropped })
            {
                Knowledge.ConstraintDropped(alter.Table, dropped);
            }
        }
    }

    private void EndTransaction()
    {
        _notValidInTransaction.Clear();
        _enumValuesInTransaction.Clear();
    }
}
