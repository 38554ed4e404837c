
namespace Strata.Core.Errors;

/// <summary>
/// Strata's history is empty but the database is not: another tool's history table holds migrations it applied, or
/// the schema already has tables. Running migrations now would apply them a second time, so the command refuses until
/// the existing state is recorded (<c>adopt</c> or <c>baseline</c>).
/// </summary>
internal sealed class AdoptionRequiredException : StrataException
{
    /// <summary>Creates the error with a one-line message and the other tools' tables that were found.</summary>
    /// <param name="message">The one-line message, naming the tool, the table and how to adopt.</param>
    /// <param name="foreignTables">The other tools' history tables found (qualified names); empty when the schema simply has tables.</param>
    public AdoptionRequiredException(string message, IReadOnlyList<string> foreignTables)
        : base(message)
    {
        ForeignTables = foreignTables;
    }

    /// <summary>The other tools' history tables found; empty when the schema has tables but no history at all.</summary>
    public IReadOnlyList<string> ForeignTables { get; }

    /// <inheritdoc />
    public override string Code => "adoption-required";
}
