using Strata.Core.Errors;

namespace Strata.Core.Migrations;

/// <summary>Parses the <c>key:value</c> options after a directive's verb into <see cref="MigrationOptions"/>.</summary>
internal static class MigrationOptionsParser
{
    private const string Known = "the options are transaction, lock_timeout, statement_timeout and (on the up line) phase";

    public static MigrationOptions Parse(ReadOnlySpan<char> text, string source, int line, string verb)
    {
        var options = MigrationOptions.Default;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var range in text.SplitAny(" \t"))
        {
            var option = text[range];
            if (option.IsEmpty)
            {
                continue;
            }

            var colon = option.IndexOf(':');
            if (colon <= 0 || colon == option.Length - 1)
            {
                throw Error(source, line, $"option '{option}' on the '-- migrate:{verb}' line is not written key:value (e.g. transaction:false); {Known}");
            }

            var key = option[..colon].ToString();
            if (!seen.Add(key))
            {
                throw Error(source, line, $"option {key} appears twice on the '-- migrate:{verb}' line; keep one");
            }

            options = Apply(options, key, option[(colon + 1)..].ToString(), source, line, verb);
        }

        return options;
    }

    private static MigrationOptions Apply(MigrationOptions options, string key, string value, string source, int line, string verb) => key switch
    {
        "transaction" => options with { Transaction = ParseBoolean(value, source, line) },
        "lock_timeout" => options with { LockTimeout = ParseTimeout(key, value, source, line) },
        "statement_timeout" => options with { StatementTimeout = ParseTimeout(key, value, source, line) },
        "phase" when verb == "up" => options with { Phase = ParsePhase(value, source, line) },
        "phase" => throw Error(source, line, $"phase:{value} belongs on the '-- migrate:up' line: a migration's phase covers both of its sections"),
        _ => throw Error(source, line, $"unknown option '{key}' on the '-- migrate:{verb}' line; {Known}"),
    };

    private static bool ParseBoolean(string value, string source, int line) => value switch
    {
        "true" => true,
        "false" => false,
        _ => throw Error(source, line, $"transaction:{value} is not valid; write transaction:true or transaction:false"),
    };

    private static MigrationPhase ParsePhase(string value, string source, int line) => value switch
    {
        "pre" => MigrationPhase.Pre,
        "post" => MigrationPhase.Post,
        _ => throw Error(source, line, $"phase:{value} is not valid; write phase:pre (before the deploy, the default) or phase:post (after it)"),
    };

    private static TimeSpan ParseTimeout(string key, string value, string source, int line) =>
        MigrationDuration.TryParse(value, out var duration, out var problem)
            ? duration
            : throw Error(source, line, $"{key}:{value} is not a valid timeout: {problem}");

    private static MigrationFileException Error(string source, int line, string message) =>
        new($"{source}:{line}: {message}.", source, line);
}
