using Strata.Core.Configuration;

namespace Strata.Core.Lifecycle;

/// <summary>What <see cref="DatabaseLifecycle.LoadAsync"/> did.</summary>
/// <param name="Database">The database's name.</param>
/// <param name="File">The file that was loaded.</param>
/// <param name="Statements">How many statements ran, in one transaction.</param>
/// <param name="MigrationVersion">The highest applied migration version the loaded history records, or null.</param>
/// <param name="OtherHistoryTable">
/// The history table the file loaded rows into when it is not the one in use (the dump was made with another), else null.
/// </param>
internal sealed record LoadResult(string Database, string File, int Statements, string? MigrationVersion, HistoryTableName? OtherHistoryTable = null);
