namespace Strata.Core.Lifecycle;

/// <summary>
/// The history table named by the configuration (<c>table</c> or <c>schema.table</c>), or the engine's default
/// <c>public.strata_schema_migrations</c>. Lifecycle commands only read it.
/// </summary>
internal sealed record HistoryTableReference(string Schema, string Name)
{
    public static HistoryTableReference Default { get; } = new("public", "strata_schema_migrations");

    public string Quoted => SqlText.Identifier(Schema) + "." + SqlText.Identifier(Name);

    public static HistoryTableReference Parse(string? configured)
    {
        if (string.IsNullOrWhiteSpace(configured))
        {
            return Default;
        }

        var dot = configured.IndexOf('.', StringComparison.Ordinal);
        return dot < 0 ? Default with { Name = configured } : new HistoryTableReference(configured[..dot], configured[(dot + 1)..]);
    }

    public override string ToString() => Schema + "." + Name;
}
