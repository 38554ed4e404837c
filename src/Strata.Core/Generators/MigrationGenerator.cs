using Strata.Core.Errors;

namespace Strata.Core.Generators;

/// <summary>
/// Writes the safe sequence of migrations for one schema change: validates the arguments, then hands them to the
/// operation's generator. Pure: the one fact that needs the database (a column's type) is passed in.
/// </summary>
internal static class MigrationGenerator
{
    /// <summary>
    /// The column whose current type the operation needs and the request does not give, or null: a rename copies
    /// the type, a type change casts back to it.
    /// </summary>
    /// <exception cref="GeneratorArgumentException">The column argument is malformed.</exception>
    public static ColumnName? ColumnTypeNeeded(GeneratorRequest request)
    {
        CheckArity(request);
        return request.ColumnType is null && request.Operation is GeneratorOperation.RenameColumn or GeneratorOperation.ChangeType
            ? IdentifierPath.Column(request.Arguments[0], request.OperationName)
            : null;
    }

    /// <summary>
    /// The tables and columns the operation's migrations need (<c>Required</c>: the table or column it
    /// changes, a foreign key's target) and the names they create that must be free (<c>Free</c>: a
    /// table's new name), so that a caller with a database can report a mistyped name before any migration runs.
    /// </summary>
    /// <exception cref="GeneratorArgumentException">An argument is malformed.</exception>
    public static (IReadOnlyList<CatalogName> Required, IReadOnlyList<CatalogName> Free) NamesUsed(GeneratorRequest request)
    {
        CheckArity(request);
        var name = request.OperationName;
        var args = request.Arguments;
        switch (request.Operation)
        {
            case GeneratorOperation.RenameTable:
                var table = IdentifierPath.Table(args[0], name);
                return ([CatalogName.Of(table)], [CatalogName.Of(table with { Name = NewTableName(args, name) })]);
            case GeneratorOperation.AddForeignKey:
                var (referenced, referencedColumn) = IdentifierPath.Reference(args[1], name);
                return ([CatalogName.Of(IdentifierPath.Column(args[0], name)),
                    referencedColumn is null ? CatalogName.Of(referenced) : CatalogName.Of(new ColumnName(referenced, referencedColumn))], []);
            case GeneratorOperation.AddUnique or GeneratorOperation.AddIndex:
                var (indexed, columns) = IdentifierPath.Columns(args[0], name);
                return ([.. columns.Select(c => CatalogName.Of(new ColumnName(indexed, c)))], []);
            case GeneratorOperation.RenameColumn:
                var renamed = IdentifierPath.Column(args[0], name);
                return ([CatalogName.Of(renamed)], [CatalogName.Of(renamed with { Name = NewColumnName(args, name) })]);
            case GeneratorOperation.ChangeType:
                var retyped = IdentifierPath.Column(args[0], name);
                return ([CatalogName.Of(retyped)], [CatalogName.Of(Shadow(retyped))]);
            default:
                return ([CatalogName.Of(IdentifierPath.Column(args[0], name))], []);
        }
    }

    /// <summary>
    /// The column the expand step adds and its type, or null for the operations that add none: a rename's new
    /// column, of the column's type; a type change's shadow column, of the new type.
    /// </summary>
    /// <param name="request">The operation and its arguments.</param>
    /// <param name="columnType">The column's type read from the database, when <see cref="ColumnTypeNeeded"/> asked for it.</param>
    /// <exception cref="GeneratorArgumentException">An argument is malformed, or a needed type is missing.</exception>
    public static (ColumnName Column, string Type)? ColumnAdded(GeneratorRequest request, string? columnType = null)
    {
        CheckArity(request);
        var (name, args, typeName) = (request.OperationName, request.Arguments, request.ColumnTypeName);
        return request.Operation switch
        {
            GeneratorOperation.RenameColumn => (IdentifierPath.Column(args[0], name) with { Name = NewColumnName(args, name) },
                Type(Required(request.ColumnType ?? columnType, args[0], name, typeName), typeName)),
            GeneratorOperation.ChangeType => (Shadow(IdentifierPath.Column(args[0], name)), Type(args[1], name)),
            _ => null,
        };
    }

    /// <summary>The migrations of <paramref name="request"/>, in the order they must run.</summary>
    /// <param name="request">The operation and its arguments.</param>
    /// <param name="columnType">The column's type read from the database, when <see cref="ColumnTypeNeeded"/> asked for it.</param>
    /// <exception cref="GeneratorArgumentException">An argument is malformed, or a needed type is missing.</exception>
    public static IReadOnlyList<GeneratedStep> Generate(GeneratorRequest request, string? columnType = null)
    {
        CheckArity(request);
        var name = request.OperationName;
        var args = request.Arguments;
        var type = request.ColumnType ?? columnType;
        var typeName = request.ColumnTypeName;
        return request.Operation switch
        {
            GeneratorOperation.RenameColumn => RenameColumn(name, args, type, typeName),
            GeneratorOperation.RenameTable => Distinct(IdentifierPath.Table(args[0], name), NewTableName(args, name), name),
            GeneratorOperation.ChangeType => ChangeTypeGenerator.Generate(
                IdentifierPath.Column(args[0], name), Type(Required(type, args[0], name, typeName), typeName), Type(args[1], name)),
            GeneratorOperation.SetNotNull => SetNotNullGenerator.Generate(IdentifierPath.Column(args[0], name)),
            GeneratorOperation.AddForeignKey => ForeignKey(name, args),
            GeneratorOperation.AddUnique => Columns(name, args[0], AddUniqueGenerator.Generate),
            _ => Columns(name, args[0], AddIndexGenerator.Generate),
        };
    }

    private static void CheckArity(GeneratorRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var expected = request.Operation is GeneratorOperation.SetNotNull or GeneratorOperation.AddUnique or GeneratorOperation.AddIndex ? 1 : 2;
        if (request.Arguments.Count != expected)
        {
            throw new GeneratorArgumentException(
                $"{request.OperationName} takes {(expected == 1 ? "one argument" : "two arguments")}, not {request.Arguments.Count}");
        }
    }

    private static IReadOnlyList<GeneratedStep> RenameColumn(string name, IReadOnlyList<string> args, string? type, string typeName)
    {
        var column = IdentifierPath.Column(args[0], name);
        var newName = NewColumnName(args, name);
        if (newName == column.Name)
        {
            throw new GeneratorArgumentException($"{name} {args[0]} {args[1]}: the new name is the old one");
        }

        return RenameColumnGenerator.Generate(column, newName, Type(Required(type, args[0], name, typeName), typeName));
    }

    private static ColumnName Shadow(ColumnName column) => column with { Name = ChangeTypeGenerator.ShadowName(column) };

    // The second argument of --rename-table and --rename-column: a bare name, the table or column keeping its place.
    private static string NewTableName(IReadOnlyList<string> args, string name) =>
        IdentifierPath.Single(args[1], name, "a table name without a schema (the table stays in its schema)");

    private static string NewColumnName(IReadOnlyList<string> args, string name) =>
        IdentifierPath.Single(args[1], name, "a column name without a table");

    private static IReadOnlyList<GeneratedStep> Distinct(TableName table, string newName, string name) =>
        newName == table.Name
            ? throw new GeneratorArgumentException($"{name} {table} {newName}: the new name is the old one")
            : RenameTableGenerator.Generate(table, newName);

    private static IReadOnlyList<GeneratedStep> ForeignKey(string name, IReadOnlyList<string> args)
    {
        var (referenced, column) = IdentifierPath.Reference(args[1], name);
        return AddForeignKeyGenerator.Generate(IdentifierPath.Column(args[0], name), referenced, column);
    }

    private static IReadOnlyList<GeneratedStep> Columns(
        string name, string text, Func<TableName, IReadOnlyList<string>, IReadOnlyList<GeneratedStep>> generate)
    {
        var (table, columns) = IdentifierPath.Columns(text, name);
        return generate(table, columns);
    }

    private static string Required(string? type, string column, string name, string typeName) =>
        type ?? throw new GeneratorArgumentException(
            $"{name} needs the current type of {column}: configure a reachable database to read it from, or pass {typeName} TYPE");

    // A type is spliced into the SQL as written; refuse what would end or comment out the statement.
    private static string Type(string type, string option)
    {
        var trimmed = type.Trim();
        if (trimmed.Length == 0 || trimmed.IndexOfAny([';', '\n', '\r', '$']) >= 0
            || trimmed.Contains("--", StringComparison.Ordinal) || trimmed.Contains("/*", StringComparison.Ordinal))
        {
            throw new GeneratorArgumentException($"{option} '{type}' is not a column type (e.g. bigint, text, numeric(12,2))");
        }

        return trimmed;
    }
}
