namespace Strata.Lint.Observation;

/// <summary>
/// Something the schema had before a migration that the migration took away from the application still running:
/// found by comparing the catalog models of the scratch database before and after the migration.
/// </summary>
/// <param name="Kind">The object's kind as the catalog model names it (<c>table</c>, <c>column</c>, <c>view</c>, ...).</param>
/// <param name="Name">Its qualified name before the migration (<c>public.users.name</c>).</param>
/// <param name="Change">What happened to it: <c>renamed</c>, <c>dropped</c> or <c>type changed</c>.</param>
/// <param name="Detail">The new name, or the old and new type; null for a drop.</param>
public sealed record SchemaBreak(string Kind, string Name, string Change, string? Detail);
