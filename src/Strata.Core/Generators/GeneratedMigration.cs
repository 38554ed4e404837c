namespace Strata.Core.Generators;

/// <summary>A generated migration file: its name (with a version) and its content.</summary>
/// <param name="FileName">The file name, <c>yyyyMMddHHmmss_slug.sql</c>.</param>
/// <param name="Content">The file's text.</param>
internal sealed record GeneratedMigration(string FileName, string Content);
