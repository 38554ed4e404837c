using System.Text.Json;

namespace Strata.Lint.Parsing;

/// <summary>Maps one statement of libpg_query's JSON parse tree to the typed nodes the rules read.</summary>
internal static class ParseTreeReader
{
    /// <param name="statement">The statement's node in the tree.</param>
    /// <param name="sql">The statement's text, whose UTF-8 byte offsets the tree's locations are.</param>
    public static StatementNode Read(JsonElement statement, string sql)
    {
        var (kind, body) = Unwrap(statement);
        StatementNode node = kind switch
        {
            "CreateStmt" => CreateTable(body),
            "AlterTableStmt" => AlterTable(body, sql),
            "CreateTableAsStmt" => CreateFromQuery(body.Field("into"u8), body.Flag("if_not_exists"u8)),
            "SelectStmt" when SelectInto(body) is { } into => CreateFromQuery(into, ifNotExists: false),
            "IndexStmt" => new CreateIndexNode(
                body.Field("relation"u8).Relation(), body.Text("idxname"u8), body.Flag("unique"u8), body.Flag("concurrent"u8), !body.Field("relation"u8).Flag("inh"u8)),
            "CreateDomainStmt" => CreateDomain(body),
            "DropStmt" => Drop(body),
            "RenameStmt" => Rename(body),
            "ViewStmt" => new CreateViewNode(body.Field("view"u8).Relation()),
            "UpdateStmt" or "DeleteStmt" => DataChange(kind, body, query: null, location: -1),
            "RefreshMatViewStmt" => new RefreshMaterializedViewNode(body.Field("relation"u8).Relation(), body.Flag("concurrent"u8)),
            "AlterEnumStmt" when body.Text("newVal"u8) is { } value && !body.Has("oldVal"u8) =>
                new AddEnumValueNode(JsonTree.NameList(body.Field("typeName"u8).Names()), value),
            "TransactionStmt" => new TransactionNode(Strip(body.Text("kind"u8), "TRANS_STMT_")),
            "ReindexStmt" => new ReindexNode(body.Items("params"u8).Any(p => p.Field("DefElem"u8).Text("defname"u8) == "concurrently")),
            _ => new OtherNode(kind),
        };
        var (functions, literals) = ExpressionReader.ReadStatement(body);
        return node with { StringLiterals = literals, FunctionsCalled = functions, ModifyingCtes = ModifyingCtes(body) };
    }

    private static DataChangeNode DataChange(string kind, JsonElement body, string? query, int location) =>
        new(kind == "UpdateStmt" ? "UPDATE" : "DELETE", body.Field("relation"u8).Relation(), body.Has("whereClause"u8), query, location);

    // The UPDATEs and DELETEs of a statement's WITH clause: PostgreSQL allows them only at the top level.
    private static List<DataChangeNode> ModifyingCtes(JsonElement body)
    {
        var changes = new List<DataChangeNode>();
        foreach (var item in body.Field("withClause"u8).Items("ctes"u8))
        {
            var cte = item.Field("CommonTableExpr"u8);
            var (kind, query) = Unwrap(cte.Field("ctequery"u8));
            if (kind is "UpdateStmt" or "DeleteStmt")
            {
                changes.Add(DataChange(kind, query, cte.Text("ctename"u8), cte.Number("location"u8, -1)));
            }
        }

        return changes;
    }

    // SELECT ... INTO creates a table like CREATE TABLE AS; in a UNION the clause sits on the leftmost SELECT.
    private static JsonElement? SelectInto(JsonElement select)
    {
        while (select.Text("op"u8) is { } op && op != "SETOP_NONE")
        {
            select = select.Field("larg"u8);
        }

        return select.Is("intoClause"u8, out var into) ? into : null;
    }

    private static (string Kind, JsonElement Body) Unwrap(JsonElement node)
    {
        if (node.ValueKind != JsonValueKind.Object)
        {
            return ("", default);
        }

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
        foreach (var element in body.Items("tableElts"u8))
        {
            if (element.Is("ColumnDef"u8, out var column))
            {
                columns.Add(Column(column));
            }
            else if (element.Is("Constraint"u8, out var constraint))
            {
                constraints.Add(Constraint(constraint));
            }
        }

        var relation = body.Field("relation"u8);
        return new CreateTableNode(
            relation.Relation(), columns, constraints, body.Has("partbound"u8), relation.Text("relpersistence"u8) == "t", IfNotExists: body.Flag("if_not_exists"u8));
    }

    private static CreateTableNode CreateFromQuery(JsonElement into, bool ifNotExists)
    {
        var relation = into.Field("rel"u8);
        return new CreateTableNode(relation.Relation(), [], [], IsPartition: false, relation.Text("relpersistence"u8) == "t", IsFromQuery: true, ifNotExists);
    }

    private static CreateDomainNode CreateDomain(JsonElement body)
    {
        var names = body.Field("domainname"u8).Names();
        var constraints = body.Items("constraints"u8)
            .Select(c => c.Field("Constraint"u8))
            .Where(c => c.ValueKind == JsonValueKind.Object)
            .Select(Constraint)
            .ToList();
        return new CreateDomainNode(names.Count > 0 ? names[^1] : "", Type(body.Field("typeName"u8)), constraints);
    }

    private static AlterTableNode AlterTable(JsonElement body, string sql)
    {
        var commands = new List<AlterTableCommand>();
        foreach (var item in body.Items("cmds"u8))
        {
            if (item.Is("AlterTableCmd"u8, out var command))
            {
                commands.Add(AlterCommand(command));
            }
        }

        // An action without a location of its own (SET NOT NULL, DROP COLUMN, ...) is placed at its start.
        var relation = body.Field("relation"u8);
        var starts = AlterTableCommandStarts.Find(sql, relation.Number("location"u8, -1), commands.Count);
        for (var i = 0; i < starts.Count; i++)
        {
            if (commands[i].Location < 0)
            {
                commands[i] = commands[i] with { Location = starts[i] };
            }
        }

        return new AlterTableNode(relation.Relation(), Strip(body.Text("objtype"u8), "OBJECT_"), commands);
    }

    private static AlterTableCommand AlterCommand(JsonElement command)
    {
        var definition = command.Field("def"u8);
        ColumnNode? column = null;
        ConstraintNode? constraint = null;
        RelationName? partition = null;
        var hasUsing = false;
        var concurrent = false;
        var location = -1;
        if (definition.Is("ColumnDef"u8, out var columnDef))
        {
            column = Column(columnDef);
            // USING the column itself converts as no USING does: the server rewrites only when the types require it.
            hasUsing = columnDef.Has("raw_default"u8) && !IsColumn(columnDef.Field("raw_default"u8), command.Text("name"u8));
            location = column.Location;
        }
        else if (definition.Is("Constraint"u8, out var constraintDef))
        {
            constraint = Constraint(constraintDef);
            location = constraint.Location;
        }
        else if (definition.Is("PartitionCmd"u8, out var partitionCmd))
        {
            partition = partitionCmd.Field("name"u8).Relation();
            concurrent = partitionCmd.Flag("concurrent"u8);
            location = partitionCmd.Field("name"u8).Number("location"u8, -1);
        }

        return new AlterTableCommand(Strip(command.Text("subtype"u8), "AT_"), command.Text("name"u8), column, constraint, hasUsing, partition, concurrent, location);
    }

    private static bool IsColumn(JsonElement expression, string? column)
    {
        var fields = expression.Field("ColumnRef"u8).Field("fields"u8).Names();
        return fields.Count == 1 && fields[0] == column;
    }

    private static ColumnNode Column(JsonElement column)
    {
        var constraints = column.Items("constraints"u8)
            .Select(c => c.Field("Constraint"u8))
            .Where(c => c.ValueKind == JsonValueKind.Object)
            .Select(Constraint)
            .ToList();
        var typeName = column.Field("typeName"u8);
        return new ColumnNode(column.Text("colname"u8) ?? "", typeName.ValueKind == JsonValueKind.Object ? Type(typeName) : null, constraints, column.Number("location"u8, -1));
    }

    private static TypeReference Type(JsonElement typeName)
    {
        var names = typeName.Field("names"u8).Names();
        var modifiers = typeName.Items("typmods"u8)
            .Select(m => m.Field("A_Const"u8).Field("ival"u8))
            .Where(v => v.ValueKind == JsonValueKind.Object)
            .Select(v => v.Number("ival"u8))
            .ToList();
        return new TypeReference(names.Count > 0 ? names[^1] : "", names.Count > 1 && names[0] == "pg_catalog", modifiers, typeName.Has("arrayBounds"u8));
    }

    private static ConstraintNode Constraint(JsonElement constraint)
    {
        var kind = Strip(constraint.Text("contype"u8), "CONSTR_");
        var columns = constraint.Field(kind == "FOREIGN" ? "fk_attrs"u8 : "keys"u8).Names();
        return new ConstraintNode(
            kind,
            constraint.Text("conname"u8),
            constraint.Flag("skip_validation"u8),
            constraint.Has("indexname"u8),
            ExpressionReader.Read(constraint.Field("raw_expr"u8)),
            columns,
            constraint.Number("location"u8, -1));
    }

    private static DropNode Drop(JsonElement body)
    {
        var objects = body.Items("objects"u8)
            .Select(o => o.Is("TypeName"u8, out var type) ? type.Field("names"u8).Names() : o.Field("List"u8).Field("items"u8).Names())
            .Where(parts => parts.Count > 0)
            .Select(JsonTree.NameList)
            .ToList();
        return new DropNode(Strip(body.Text("removeType"u8), "OBJECT_"), objects, body.Flag("concurrent"u8));
    }

    private static RenameNode Rename(JsonElement body)
    {
        var relation = body.Field("relation"u8);
        return new RenameNode(
            Strip(body.Text("renameType"u8), "OBJECT_"),
            relation.ValueKind == JsonValueKind.Object ? relation.Relation() : null,
            body.Text("subname"u8),
            body.Text("newname"u8) ?? "");
    }

    private static string Strip(string? value, string prefix) =>
        value is null ? "" : value.StartsWith(prefix, StringComparison.Ordinal) ? value[prefix.Length..] : value;
}
