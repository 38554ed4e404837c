namespace Strata.Cli.Commands;

/// <summary>Every top-level command, in the order `strata --help` lists them.</summary>
internal static class CommandCatalog
{
    public static IEnumerable<Command> All() =>
    [
        Migrations.UpCommand.Create(),
        Migrations.DownCommand.Create(),
        Migrations.RedoCommand.Create(),
        Migrations.StatusCommand.Create(),
        Migrations.HistoryCommand.Create(),
        Migrations.ValidateCommand.Create(),
        Lint.LintCommand.Create(),
        NewCommand.Create(),
        DiffCommand.Create(),
        VerifyCommand.Create(),
        DriftCommand.Create(),
        Report.ReportCommand.Create(),
        Migrations.StampCommand.Create(),
        Migrations.BaselineCommand.Create(),
        Migrations.AdoptCommand.Create(),
        Migrations.RepairCommand.Create(),
        LocalCommand.Create(),
        Db.DbCommand.Create(),
        ConfigCommand.Create(),
        DbmateSpelling(Db.DbDumpCommand.Create()),
        DbmateSpelling(Db.DbLoadCommand.Create()),
    ];

    // dbmate's top-level `dump` and `load` are Strata's `db dump` and `db load`: the same command, hidden from the root
    // help so each is listed once, under db.
    private static Command DbmateSpelling(Command command)
    {
        command.Hidden = true;
        return command;
    }
}
