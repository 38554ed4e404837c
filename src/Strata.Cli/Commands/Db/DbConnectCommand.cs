namespace Strata.Cli.Commands.Db;

/// <summary>`strata db connect [-- psql arguments]`: psql on the resolved database; exits with psql's code.</summary>
internal static class DbConnectCommand
{
    private static readonly Argument<string[]> PsqlArguments = new("psql-arguments")
    {
        Description = "Arguments passed to psql as they are; put them after --, e.g. strata db connect -- -c 'select 1'.",
        Arity = ArgumentArity.ZeroOrMore,
    };

    public static Command Create() => CommandAction.SetLifecycle(
        new Command(
            "connect",
            "Open psql on the database. The password goes to psql through its environment, never its command line.")
        {
            PsqlArguments,
        },
        async (run, parse, lifecycle, cancellationToken) => await lifecycle.ConnectAsync(parse.GetValue(PsqlArguments) ?? [], cancellationToken));
}
