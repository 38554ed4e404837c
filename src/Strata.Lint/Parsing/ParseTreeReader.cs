using System.Text.Json;

namespace Strata.Lint.Parsing;

/// <summary>Maps one statement of libpg_query's JSON parse tree to the typed nodes the rules read.</summary>
internal static class ParseTreeReader
{
    public static StatementNode Read(JsonElement statement)
    {
        var (kind, body) = Unwrap(statement);
        StatementNode node = kind switch
        {
            "CreateStmt" => CreateTable(body),
            "AlterTableStmt" => AlterTable(body),
            "CreateTableAsStmt" => CreateFromQuery(body),
            "IndexStmt" => new CreateIndexNode(
                body.Field("relation").Relation(), body.Text("idxname"), body.Flag("unique"), body.Flag("concurrent"), !body.Field("relation").Flag("inh")),
            "DropStmt" => Drop(body),
            "RenameStmt" => Rename(body),
            "ViewStmt" => new CreateViewNode(body.Field("view").Relation()),
            "UpdateStmt" or "DeleteStmt" => new DataChangeNode(kind == "UpdateStmt" ? "UPDATE" : "DELETE", body.Field("relation").Relation(), body.Has("whereClause")),
            "RefreshMatViewStmt" => new RefreshMaterializedViewNode(body.Field("relation").Relation(), body.Flag("concurrent")),
            "AlterEnumStmt" when body.Text("newVal") is { } value && !body.Has("oldVal") =>
                new AddEnumValueNode(JsonTree.NameList(body.Field("typeName").Names()), value),
            "TransactionStmt" => new TransactionNode(Strip(body.Text("kind"), "TRANS_STMT_")),
            "ReindexStmt" => new ReindexNode(body.Items("params").Any(p => p.Field("DefElem").Text("defname") == "concurrently")),
            _ => new OtherNode(kind),
        };
        return node with { StringLiterals = ExpressionReader.StringLiterals(body) };
    }

    private static (string Kind, JsonElement Body) Unwrap(JsonElement node)
    {
        foreach (var property in node.EnumerateObject())
        {
            return (property.Name, property.Value);
        }

        return ("", default);
    }

    private static CreateTableNode CreateTable(JsonElement body)
    {
        var columns = new List<ColumnNode>();
        var constraints = new List<ConstraintNode>();
        foreach (var element in body.Items("tableElts"))
        {
            if (element.Is("ColumnDef", out var column))
            {
                columns.Add(Column(column));
            }
            else if (element.Is("Constraint", out var constraint))
            {
                constraints.Add(Constraint(constraint));
            }
        }

        var relation = body.Field("relation");
        return new CreateTableNode(relation.Relation(), columns, constraints, body.Has("partbound"), relation.Text("relpersistence") == "t");
    }

    private static CreateTableNode CreateFromQuery(JsonElement body)
    {
        var relation = body.Field("into").Field("rel");
        return new CreateTableNode(relation.Relation(), [], [], IsPartition: false, relation.Text("relpersistence") == "t", IsFromQuery: true);
    }

    private static AlterTableNode AlterTable(JsonElement body)
    {
        var commands = new List<AlterTableCommand>();
        foreach (var item in body.Items("cmds"))
        {
            if (item.Is("AlterTableCmd", out var command))
            {
                commands.Add(AlterCommand(command));
            }
        }

        return new AlterTableNode(body.Field("relation").Relation(), Strip(body.Text("objtype"), "OBJECT_"), commands);
    }

    private static AlterTableCommand AlterCommand(JsonElement command)
    {
        var definition = command.Field("def");
        ColumnNode? column = null;
        ConstraintNode? constraint = null;
        RelationName? partition = null;
        var hasUsing = false;
        var concurrent = false;
        var location = -1;
        if (definition.Is("ColumnDef", out var columnDef))
        {
            column = Column(columnDef);
            hasUsing = columnDef.Has("raw_default");
            location = column.Location;
        }
        else if (definition.Is("Constraint", out var constraintDef))
        {
            constraint = Constraint(constraintDef);
            location = constraint.Location;
        }
        else if (definition.Is("PartitionCmd", out var partitionCmd))
        {
            partition = partitionCmd.Field("name").Relation();
            concurrent = partitionCmd.Flag("concurrent");
            location = partitionCmd.Field("name").Number("location", -1);
        }

        return new AlterTableCommand(Strip(command.Text("subtype"), "AT_"), command.Text("name"), column, constraint, hasUsing, partition, concurrent, location);
    }

    private static ColumnNode Column(JsonElement column)
    {
        var constraints = column.Items("constraints")
            .Select(c => c.Field("Constraint"))
            .Where(c => c.ValueKind == JsonValueKind.Object)
            .Select(Constraint)
            .ToList();
        var typeName = column.Field("typeName");
        return new ColumnNode(column.Text("colname") ?? "", typeName.ValueKind == JsonValueKind.Object ? Type(typeName) : null, constraints, column.Number("location", -1));
    }

    private static TypeReference Type(JsonElement typeName)
    {
        var names = typeName.Field("names").Names();
        var modifiers = typeName.Items("typmods")
            .Select(m => m.Field("A_Const").Field("ival"))
            .Where(v => v.ValueKind == JsonValueKind.Object)
            .Select(v => v.Number("ival"))
            .ToList();
        return new TypeReference(names.Count > 0 ? names[^1] : "", names.Count > 1 && names[0] == "pg_catalog", modifiers, typeName.Has("arrayBounds"));
    }

    private static ConstraintNode Constraint(JsonElement constraint)
    {
        var kind = Strip(constraint.Text("contype"), "CONSTR_");
        var columns = constraint.Field(kind == "FOREIGN" ? "fk_attrs" : "keys").Names();
        return new ConstraintNode(
            kind,
            constraint.Text("conname"),
            constraint.Flag("skip_validation"),
            constraint.Has("indexname"),
            ExpressionReader.Read(constraint.Field("raw_expr")),
            columns,
            constraint.Number("location", -1));
    }

    private static DropNode Drop(JsonElement body)
    {
        var objects = body.Items("objects")
            .Select(o => o.Is("TypeName", out var type) ? type.Field("names").Names() : o.Field("List").Field("items").Names())
            .Where(parts => parts.Count > 0)
            .Select(JsonTree.NameList)
            .ToList();
        return new DropNode(Strip(body.Text("removeType"), "OBJECT_"), objects, body.Flag("concurrent"));
    }

    private static RenameNode Rename(JsonElement body)
    {
        var relation = body.Field("relation");
        return new RenameNode(
            Strip(body.Text("renameType"), "OBJECT_"),
            relation.ValueKind == JsonValueKind.Object ? relation.Relation() : null,
            body.Text("subname"),
            body.Text("newname") ?? "");
    }

    private static string Strip(string? value, string prefix) =>
        value is null ? "" : value.StartsWith(prefix, StringComparison.Ordinal) ? value[prefix.Length..] : value;
}
