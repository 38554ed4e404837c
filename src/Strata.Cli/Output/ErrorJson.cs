using Strata.Core.Execution;
using Strata.Core.Secrets;

namespace Strata.Cli.Output;

/// <summary>
/// The fields of the JSON error event (docs/json-output.md, docs/schemas/strata-events.schema.json). Every field is
/// always present, null when it does not apply, so a pipeline can read them without testing for each.
/// </summary>
internal static class ErrorJson
{
    public static JsonObject Fields(ErrorReport report, Exception? verboseDetail)
    {
        var fields = new JsonObject
        {
            ["code"] = report.Code,
            ["exitCode"] = report.ExitCode,
            ["file"] = report.File,
            ["line"] = report.Line,
            ["column"] = report.Column,
            ["sqlstate"] = report.SqlState,
            ["migration"] = report.Migration,
            ["statement"] = report.Statement,
            ["nextSteps"] = new JsonArray([.. report.NextSteps.Select(step => JsonValue.Create(step))]),
            ["applied"] = new JsonArray([.. (report.Completed?.Migrations ?? []).Select(step => (JsonNode)StepJson.Step(step))]),
            ["appliedDirection"] = report.Completed is { Migrations.Count: > 0 } completed
                ? (completed.Direction == MigrationDirection.Up ? "up" : "down")
                : null,
        };
        if (verboseDetail is not null)
        {
            fields["detail"] = SecretRedactor.Redact(verboseDetail.ToString());
        }

        return fields;
    }
}
