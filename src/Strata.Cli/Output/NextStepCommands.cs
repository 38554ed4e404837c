using Strata.Core.Errors;

namespace Strata.Cli.Output;

/// <summary>
/// Says the engine's next steps as command lines. A step that reruns with a flag reruns the command that was run, as
/// it was given, when it has that flag, and otherwise names the command that has it.
/// </summary>
internal static class NextStepCommands
{
    public static string Render(NextStep step, InvokedCommandLine? invoked) => step.Kind switch
    {
        NextStepKind.AllowEdited => Rerun(invoked, "--allow-edited", "up"),
        NextStepKind.AllowOutOfOrder => Rerun(invoked, "--allow-out-of-order", "up"),
        NextStepKind.RaiseLockWait => Rerun(invoked, "--lock-wait", "up", step.Value ?? "<duration>"),
        NextStepKind.Repair => $"strata repair --version {step.Version}",
        NextStepKind.Unstamp => $"strata stamp {step.Version} --remove",
        NextStepKind.ListSessions => "strata db sessions",
        NextStepKind.DropEndingSessions => "strata db drop --force",
        NextStepKind.CreateFromTemplate => Rerun(invoked, "--template", "db create", step.Value ?? "<name>"),
        NextStepKind.ChooseSeedsDirectory => Rerun(invoked, "--seeds-dir", "db seed", "<directory>"),
        NextStepKind.ChooseSchemaFile => "strata db load --file <path>",
        NextStepKind.DumpSchema => Carry(invoked, "--file", "db dump"),
        NextStepKind.RecreateDatabase => "strata db drop && strata db create",
        NextStepKind.Seed => "strata db seed",
        NextStepKind.StopLocalCluster => "strata local stop",
        NextStepKind.DestroyLocalCluster => "strata local destroy",
        NextStepKind.ShowSettings => "strata config",
        NextStepKind.GiveDatabaseUrl => Rerun(invoked, "--database-url", "up", "postgres://user@host/database"),
        NextStepKind.ChooseEnvironment => Rerun(invoked, "--env", "up", "<name>"),
        NextStepKind.Adopt => "strata adopt",
        NextStepKind.AdoptUpTo => "strata adopt --to <version>",
        NextStepKind.Baseline => "strata baseline <version>",
        NextStepKind.Stamp => $"strata stamp {step.Version ?? "<version>"}",
        NextStepKind.ShowStatus => "strata status",
        NextStepKind.ApplyPreDeploy => "strata up --phase pre",
        NextStepKind.ResumeBackfill => "strata up",
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

        return value is null ? $"strata {fallback} {flag}" : $"strata {fallback} {flag} {value}";
    }

    // Another command, acting on the same value the user gave for one of its flags: after `db load --file dd.sql`
    // found no file, `db dump --file dd.sql` writes it, where `db dump` alone writes the default schema file.
    private static string Carry(InvokedCommandLine? invoked, string flag, string command) =>
        invoked is not null && OptionNamed(invoked.Command, flag) is { } option && invoked.ValuesOf(option) is { } values
            ? $"strata {command} {flag} {values}"
            : $"strata {command}";

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
