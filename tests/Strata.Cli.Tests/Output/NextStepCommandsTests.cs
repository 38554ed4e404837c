using System.CommandLine;
using Strata.Cli.Output;
using Strata.Core.Errors;

namespace Strata.Cli.Tests.Output;

public sealed class NextStepCommandsTests
{
    [Fact]
    public void A_flag_step_reruns_the_command_that_was_run_when_it_has_the_flag()
    {
        var root = Root();
        var down = root.Subcommands.Single(command => command.Name == "down");
        var setup = root.Subcommands.Single(command => command.Name == "db").Subcommands.Single(command => command.Name == "setup");

        NextStepCommands.Render(new NextStep(NextStepKind.AllowEdited), down).ShouldBe("strata down --allow-edited");
        NextStepCommands.Render(new NextStep(NextStepKind.RaiseLockWait, Value: "20m"), setup).ShouldBe("strata db setup --lock-wait 20m");
    }

    [Fact]
    public void A_flag_every_command_inherits_reruns_the_command_that_was_run()
    {
        var root = Root();
        var status = root.Subcommands.Single(command => command.Name == "status");
        var seed = root.Subcommands.Single(command => command.Name == "db").Subcommands.Single(command => command.Name == "seed");

        NextStepCommands.Render(new NextStep(NextStepKind.GiveDatabaseUrl), status).ShouldBe("strata status --database-url postgres://user@host/database");
        NextStepCommands.Render(new NextStep(NextStepKind.ChooseEnvironment), seed).ShouldBe("strata db seed --env <name>");
    }

    [Fact]
    public void A_step_for_a_wait_on_the_migration_lock_reruns_each_command_that_waits_for_it()
    {
        var root = Root();
        foreach (var name in new[] { "up", "down", "redo", "stamp", "baseline", "adopt", "repair" })
        {
            var command = root.Subcommands.Single(command => command.Name == name);
            NextStepCommands.Render(new NextStep(NextStepKind.RaiseLockWait, Value: "20m"), command).ShouldBe($"strata {name} --lock-wait 20m");
        }
    }

    [Fact]
    public void A_flag_step_falls_back_to_the_command_that_has_the_flag()
    {
        var config = Root().Subcommands.Single(command => command.Name == "config");

        NextStepCommands.Render(new NextStep(NextStepKind.AllowOutOfOrder), config).ShouldBe("strata up --allow-out-of-order");
        NextStepCommands.Render(new NextStep(NextStepKind.AllowEdited), invoked: null).ShouldBe("strata up --allow-edited");
    }

    [Fact]
    public void Steps_about_a_migration_name_its_version()
    {
        NextStepCommands.Render(new NextStep(NextStepKind.Repair, "20240101120000"), invoked: null).ShouldBe("strata repair --version 20240101120000");
        NextStepCommands.Render(new NextStep(NextStepKind.Unstamp, "7"), invoked: null).ShouldBe("strata stamp 7 --remove");
    }

    [Fact]
    public void Every_kind_of_step_is_rendered_as_a_strata_command()
    {
        foreach (var kind in Enum.GetValues<NextStepKind>())
        {
            NextStepCommands.Render(new NextStep(kind, "1", "x"), invoked: null).ShouldStartWith("strata ", customMessage: kind.ToString());
        }
    }

    private static Command Root() => StrataCli.BuildRoot();
}
