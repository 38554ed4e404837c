using Strata.Core.Configuration;
using Strata.Core.Errors;
using Strata.Core.Migrations;
using Strata.Core.Planning;

namespace Strata.Core.Tests.Planning;

/// <summary>
/// Runs one planner command over a ledger and describes the outcome in one line, so a case compares one string.
/// </summary>
/// <remarks>
/// Commands: <c>states</c>, <c>validate</c>, <c>up</c> or <c>down</c>, each optionally followed by a target
/// (<c>to N</c>, <c>N steps</c>, <c>all</c>) and the allowances <c>allow-out-of-order</c> and <c>allow-edited</c>.
/// Outcomes: <c>1 Applied, 2 Pending</c> (states); <c>valid</c> or <c>problems: Edited 1, Missing 9</c> (validate);
/// <c>runs 2 3</c> with <c>| accepts 1</c>, <c>| out-of-order 2</c>, <c>| missing 9</c> (plans);
/// <c>refused (validation): 2 4</c> or <c>refused (configuration)</c>, naming the migrations the message names.
/// </remarks>
internal static class PlannerCommand
{
    public static string Run(MigrationLedger ledger, string command)
    {
        var words = command.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var options = Options(allowOutOfOrder: words.Contains("allow-out-of-order"), allowEdited: words.Contains("allow-edited"));
        try
        {
            return words[0] switch
            {
                "states" => string.Join(", ", ledger.Entries.Select(e => $"{e.Version} {e.State}")),
                "validate" => Describe(StatusReport.Validate(ledger, options, new Dictionary<MigrationVersion, string>(), null)),
                "up" => Describe(UpPlanner.Plan(ledger, Target(words, MigrationTarget.All), options)),
                "down" => Runs(DownPlanner.Plan(ledger, Target(words, MigrationTarget.Steps(1)), options).Select(m => m.Version.Value)),
                _ => throw new ArgumentException($"unknown planner command '{command}'", nameof(command)),
            };
        }
        catch (StrataException refusal)
        {
            var kind = refusal switch
            {
                ValidationFailedException => "validation",
                ConfigurationException => "configuration",
                _ => refusal.GetType().Name,
            };
            var named = ledger.Entries.Where(e => refusal.Message.Contains($"migration {e.Id} ", StringComparison.Ordinal)).Select(e => e.Version.Value).ToList();
            return named.Count == 0 ? $"refused ({kind})" : $"refused ({kind}): {string.Join(' ', named)}";
        }
    }

    // The one place the planner's options are built, so a change of the options type touches one line.
    private static MigratorOptions Options(bool allowOutOfOrder, bool allowEdited) =>
        new() { AllowOutOfOrder = allowOutOfOrder, AllowEdited = allowEdited };

    private static MigrationTarget Target(string[] words, MigrationTarget otherwise)
    {
        var to = Array.IndexOf(words, "to");
        if (to > 0)
        {
            return MigrationTarget.To(MigrationVersion.Parse(words[to + 1]));
        }

        var steps = Array.IndexOf(words, "steps");
        if (steps > 0)
        {
            return MigrationTarget.Steps(int.Parse(words[steps - 1], System.Globalization.CultureInfo.InvariantCulture));
        }

        return words.Contains("all") ? MigrationTarget.All : otherwise;
    }

    private static string Describe(UpPlan plan)
    {
        var parts = new List<string> { Runs(plan.Migrations.Select(m => m.Version.Value)) };
        Add(parts, "accepts", plan.EditedToAccept.Select(m => m.Version.Value));
        Add(parts, "out-of-order", plan.OutOfOrder.Select(LedgerSketch.VersionOf));
        Add(parts, "missing", plan.Missing.Select(LedgerSketch.VersionOf));
        return string.Join(" | ", parts);
    }

    private static string Describe(ValidationResult result) =>
        result.IsValid ? "valid" : "problems: " + string.Join(", ", result.Problems.Select(p => $"{p.Kind} {p.Version}"));

    private static string Runs(IEnumerable<string> versions)
    {
        var list = versions.ToList();
        return list.Count == 0 ? "runs nothing" : "runs " + string.Join(' ', list);
    }

    private static void Add(List<string> parts, string label, IEnumerable<string> versions)
    {
        var list = versions.ToList();
        if (list.Count > 0)
        {
            parts.Add($"{label} {string.Join(' ', list)}");
        }
    }
}
