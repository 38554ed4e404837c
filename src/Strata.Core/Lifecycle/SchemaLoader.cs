using System.Text.RegularExpressions;
using Strata.Core.Configuration;
using Strata.Core.Errors;
using Strata.Core.History;
using Strata.Core.Logging;
using Strata.Core.Sql;

namespace Strata.Core.Lifecycle;

/// <summary>
/// <c>db load</c>: runs a schema file in one transaction on a database that has no tables yet, so a failure leaves
/// the database as empty as it was.
/// </summary>
internal static partial class SchemaLoader
{
    private static readonly NextStep StartOver = new(NextStepKind.RecreateDatabase);
    private static readonly NextStep ChooseAnother = new(NextStepKind.ChooseSchemaFile);

    public static async Task<LoadResult> RunAsync(LifecycleContext context, LoadOptions options, CancellationToken cancellationToken)
    {
        var file = Path.GetFullPath(options.File);
        if (!File.Exists(file))
        {
            // A dump cannot write a file where a directory is.
            NextStep[] steps = Directory.Exists(file) ? [ChooseAnother] : [new(NextStepKind.DumpSchema), ChooseAnother];
            throw new ConfigurationException($"schema file {file} {FileErrorText.WhyNotAFile(file)}; {NextStep.DescribeAll(steps)}") { NextSteps = steps };
        }

        var text = await SeedFiles.ReadTextAsync(file, cancellationToken);
        var script = SqlSplitter.Split(text, new SqlSplitOptions { FileName = file, Kind = "schema file" });
        await using var dataSource = await context.OpenTargetAsync(cancellationToken);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var tables = await Catalog.UserTableCountAsync(connection, cancellationToken);
        if (tables > 0)
        {
            var some = string.Join(", ", await Catalog.SomeUserTablesAsync(connection, 3, cancellationToken));
            throw new ValidationFailedException(
                $"database '{context.Database}' already has {tables} table(s) ({some}{(tables > 3 ? ", ..." : string.Empty)}); db load only loads into a database without tables: load into a new database, or start over: {StartOver.Describe()}")
            {
                NextSteps = [StartOver],
            };
        }

        LogMessages.LoadingSchema(context.Logger, file, context.Database, script.Statements.Count);
        await ScriptExecutor.RunAsync(
            connection, script, file, "schema file", "its transaction was rolled back, so the database is as empty as before", cancellationToken);
        var loaded = HistoryTableIn(text) is { } named && named != context.HistoryTable ? named : null;
        var history = await HistorySummary.ReadAsync(connection, loaded ?? context.HistoryTable, cancellationToken);
        return new LoadResult(context.Database, file, script.Statements.Count, history.Version, loaded);
    }

    // db dump heads the history rows with a comment naming their table: a file dumped with another history table
    // than the one in use loads its rows there, and that is where its migration version is read.
    private static HistoryTableName? HistoryTableIn(string text)
    {
        // The history section is the file's last; an earlier match would be text inside a statement.
        var matches = HistoryComment().Matches(text);
        return matches.Count > 0 && HistoryTableName.TryParse(matches[^1].Groups["table"].Value, out var table, out _) ? table : null;
    }

    [GeneratedRegex(@"^-- Strata migration history: the rows of (?<table>\S+), so that", RegexOptions.Multiline | RegexOptions.CultureInvariant)]
    private static partial Regex HistoryComment();
}
