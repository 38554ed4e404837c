using Strata.Core.Errors;

namespace Strata.Cli.Output;

/// <summary>
/// Says the engine's next steps as command lines. A step that reruns with a flag reruns the command that was run
/// when it has that flag, and otherwise the command that has it.
/// </summary>
internal static class NextStepCommands
{
    public static string Render(NextStep step, Command? invoked) => step.Kind switch
    {
        NextStepKind.AllowEdited => Rerun(invoked, "--allow-edited", "up"),
        NextStepKind.AllowOutOfOrder => Rerun(invoked, "--allow-out-of-order", "up"),
        NextStepKind.RaiseLockWait => Rerun(invoked, "--lock-wait", "up", step.Value ?? "<duration>"),
        NextStepKind.Repair => $"strata repair --version {step.Version}",
        NextStepKind.Unstamp => $"strata stamp {step.Version} --remove",
        NextStepKind.ListSessions => "strata db sessions",
        NextStepKind.DropEndingSessions => "strata db drop --force",
        NextStepKind.CreateFromTemplate => $"strata db create --template {step.Value}",
        NextStepKind.ChooseSeedsDirectory => Rerun(invoked, "--seeds-dir", "db seed", "<directory>"),
        NextStepKind.ChooseSchemaFile => "strata db load --file <path>",
        NextStepKind.DumpSchema => "strata db dump",
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
        _ => step.Describe(),
    };

    public static IReadOnlyList<string> RenderAll(IEnumerable<NextStep> steps, Command? invoked) =>
        steps.Select(step => Render(step, invoked)).Distinct(StringComparer.Ordinal).ToList();

    private static string Rerun(Command? invoked, string flag, string fallback, string? value = null)
    {
        var path = invoked is not null && Takes(invoked, flag) ? PathOf(invoked) : fallback;
        return value is null ? $"strata {path} {flag}" : $"strata {path} {flag} {value}";
    }

    // Its own options, and those a command above it gives to every command below (--database-url, --env).
    private static bool Takes(Command command, string flag)
    {
        if (command.Options.Any(option => option.Name == flag))
        {
            return true;
        }

        for (var current = command; current.Parents.OfType<Command>().FirstOrDefault() is { } parent; current = parent)
        {
            if (parent.Options.Any(option => option.Recursive && option.Name == flag))
            {
                return true;
            }
        }

        return false;
    }

    private static string PathOf(Command command)
    {
        // The root command (strata itself) is the one without a parent command.
        var names = new List<string>();
        for (var current = command; current.Parents.OfType<Command>().FirstOrDefault() is { } parent; current = parent)
        {
            names.Insert(0, current.Name);
        }

        return string.Join(' ', names);
    }
}
