using System.CommandLine;
using System.Globalization;
using Strata.Cli.Hosting;
using Strata.Core;
using Strata.Core.Connections;
using Strata.Core.Errors;
using Strata.Core.History;
using Strata.Core.Migrations;

namespace Strata.Cli.Commands.Migrations;

/// <summary>
/// The engine's flags, shared by the migration commands. Defaults live in <see cref="MigratorOptions"/>; a flag or
/// its STRATA_* variable overrides them; strata.json may name the history table.
/// </summary>
internal static class EngineFlags
{
    public static readonly Option<string?> HistoryTable = new("--history-table")
    {
        Description = "The history table, table or schema.table. [env: STRATA_HISTORY_TABLE] [default: public.strata_schema_migrations]",
        HelpName = "name",
    };

    public static readonly Option<string?> LockTimeout = new("--lock-timeout")
    {
        Description = "lock_timeout for each migration unless its file sets one (500ms, 5s, 1m; 0 = off). [env: STRATA_LOCK_TIMEOUT] [default: 5s]",
        HelpName = "duration",
    };

    public static readonly Option<string?> StatementTimeout = new("--statement-timeout")
    {
        Description = "statement_timeout for each migration unless its file sets one (0 = off). [env: STRATA_STATEMENT_TIMEOUT] [default: 0]",
        HelpName = "duration",
    };

    public static readonly Option<int?> LockRetries = new("--lock-retries")
    {
        Description = "Attempts per migration when a table lock stays busy past lock_timeout. [env: STRATA_LOCK_RETRIES] [default: 5]",
        HelpName = "n",
        CustomParser = WholeNumberParser.For("--lock-retries"),
    };

    public static readonly Option<string?> LockWait = new("--lock-wait")
    {
        Description = "How long to wait for another run's migration lock. [env: STRATA_LOCK_WAIT] [default: 10m]",
        HelpName = "duration",
    };

    public static readonly Option<bool> AllowOutOfOrder = new("--allow-out-of-order")
    {
        Description = "Apply pending migrations older than the newest applied one. [env: STRATA_ALLOW_OUT_OF_ORDER]",
    };

    public static readonly Option<bool> AllowEdited = new("--allow-edited")
    {
        Description = "Accept applied migrations whose file changed, recording the new checksum. [env: STRATA_ALLOW_EDITED]",
    };

    /// <summary>Adds the flags every engine command reads: where the history is and how strict to be.</summary>
    public static void AddReadFlags(Command command)
    {
        command.Options.Add(HistoryTable);
        command.Options.Add(AllowOutOfOrder);
        command.Options.Add(AllowEdited);
    }

    /// <summary>Adds the flags of commands that run migrations: timeouts, retries and the lock wait.</summary>
    public static void AddRunFlags(Command command)
    {
        AddReadFlags(command);
        command.Options.Add(LockTimeout);
        command.Options.Add(StatementTimeout);
        command.Options.Add(LockRetries);
        command.Options.Add(LockWait);
    }

    public static MigratorOptions Build(ParseResult parse, CommandRun run, ResolvedConnection connection)
    {
        var options = new MigratorOptions();
        var table = Text(parse, HistoryTable, run, "STRATA_HISTORY_TABLE") ?? connection.HistoryTable;
        if (table is not null)
        {
            options = options with { HistoryTable = HistoryTableName.Parse(table) };
        }

        if (Duration(parse, LockTimeout, run, "STRATA_LOCK_TIMEOUT") is { } lockTimeout)
        {
            options = options with { LockTimeout = lockTimeout };
        }

        if (Duration(parse, StatementTimeout, run, "STRATA_STATEMENT_TIMEOUT") is { } statementTimeout)
        {
            options = options with { StatementTimeout = statementTimeout };
        }

        if (Duration(parse, LockWait, run, "STRATA_LOCK_WAIT") is { } lockWait)
        {
            options = options with { AdvisoryLockWait = lockWait };
        }

        if (Retries(parse, run) is { } retries)
        {
            options = options with { LockRetryAttempts = retries };
        }

        return options with
        {
            AllowOutOfOrder = CliSettings.Flag(parse, AllowOutOfOrder, run.Context, "STRATA_ALLOW_OUT_OF_ORDER"),
            AllowEdited = CliSettings.Flag(parse, AllowEdited, run.Context, "STRATA_ALLOW_EDITED"),
        };
    }

    private static string? Text(ParseResult parse, Option<string?> option, CommandRun run, string variable) =>
        parse.GetResult(option) is not null ? parse.GetValue(option) : run.Context.Variable(variable);

    private static TimeSpan? Duration(ParseResult parse, Option<string?> option, CommandRun run, string variable)
    {
        var text = Text(parse, option, run, variable);
        if (text is null)
        {
            return null;
        }

        return MigrationDuration.TryParse(text, out var duration, out var problem)
            ? duration
            : throw new ConfigurationException($"{option.Name} '{text}': {problem}");
    }

    private static int? Retries(ParseResult parse, CommandRun run)
    {
        if (parse.GetResult(LockRetries) is not null)
        {
            return parse.GetValue(LockRetries);
        }

        var text = run.Context.Variable("STRATA_LOCK_RETRIES");
        return text is null
            ? null
            : int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value)
                ? value
                : throw new ConfigurationException($"STRATA_LOCK_RETRIES '{text}' is not a whole number");
    }
}
