using Strata.Core.Errors;

namespace Strata.Cli.Commands.Migrations;

/// <summary>`strata up`: apply pending migrations, under the migration lock, each in its own transaction.</summary>
internal static class UpCommand
{
    public static Command Create()
    {
        var target = new TargetFlags();
        var dryRun = new Option<bool>("--dry-run") { Description = "Show which migrations would run; execute nothing." };
        var sql = new Option<bool>("--sql") { Description = "Print the exact SQL script up would run, history bookkeeping included; execute nothing." };
        var baseline = new Option<string?>("--baseline")
        {
            Description = "On a database with tables but no history, first record every migration up to VERSION as applied (as baseline does).",
            HelpName = "version",
        };
        var strict = new Option<bool>("--strict")
        {
            Description = "Refuse pending migrations older than the newest applied one. Already the default; dbmate's spelling of it.",
        };
        var phase = PhaseFlag.Create();
        var command = new Command("up", "Apply pending migrations in version order, each atomically with its history row.") { dryRun, sql, baseline, strict, phase };
        command.Aliases.Add("migrate"); // dbmate's name for it
        target.AddTo(command);
        EngineFlags.AddRunFlags(command, appliesPending: true);
        WaitFlags.AddTo(command);
        SchemaDumpFlags.AddTo(command);
        CommandAction.Set(command, async (run, parse, cancellationToken) =>
        {
            if (parse.GetValue(dryRun) && parse.GetValue(sql))
            {
                throw new ConfigurationException("--dry-run and --sql exclude each other: give one");
            }

            if (parse.GetValue(strict) && run.Settings.AllowOutOfOrder.Value)
            {
                throw new ConfigurationException(
                    $"--strict refuses out-of-order migrations, but {run.Settings.AllowOutOfOrder.Origin} accepts them: give one");
            }

            var chosen = PhaseFlag.Apply(target.Read(parse), parse.GetValue(phase));
            if (!parse.GetValue(dryRun) && !parse.GetValue(sql))
            {
                SchemaDumpFlags.CheckBeforeRun(run, parse);
            }

            await using var session = await run.OpenEngineSessionAsync(cancellationToken);
            await UpDatabase.PrepareAsync(run, parse, session, changes: !parse.GetValue(dryRun) && !parse.GetValue(sql), cancellationToken);
            var migrator = await session.MigratorAsync(cancellationToken);
            if (parse.GetValue(sql))
            {
                var script = await migrator.ScriptAsync(chosen, cancellationToken);
                var fields = new JsonObject { ["sql"] = script.Sql, ["migrations"] = MigrationJson.Versions(script.Migrations) };
                run.Reporter.Result("up.sql", $"script for {script.Migrations.Count} migrations", fields, writer => writer.Write(script.Sql));
                return ExitCodes.Success;
            }

            var preflight = UpProgress.Preflight(run);
            if (parse.GetValue(baseline) is { } baselineText)
            {
                if (parse.GetValue(dryRun))
                {
                    throw new ConfigurationException("--baseline records history, so it cannot be combined with --dry-run: run 'strata baseline VERSION' first, then 'strata up --dry-run'");
                }

                var baselined = await migrator.BaselineAndUpAsync(VersionArgument.Parse(baselineText), chosen, preflight, cancellationToken);
                RunRendering.Report(run, "up.completed", baselined);
                await SchemaDumpFlags.DumpIfAskedAsync(run, parse, session, cancellationToken);
                return ExitCodes.Success;
            }

            var result = await migrator.UpAsync(chosen, parse.GetValue(dryRun), preflight, cancellationToken);
            RunRendering.Report(run, "up.completed", result);
            if (!parse.GetValue(dryRun))
            {
                await SchemaDumpFlags.DumpIfAskedAsync(run, parse, session, cancellationToken);
            }

            return ExitCodes.Success;
        });
        return command;
    }
}
