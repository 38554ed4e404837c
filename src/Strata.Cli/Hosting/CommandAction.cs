using Strata.Cli.Output;
using Strata.Core;
using Strata.Core.Configuration;
using Strata.Core.Diagnostics;
using Strata.Core.Lifecycle;
using Strata.Core.Sessions;

namespace Strata.Cli.Hosting;

/// <summary>
/// Gives every command the same action shape: map the flags onto settings, build the run, call the handler, and
/// turn any error into its exit code in one place.
/// </summary>
internal static class CommandAction
{
    private static readonly AsyncLocal<CliContext?> Current = new();

    public static void Bind(CliContext context) => Current.Value = context;

    /// <summary>Sets the action of <paramref name="command"/> and returns it, so that a verb is declared in one expression.</summary>
    /// <param name="command">The verb.</param>
    /// <param name="handler">What it does once its settings are built.</param>
    /// <param name="settingsFailed">
    /// Called with a run that has no settings when they cannot be built, and the output settings as far as they could
    /// be read, before the one-line error is reported: for a verb whose output is a document that must exist even then.
    /// </param>
    public static Command Set(
        Command command,
        Func<CommandRun, ParseResult, CancellationToken, Task<int>> handler,
        Action<CommandRun, ParseResult, OutputSettings, Exception>? settingsFailed = null)
    {
        command.SetAction(async (parse, cancellationToken) =>
        {
            var context = Current.Value ?? CliContext.FromProcess();
            StrataSettings settings;
            OutputPreferences output;
            try
            {
                using var timing = TimingTrace.Measure("settings (flags, environment, strata.json)");
                settings = await SettingFlags.BuildAsync(parse, context, cancellationToken);
                output = OutputPreferences.From(settings, context, parse.CommandResult.Command);
            }
#pragma warning disable CA1031 // The edge of the program: every error becomes one line and an exit code.
            catch (Exception exception)
#pragma warning restore CA1031
            {
                var command = parse.CommandResult.Command;
                var fallback = await SettingFlags.BuildOutputAsync(parse, context, cancellationToken);
                using var failed = new CommandRun(context, null, OutputPreferences.Fallback(fallback, context, command));
                settingsFailed?.Invoke(failed, parse, fallback, exception);
                var exitCode = ErrorHandler.Report(exception, failed.Reporter, InvokedCommandLine.From(parse));
                failed.WriteStepSummary(Title(command));
                return exitCode;
            }

            using var run = CreateRun(context, settings, output, parse);
            try
            {
                using var timing = TimingTrace.Measure("command (database work and output)");
                return await handler(run, parse, cancellationToken);
            }
#pragma warning disable CA1031 // The edge of the program: every error becomes one line and an exit code.
            catch (Exception exception)
#pragma warning restore CA1031
            {
                return ErrorHandler.Report(exception, run.Reporter, InvokedCommandLine.From(parse));
            }
            finally
            {
                run.WriteStepSummary(Title(parse.CommandResult.Command));
            }
        });
        return command;
    }

    /// <summary>"strata db seed": the command as it was run, for the step summary's heading.</summary>
    public static string Title(Command command)
    {
        var names = new List<string>();
        for (Command? current = command; current is not null; current = current.Parents.OfType<Command>().FirstOrDefault())
        {
            names.Insert(0, current.Name);
        }

        return string.Join(' ', names);
    }

    private static CommandRun CreateRun(CliContext context, StrataSettings settings, OutputPreferences output, ParseResult parse)
    {
        using var timing = TimingTrace.Measure("output and logging set-up");
        return new CommandRun(context, settings, output) { Parse = parse };
    }

    /// <summary>Sets an action that works on the database lifecycle of a session opened from the run's settings; returns the command.</summary>
    public static Command SetLifecycle(Command command, Func<CommandRun, ParseResult, DatabaseLifecycle, CancellationToken, Task<int>> handler) =>
        Set(command, async (run, parse, cancellationToken) =>
        {
            await using var session = await run.OpenSessionAsync(cancellationToken);
            return await handler(run, parse, session.Lifecycle, cancellationToken);
        });

    /// <summary>Sets an action that works on the migration engine of a session opened from the run's settings; returns the command.</summary>
    public static Command SetMigrator(Command command, Func<CommandRun, ParseResult, StrataSession, Migrator, CancellationToken, Task<int>> handler) =>
        Set(command, async (run, parse, cancellationToken) =>
        {
            await using var session = await run.OpenEngineSessionAsync(cancellationToken);
            await WaitFlags.WaitIfAskedAsync(run, parse, session, cancellationToken);
            var migrator = await session.MigratorAsync(cancellationToken);
            return await handler(run, parse, session, migrator, cancellationToken);
        });
}
