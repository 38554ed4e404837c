using Strata.Core.Migrations;

namespace Strata.Core.Generators;

/// <summary>
/// A row trigger that keeps two columns of one table in step while two versions of the application run: on INSERT
/// it fills whichever column the writer left NULL from the other, on UPDATE it copies the side the writer changed.
/// With a cast each way it also serves a type change.
/// </summary>
/// <param name="Table">The table.</param>
/// <param name="Old">The column the running version uses.</param>
/// <param name="OldType">Its type: a copy into it is cast to this type when <paramref name="Cast"/> is set.</param>
/// <param name="New">The column the next version uses.</param>
/// <param name="NewType">Its type.</param>
/// <param name="Cast">Whether copies are cast (a type change) or plain (a rename).</param>
internal sealed record SyncTrigger(TableName Table, string Old, string OldType, string New, string NewType, bool Cast)
{
    /// <summary>The trigger's name, which its function shares.</summary>
    public string Name => GeneratedName.Of(Table.Name, "sync", New);

    private string Function => $"{SqlIdentifier.Quote(Table.Schema)}.{SqlIdentifier.Quote(Name)}()";

    /// <summary>The value of the new column computed from the old one in <paramref name="row"/> (NEW, or the table itself).</summary>
    public string NewFromOld(string? row = null) => Convert(Column(row, Old), NewType);

    /// <summary>The expand step's up: the new column beside the old one, then the function and the trigger.</summary>
    public string AddColumnAndCreate() => $"""
        ALTER TABLE {Table.Sql} ADD COLUMN {SqlIdentifier.Quote(New)} {NewType};

        {Create()}
        """;

    /// <summary>The expand step's down: the trigger and the function, then the new column.</summary>
    public string DropAndDropColumn() => $"""
        {Drop()}
        ALTER TABLE {Table.Sql} DROP COLUMN {SqlIdentifier.Quote(New)};
        """;

    /// <summary>The backfill step between expand and contract: <paramref name="what"/> says what it copies.</summary>
    public GeneratedStep BackfillStep(string what) => new(
        $"backfill_{Slug.Of(Table.Name, New)}",
        MigrationPhase.Pre,
        Generators.Backfill.Explanation(what),
        Backfill(Generators.Backfill.BatchSize, Generators.Backfill.PauseMilliseconds),
        Generators.Backfill.NothingToUndo) { UpTransactional = false };

    /// <summary>The function and the trigger.</summary>
    public string Create()
    {
        var (oldColumn, newColumn) = (Column("NEW", Old), Column("NEW", New));
        var oldFromNew = Convert(newColumn, OldType);
        return $"""
            CREATE FUNCTION {Function} RETURNS trigger LANGUAGE plpgsql AS $sync$
            BEGIN
              IF TG_OP = 'INSERT' THEN
                {newColumn} := coalesce({newColumn}, {NewFromOld("NEW")});
                {oldColumn} := coalesce({oldColumn}, {oldFromNew});
              ELSIF {oldColumn} IS DISTINCT FROM {Column("OLD", Old)} THEN
                {newColumn} := {NewFromOld("NEW")};
              ELSIF {newColumn} IS DISTINCT FROM {Column("OLD", New)} AND {newColumn} IS DISTINCT FROM {NewFromOld("NEW")} THEN
                {oldColumn} := {oldFromNew};
              END IF;
              RETURN NEW;
            END
            $sync$;

            CREATE TRIGGER {SqlIdentifier.Quote(Name)} BEFORE INSERT OR UPDATE ON {Table.Sql}
              FOR EACH ROW EXECUTE FUNCTION {Function};
            """;
    }

    /// <summary>Drops the trigger and its function.</summary>
    public string Drop() => $"""
        DROP TRIGGER {SqlIdentifier.Quote(Name)} ON {Table.Sql};
        DROP FUNCTION {Function};
        """;

    /// <summary>
    /// The backfill: a plain UPDATE of every row whose new column does not yet hold the old one's value, marked for
    /// the batch executor (each batch a short transaction over a primary-key range).
    /// </summary>
    public string Backfill(int batchSize, int pauseMilliseconds) => $"""
        -- strata:batch size={batchSize} pause={pauseMilliseconds}
        UPDATE {Table.Sql} SET {SqlIdentifier.Quote(New)} = {NewFromOld()} WHERE {SqlIdentifier.Quote(New)} IS DISTINCT FROM {NewFromOld()};
        """;

    private static string Column(string? row, string column) =>
        row is null ? SqlIdentifier.Quote(column) : $"{row}.{SqlIdentifier.Quote(column)}";

    private string Convert(string expression, string type) => Cast ? $"CAST({expression} AS {type})" : expression;
}
