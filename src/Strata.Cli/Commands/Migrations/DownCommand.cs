using Strata.Core.Errors;
using Strata.Core.Sessions;

namespace Strata.Cli.Commands.Migrations;

/// <summary>`strata down`: revert the newest applied migrations (one by default) with their down sections.</summary>
internal static class DownCommand
{
    public static Command Create()
    {
        var target = new TargetFlags();
        var yes = ProtectedYesOption();
        var command = new Command("down", "Revert applied migrations, newest first (default: one).") { yes };
        command.Aliases.Add("rollback"); // dbmate's name for it
        target.AddTo(command);
        EngineFlags.AddRunFlags(command, appliesPending: false);
        WaitFlags.AddTo(command);
        SchemaDumpFlags.AddTo(command);
        return CommandAction.SetMigrator(command, async (run, parse, session, migrator, cancellationToken) =>
        {
            SchemaDumpFlags.CheckBeforeRun(run, parse);
            ConfirmOnProtected(run, session, parse.GetValue(yes), "revert migrations");
            var result = await migrator.DownAsync(target.Read(parse), cancellationToken);
            RunRendering.Report(run, "down.completed", result);
            await SchemaDumpFlags.DumpIfAskedAsync(run, parse, session, cancellationToken);
            return ExitCodes.Success;
        });
    }

    /// <summary>The --yes that answers <see cref="ConfirmOnProtected"/> for scripts.</summary>
    public static Option<bool> ProtectedYesOption() => new("--yes", "-y") { Description = "Do not ask for confirmation on a protected environment." };

    /// <summary>
    /// Reverting migrations on a protected environment is a deliberate rollback, never a slip: it needs a typed
    /// confirmation or --yes.
    /// </summary>
    public static void ConfirmOnProtected(CommandRun run, StrataSession session, bool yes, string what)
    {
        if (session.Connection.IsProtected &&
            !run.Confirm($"Environment '{session.Connection.EnvironmentName}' is protected. Really {what} there?", yes))
        {
            throw new ConfigurationException(
                $"not confirmed: environment '{session.Connection.EnvironmentName}' is protected; pass --yes to {what} there");
        }
    }
}
