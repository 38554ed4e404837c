using System.Globalization;
using Strata.Cli.Output;
using Strata.Core.Execution;
using Strata.Core.History;
using Strata.Core.Migrations;
using Strata.Core.Planning;

namespace Strata.Cli.Commands.Migrations;

/// <summary>The stable JSON shapes of the engine's results (documented in docs/commands/).</summary>
internal static class MigrationJson
{
    public static JsonObject Run(MigrationRunResult result) => new()
    {
        ["direction"] = Lower(result.Direction),
        ["dryRun"] = result.DryRun,
        ["count"] = result.Migrations.Count,
        ["migrations"] = new JsonArray([.. result.Migrations.Select(Step)]),
    };

    public static JsonObject Step(MigrationStepResult step) => StepJson.Step(step);

    public static JsonObject Status(StatusResult status, InvokedCommandLine? invoked) => new()
    {
        ["historyTable"] = status.Table.ToString(),
        ["historyTableExists"] = status.HistoryTableExists,
        ["currentVersion"] = status.CurrentVersion?.Value,
        ["pending"] = status.PendingCount,
        ["migrations"] = new JsonArray([.. status.Migrations.Select(StatusEntry)]),
        ["refusal"] = status.Refusal is { } refusal ? Problem(refusal, invoked) : null,
    };

    public static JsonObject History(HistoryRecord record) => new()
    {
        ["version"] = record.Version.Value,
        ["description"] = record.Description,
        ["status"] = Lower(record.Status),
        ["origin"] = Kebab(record.Origin.ToString()),
        ["phase"] = PhaseName(record.Phase),
        ["checksum"] = record.Checksum.ToString(),
        ["appliedAt"] = Timestamp(record.AppliedAt),
        ["appliedBy"] = record.AppliedBy,
        ["clientHost"] = record.ClientHost,
        ["strataVersion"] = record.StrataVersion,
        ["executionMs"] = record.ExecutionTime is { } time ? Math.Round(time.TotalMilliseconds, 1) : null,
        ["statementsCompleted"] = record.StatementsCompleted,
        ["statementsTotal"] = record.StatementsTotal,
    };

    public static JsonObject Problem(ValidationProblem problem, InvokedCommandLine? invoked) => new()
    {
        ["kind"] = Kebab(problem.Kind.ToString()),
        ["version"] = problem.Version.Value,
        ["message"] = problem.Message,
        ["nextStep"] = problem.NextStep is { } step ? NextStepCommands.Render(step, invoked) : null,
    };

    public static JsonArray Versions(IEnumerable<MigrationVersion> versions) => new([.. versions.Select(v => (JsonNode)v.Value)]);

    // Named once per value: a status of 1,000 rows names a state and a phase on each.
    private static readonly Dictionary<MigrationState, string> StateNames = Enum.GetValues<MigrationState>().ToDictionary(s => s, s => Kebab(s.ToString()));
    private static readonly Dictionary<MigrationPhase, string> PhaseNames = Enum.GetValues<MigrationPhase>().ToDictionary(p => p, Lower);

    public static string StateName(MigrationState state) => StateNames.TryGetValue(state, out var name) ? name : Kebab(state.ToString());

    public static string PhaseName(MigrationPhase phase) => PhaseNames.TryGetValue(phase, out var name) ? name : Lower(phase);

    // The sortable standard format and a 'Z': the same text as the custom pattern "yyyy-MM-dd'T'HH:mm:ss'Z'", written
    // without parsing a pattern for each of a status's 1,000 rows.
    public static string Timestamp(DateTimeOffset value) =>
        string.Create(20, value.UtcDateTime, static (text, utc) =>
        {
            utc.TryFormat(text, out _, "s", CultureInfo.InvariantCulture);
            text[19] = 'Z';
        });

    private static JsonObject StatusEntry(MigrationStatusEntry entry)
    {
        var json = new JsonObject
        {
            ["version"] = entry.Version.Value,
            ["description"] = entry.Description,
            ["state"] = StateName(entry.State),
            ["phase"] = PhaseName(entry.Phase),
            ["source"] = entry.Source,
            ["appliedAt"] = entry.History is { } history ? Timestamp(history.AppliedAt) : null,
        };
        if (entry.Progress is { } progress)
        {
            json["progress"] = progress;
        }

        return json;
    }

    private static string Lower<T>(T value)
        where T : struct, Enum => value.ToString().ToLowerInvariant();

    private static string Kebab(string pascal) =>
        string.Concat(pascal.Select((c, i) => char.IsUpper(c) && i > 0 ? "-" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));
}
