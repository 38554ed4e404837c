using Strata.Core.Configuration;
using Strata.Core.Errors;

namespace Strata.Cli.Output;

/// <summary>
/// Says the engine's next steps as command lines. A step that reruns with a flag reruns the command that was run, as
/// it was given, when it has that flag, and otherwise names the command that has it. A step that names another
/// command carries the flags the user gave to choose the database and the project, so it acts where the command that
/// failed did: after <c>strata db load -u X</c>, <c>strata db drop</c> alone would drop the database the environment
/// names, not X.
/// </summary>
internal static class NextStepCommands
{
    // The flags every command takes that say which database, configuration and migrations it works on: each setting's
    // flag is its catalog name after "--".
    private static readonly IReadOnlySet<string> Target = new[]
    {
        SettingCatalog.DatabaseUrl, SettingCatalog.Environment, SettingCatalog.Config, SettingCatalog.EnvFile,
        SettingCatalog.PasswordFile, SettingCatalog.PasswordCommand, SettingCatalog.MigrationsDirectory,
    }.Select(setting => "--" + setting.Name).ToHashSet(StringComparer.Ordinal);

    public static string Render(NextStep step, InvokedCommandLine? invoked) => step.Kind switch
    {
        NextStepKind.AllowEdited => Rerun(invoked, "--allow-edited", "up"),
        NextStepKind.AllowOutOfOrder => Rerun(invoked, "--allow-out-of-order", "up"),
        NextStepKind.RaiseLockWait => Rerun(invoked, "--lock-wait", "up", step.Value ?? "<duration>"),
        NextStepKind.Repair => Other(invoked, $"repair --version {step.Version}"),
        NextStepKind.Unstamp => Other(invoked, $"stamp {step.Version ?? "<version>"} --remove"),
        NextStepKind.ListSessions => Other(invoked, "db sessions"),
        NextStepKind.DropEndingSessions => Other(invoked, "db drop --force"),
        NextStepKind.CreateFromTemplate => Rerun(invoked, "--template", "db create", step.Value ?? "<name>"),
        NextStepKind.ChooseSeedsDirectory => Rerun(invoked, "--seeds-dir", "db seed", "<directory>"),
        NextStepKind.ChooseSchemaFile => Other(invoked, "db load --file <path>"),
        NextStepKind.DumpSchema => Carry(invoked, "--file", "db dump"),
        NextStepKind.RecreateDatabase => $"{Other(invoked, "db drop")} && {Other(invoked, "db create")}",
        NextStepKind.Seed => Other(invoked, "db seed"),
        NextStepKind.StopLocalCluster => "strata local stop",
        NextStepKind.DestroyLocalCluster => "strata local destroy",
        NextStepKind.ShowSettings => Other(invoked, "config"),
        NextStepKind.GiveDatabaseUrl => Rerun(invoked, "--database-url", "up", "postgres://user@host/database"),
        NextStepKind.ChooseEnvironment => Rerun(invoked, "--env", "up", "<name>"),
        NextStepKind.Adopt => Other(invoked, "adopt"),
        NextStepKind.AdoptUpTo => Other(invoked, "adopt --to <version>"),
        NextStepKind.Baseline => Other(invoked, "baseline <version>"),
        NextStepKind.Stamp => Other(invoked, $"stamp {step.Version ?? "<version>"}"),
        NextStepKind.ShowStatus => Other(invoked, "status"),
        NextStepKind.ApplyPreDeploy => Other(invoked, "up --phase pre"),
        NextStepKind.ResumeBackfill => Other(invoked, "up"),
        _ => step.Describe(),
    };

    public static IReadOnlyList<string> RenderAll(IEnumerable<NextStep> steps, InvokedCommandLine? invoked) =>
        steps.Select(step => Render(step, invoked)).Distinct(StringComparer.Ordinal).ToList();

    private static string Rerun(InvokedCommandLine? invoked, string flag, string fallback, string? value = null)
    {
        if (invoked is not null && OptionNamed(invoked.Command, flag) is { } option)
        {
            return invoked.With(option, flag, value);
        }

        return Other(invoked, value is null ? $"{fallback} {flag}" : $"{fallback} {flag} {value}");
    }

    // Another command, on the database and project the user chose for the one that ran.
    private static string Other(InvokedCommandLine? invoked, string command) =>
        invoked?.OptionsNamed(Target) is { Length: > 0 } carried ? $"strata {command} {carried}" : $"strata {command}";

    // Another command, acting on the same value the user gave for one of its flags: after `db load --file dd.sql`
    // found no file, `db dump --file dd.sql` writes it, where `db dump` alone writes the default schema file.
    private static string Carry(InvokedCommandLine? invoked, string flag, string command) =>
        invoked is not null && OptionNamed(invoked.Command, flag) is { } option && invoked.ValuesOf(option) is { } values
            ? Other(invoked, $"{command} {flag} {values}")
            : Other(invoked, command);

    // Its own options, and those a command above it gives to every command below (--database-url, --env).
    private static Option? OptionNamed(Command command, string flag)
    {
        if (command.Options.FirstOrDefault(option => option.Name == flag) is { } own)
        {
            return own;
        }

        for (var current = command; current.Parents.OfType<Command>().FirstOrDefault() is { } parent; current = parent)
        {
            if (parent.Options.FirstOrDefault(option => option.Recursive && option.Name == flag) is { } inherited)
            {
                return inherited;
            }
        }

        return null;
    }
}
