using Microsoft.Extensions.Logging;
using Strata.Core.Logging;

namespace Strata.Cli.Output;

/// <summary>Routes the engine's log messages to the run's reporter, so the library never writes to the console itself.</summary>
internal sealed class ReporterLoggerProvider(Reporter reporter) : ILoggerProvider
{
    public ILogger CreateLogger(string categoryName) => new ReporterLogger(reporter, categoryName);

    public void Dispose()
    {
    }

    private sealed class ReporterLogger(Reporter reporter, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None && reporter.ShouldShow(logLevel);

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel) || IsSummedUp(eventId))
            {
                return;
            }

            // Only JSON output carries the fields; a human line per migration need not build a JSON tree for each.
            var fields = reporter.IsJson ? Fields(eventId, state) : null;
            reporter.Progress(eventId.Name ?? category, formatter(state, exception), fields, logLevel);
        }

        // Checked before the message is formatted: a summed-up run of a thousand migrations would otherwise format
        // and write two thousand lines that the summary replaces.
        private bool IsSummedUp(EventId eventId) =>
            reporter.SummarizesMigrations && !reporter.IsJson && eventId.Id is LogMessages.MigrationStartingEvent or LogMessages.MigrationCompletedEvent;

        private JsonObject Fields<TState>(EventId eventId, TState state)
        {
            var fields = new JsonObject { ["eventId"] = eventId.Id, ["category"] = category };
            if (state is IReadOnlyList<KeyValuePair<string, object?>> values)
            {
                foreach (var (key, value) in values)
                {
                    if (key != "{OriginalFormat}")
                    {
                        fields[CamelCase(key)] = ToNode(value);
                    }
                }
            }

            return fields;
        }

        private static JsonNode? ToNode(object? value) => value switch
        {
            null => null,
            string s => s,
            bool b => b,
            int i => i,
            long l => l,
            double d => d,
            TimeSpan t => t.TotalMilliseconds,
            _ => value.ToString(),
        };

        private static string CamelCase(string name) =>
            name.Length > 0 && char.IsUpper(name[0]) ? char.ToLowerInvariant(name[0]) + name[1..] : name;
    }
}
