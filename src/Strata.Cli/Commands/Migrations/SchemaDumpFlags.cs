using Strata.Cli.Commands.Db;
using Strata.Core.Configuration;
using Strata.Core.Lifecycle;
using Strata.Core.Sessions;

namespace Strata.Cli.Commands.Migrations;

/// <summary>
/// dbmate's <c>-s/--schema-file</c> and <c>--no-dump-schema</c>: once <c>up</c>, <c>down</c> or <c>stamp</c> succeeded,
/// write the schema dump (the one <c>strata db dump</c> writes) to the schema file, when one was given by the flag,
/// <c>STRATA_SCHEMA_FILE</c> or <c>schemaFile</c> in strata.json. The built-in default path alone never triggers it.
/// </summary>
internal static class SchemaDumpFlags
{
    public static readonly Option<string?> SchemaFile = new("--schema-file", "-s")
    {
        Description = SettingHelp.For(SettingCatalog.SchemaFile),
        HelpName = "path",
    };

    public static readonly Option<bool> NoDumpSchema = new("--no-dump-schema")
    {
        Description = "Do not write the schema file afterwards, even when one is configured.",
    };

    public static void AddTo(Command command)
    {
        command.Options.Add(SchemaFile);
        command.Options.Add(NoDumpSchema);
    }

    /// <summary>
    /// Refuses, before the run changes anything, a schema file the dump afterwards could not write (a directory where
    /// it should be), so that a mistake in the path does not end a run that applied migrations with an error.
    /// </summary>
    public static void CheckBeforeRun(CommandRun run, ParseResult parse)
    {
        if (Asked(run, parse))
        {
            SchemaDumper.CheckTarget(run.Settings.SchemaFile.Value);
        }
    }

    /// <summary>Writes the schema file after a successful run when one is configured and not turned off.</summary>
    public static async Task DumpIfAskedAsync(CommandRun run, ParseResult parse, StrataSession session, CancellationToken cancellationToken)
    {
        var file = run.Settings.SchemaFile;
        if (!Asked(run, parse))
        {
            return;
        }

        var result = await session.Lifecycle.DumpAsync(new DumpOptions { File = file.Value }, cancellationToken);
        var shown = DbCommand.Display(run, result.File);
        var message = result.Changed ? $"wrote the schema to {shown}" : $"{shown} is up to date";
        run.Reporter.Progress("schema.dumped", message, new JsonObject { ["file"] = shown, ["changed"] = result.Changed, ["bytes"] = result.Bytes });
    }

    private static bool Asked(CommandRun run, ParseResult parse) =>
        !parse.GetValue(NoDumpSchema) && run.Settings.SchemaFile.Source != SettingSource.Default;
}
