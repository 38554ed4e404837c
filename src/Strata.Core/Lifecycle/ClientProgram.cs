namespace Strata.Core.Lifecycle;

/// <summary>A PostgreSQL client program found on this machine (pg_dump, psql) and its major version.</summary>
/// <param name="Path">The program's full path.</param>
/// <param name="MajorVersion">Its major version: 16 for 16.4, 9 for 9.6.</param>
internal sealed record ClientProgram(string Path, int MajorVersion);
