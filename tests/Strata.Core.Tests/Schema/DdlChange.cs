namespace Strata.Core.Tests.Schema;

/// <summary>
/// One change to the oracle's base schema and what the model must say about it: the object (kind and name) that
/// must appear among the differences and, for a changed object, the attribute; or nothing for a change pg_dump
/// cannot see either.
/// </summary>
internal sealed record DdlChange(string Sql, string? Kind, string? Name, string? Attribute)
{
    public static DdlChange Changed(string kind, string name, string attribute, string sql) => new(sql, kind, name, attribute);

    public static DdlChange Added(string kind, string name, string sql) => new(sql, kind, name, null);

    public static DdlChange Removed(string kind, string name, string sql) => new(sql, kind, name, null);

    public static DdlChange Invisible(string sql) => new(sql, null, null, null);

    public bool ExpectsDifference => Name is not null;

    public override string ToString() => Sql.Length > 90 ? Sql[..90] + "…" : Sql;
}
