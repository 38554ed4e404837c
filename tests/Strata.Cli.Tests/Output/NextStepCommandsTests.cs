using Strata.Cli.Output;
using Strata.Core.Errors;

namespace Strata.Cli.Tests.Output;

public sealed class NextStepCommandsTests
{
    private static readonly NextStep LongerWait = new(NextStepKind.RaiseLockWait, Value: "2s");

    [Fact]
    public void A_flag_step_reruns_the_command_that_was_run_when_it_has_the_flag()
    {
        Render(new NextStep(NextStepKind.AllowEdited), "down").ShouldBe("strata down --allow-edited");
        Render(new NextStep(NextStepKind.RaiseLockWait, Value: "20m"), "db", "setup").ShouldBe("strata db setup --lock-wait 20m");
    }

    [Fact]
    public void A_flag_every_command_inherits_reruns_the_command_that_was_run()
    {
        Render(new NextStep(NextStepKind.GiveDatabaseUrl), "status").ShouldBe("strata status --database-url postgres://user@host/database");
        Render(new NextStep(NextStepKind.ChooseEnvironment), "db", "seed").ShouldBe("strata db seed --env <name>");
    }

    [Fact]
    public void A_step_for_a_wait_on_the_migration_lock_reruns_each_command_that_waits_for_it()
    {
        foreach (var command in new[] { "up", "down", "redo", "stamp 4", "baseline 4", "adopt", "repair" })
        {
            Render(new NextStep(NextStepKind.RaiseLockWait, Value: "20m"), command.Split(' ')).ShouldBe($"strata {command} --lock-wait 20m");
        }
    }

    [Fact]
    public void A_rerun_keeps_the_arguments_and_options_that_were_given_so_it_runs_no_more_and_no_less()
    {
        Render(LongerWait, "up", "--to", "5", "--phase", "pre", "--lock-wait", "1s").ShouldBe("strata up --to 5 --phase pre --lock-wait 2s");
        Render(LongerWait, "stamp", "4", "--remove", "--lock-wait", "1s").ShouldBe("strata stamp 4 --remove --lock-wait 2s");
        Render(LongerWait, "down", "--to", "1", "--lock-wait", "1s").ShouldBe("strata down --to 1 --lock-wait 2s");
        Render(LongerWait, "repair", "--retry", "--version", "5").ShouldBe("strata repair --retry --version 5 --lock-wait 2s");
        Render(LongerWait, "adopt", "--to", "3").ShouldBe("strata adopt --to 3 --lock-wait 2s");
        Render(new NextStep(NextStepKind.AllowOutOfOrder), "up", "--phase", "pre").ShouldBe("strata up --phase pre --allow-out-of-order");
        Render(new NextStep(NextStepKind.AllowEdited), "down", "--to", "1").ShouldBe("strata down --to 1 --allow-edited");
        Render(new NextStep(NextStepKind.CreateFromTemplate, Value: "template0"), "db", "create", "--encoding", "LATIN1", "--locale", "C")
            .ShouldBe("strata db create --encoding LATIN1 --locale C --template template0");
    }

    [Fact]
    public void A_rerun_replaces_the_value_given_for_its_flag_in_its_place_and_spelling()
    {
        Render(LongerWait, "up", "--lock-wait", "1s", "--to", "5").ShouldBe("strata up --lock-wait 2s --to 5");
        Render(LongerWait, "up", "--lock-wait=1s", "--to", "5").ShouldBe("strata up --lock-wait 2s --to 5");
        Render(new NextStep(NextStepKind.GiveDatabaseUrl), "status", "-u", "postgres://old@host/db", "-v")
            .ShouldBe("strata status -u postgres://user@host/database -v");
        Render(new NextStep(NextStepKind.CreateFromTemplate, Value: "template0"), "db", "create", "--template", "template1", "--owner", "app")
            .ShouldBe("strata db create --template template0 --owner app");
    }

    [Fact]
    public void A_rerun_masks_passwords_and_quotes_what_the_shell_would_split()
    {
        var step = Render(LongerWait, "--database-url", "postgres://app:s3cret@db.internal/app", "up", "-d", "my migrations", "--env", "it's");

        step.ShouldBe("strata up --database-url 'postgres://app:********@db.internal/app' -d 'my migrations' --env 'it'\\''s' --lock-wait 2s");
        step.ShouldNotContain("s3cret");
        Render(LongerWait, "up", "-u", "Host=db;Username=app;Password=s3cret").ShouldNotContain("s3cret");
    }

    [Fact]
    public void A_flag_step_falls_back_to_the_command_that_has_the_flag()
    {
        Render(new NextStep(NextStepKind.AllowOutOfOrder), "config", "--env", "prod").ShouldBe("strata up --allow-out-of-order --env prod");
        Render(new NextStep(NextStepKind.AllowEdited), "validate", "--json").ShouldBe("strata up --allow-edited");
        NextStepCommands.Render(new NextStep(NextStepKind.AllowEdited), invoked: null).ShouldBe("strata up --allow-edited");
    }

    [Fact]
    public void A_step_to_dump_the_schema_writes_the_schema_file_the_command_was_given()
    {
        var dump = new NextStep(NextStepKind.DumpSchema);
        Render(dump, "db", "load", "--file", "dd.sql").ShouldBe("strata db dump --file dd.sql");
        Render(dump, "db", "load", "-f", "my schema.sql", "--database-url", "postgres://app:s3cret@db/app")
            .ShouldBe("strata db dump --file 'my schema.sql' --database-url 'postgres://app:********@db/app'");
        Render(dump, "load", "--file=db/other.sql").ShouldBe("strata db dump --file db/other.sql");
        Render(dump, "db", "load").ShouldBe("strata db dump");
        NextStepCommands.Render(dump, invoked: null).ShouldBe("strata db dump");
    }

    [Fact]
    public void Steps_about_a_migration_name_its_version()
    {
        NextStepCommands.Render(new NextStep(NextStepKind.Repair, "20240101120000"), invoked: null).ShouldBe("strata repair --version 20240101120000");
        NextStepCommands.Render(new NextStep(NextStepKind.Unstamp, "7"), invoked: null).ShouldBe("strata stamp 7 --remove");
        Render(new NextStep(NextStepKind.Repair, "5"), "up", "--to", "9").ShouldBe("strata repair --version 5");
        Render(new NextStep(NextStepKind.ResumeBackfill, "5"), "validate").ShouldBe("strata up");
    }

    // A step copied from the output must act on the database the failed command acted on: `db drop` without the
    // user's -u would drop the database DATABASE_URL or the default environment names.
    [Fact]
    public void A_step_that_names_another_command_carries_the_flags_that_chose_the_database_and_the_project()
    {
        Render(new NextStep(NextStepKind.RecreateDatabase), "db", "load", "-u", "postgres://app@127.0.0.1/staging", "--file", "s.sql")
            .ShouldBe("strata db drop -u postgres://app@127.0.0.1/staging && strata db create -u postgres://app@127.0.0.1/staging");
        Render(new NextStep(NextStepKind.Repair, "5"), "--env", "prod", "up", "--to", "9", "-d", "db/a", "-d", "db/b", "--config", "deploy/strata.json", "--json")
            .ShouldBe("strata repair --version 5 --env prod -d db/a -d db/b --config deploy/strata.json");
        Render(new NextStep(NextStepKind.DropEndingSessions), "db", "drop", "--password-file", "/run/secrets/pw", "--env-file", "ci.env")
            .ShouldBe("strata db drop --force --password-file /run/secrets/pw --env-file ci.env");
        var masked = Render(new NextStep(NextStepKind.ShowStatus), "up", "--database-url", "postgres://app:s3cret@db.internal/app");
        masked.ShouldBe("strata status --database-url 'postgres://app:********@db.internal/app'");
    }

    [Fact]
    public void Every_kind_of_step_is_rendered_as_a_strata_command()
    {
        foreach (var kind in Enum.GetValues<NextStepKind>())
        {
            NextStepCommands.Render(new NextStep(kind, "1", "x"), invoked: null).ShouldStartWith("strata ", customMessage: kind.ToString());
        }
    }

    private static string Render(NextStep step, params string[] args)
    {
        var parse = StrataCli.BuildRoot().Parse(args);
        parse.Errors.ShouldBeEmpty();
        return NextStepCommands.Render(step, InvokedCommandLine.From(parse));
    }
}
