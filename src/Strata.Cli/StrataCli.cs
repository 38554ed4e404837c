using Strata.Cli.Commands;

namespace Strata.Cli;

/// <summary>Builds the command tree and runs one invocation; the only place exit codes are chosen.</summary>
internal static class StrataCli
{
    public static Command BuildRoot()
    {
        // A plain Command named "strata" rather than RootCommand, whose name and version come from whichever
        // executable hosts it (the test host, when the CLI runs in-process).
        var root = new Command(
            "strata",
            "Strata: PostgreSQL schema migrations and database lifecycle, from a laptop to a production deploy.");
        root.Options.Add(Hosting.HelpFlag.Create());
        root.Options.Add(Hosting.VersionOption.Create());
        foreach (var option in GlobalOptions.All)
        {
            root.Options.Add(option);
        }

        foreach (var command in CommandCatalog.All())
        {
            root.Subcommands.Add(command);
        }

        return root;
    }

    public static async Task<int> RunAsync(string[] args, CliContext context, CancellationToken cancellationToken)
    {
        var timing = Output.TimingReport.StartIfAsked(context.Variable(Output.TimingReport.Variable));
        try
        {
            return await RunCommandAsync(args, context, cancellationToken);
        }
        finally
        {
            timing?.WriteTo(context.Error);
        }
    }

    private static async Task<int> RunCommandAsync(string[] args, CliContext context, CancellationToken cancellationToken)
    {
        ParseResult parse;
        using (Core.Diagnostics.TimingTrace.Measure("command line"))
        {
            parse = BuildRoot().Parse(args);
        }

        var invocation = new InvocationConfiguration
        {
            Output = context.Out,
            Error = context.Error,
            EnableDefaultExceptionHandler = false,
        };

        var repeated = RepeatedOptions.Find(parse);
        if ((parse.Errors.Count > 0 || repeated.Count > 0) && !Hosting.HelpFlag.IsHelp(parse.Action))
        {
            using var run = new CommandRun(context, null, await UsageOutputAsync(parse, context, cancellationToken));
            var message = repeated.Count > 0 ? RepeatedOptions.Message(repeated) : UsageMessage.For(parse);
            run.Reporter.Failure(new Output.ErrorReport("usage", ExitCodes.UsageOrConfiguration, message + " (see 'strata --help')"), null);
            run.WriteStepSummary(CommandAction.Title(parse.CommandResult.Command));
            return ExitCodes.UsageOrConfiguration;
        }

        CommandAction.Bind(context);
        return await parse.InvokeAsync(invocation, cancellationToken);
    }

    // A usage error is still reported as the settings ask (STRATA_JSON, STRATA_FORMAT), as far as they can be read
    // when they are broken too.
    private static async Task<OutputPreferences> UsageOutputAsync(ParseResult parse, CliContext context, CancellationToken cancellationToken)
    {
        try
        {
            return OutputPreferences.From(await SettingFlags.BuildAsync(parse, context, cancellationToken), context, parse.CommandResult.Command);
        }
        catch (Core.Errors.ConfigurationException)
        {
            return OutputPreferences.Fallback(await SettingFlags.BuildOutputAsync(parse, context, cancellationToken), context, parse.CommandResult.Command);
        }
    }
}
