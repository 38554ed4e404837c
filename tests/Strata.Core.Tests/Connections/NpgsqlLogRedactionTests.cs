using Microsoft.Extensions.Logging;
using Strata.Core.Connections;
using Strata.Testing;

namespace Strata.Core.Tests.Connections;

public sealed class NpgsqlLogRedactionTests
{
    // Npgsql logs each command's SQL (at Information, --verbose in the CLI): a role's password literal in it is masked in
    // the message and in the values a structured logger writes as fields.
    [Fact]
    public async Task Npgsql_command_logging_masks_a_password_literal_in_the_message_and_its_values()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        var resolved = await Resolve.UrlAsync(db.Url);
        using var logs = new RecordingLoggerFactory();

        await using (var dataSource = await new DatabaseConnector(null, logs).CreateDataSourceAsync(resolved, null, CancellationToken.None))
        {
            await using var command = dataSource.CreateCommand("SELECT 1 /* ALTER ROLE someone PASSWORD 'Logged-secret-31' */");
            await command.ExecuteScalarAsync();
        }

        var executed = logs.Entries.Where(e => e.Message.Contains("ALTER ROLE someone", StringComparison.Ordinal)).ToList();
        executed.ShouldNotBeEmpty("Npgsql logged the command");
        executed.ShouldAllBe(e => e.Message.Contains("PASSWORD '********'"));
        logs.Entries.ShouldAllBe(e => !e.Message.Contains("Logged-secret-31") && !e.Values.Contains("Logged-secret-31"));
    }

    private sealed class RecordingLoggerFactory : ILoggerFactory
    {
        private readonly List<(string Message, string Values)> _entries = [];

        public IReadOnlyList<(string Message, string Values)> Entries
        {
            get
            {
                lock (_entries)
                {
                    return [.. _entries];
                }
            }
        }

        public ILogger CreateLogger(string categoryName) => new Recorder(this);

        public void AddProvider(ILoggerProvider provider)
        {
        }

        public void Dispose()
        {
        }

        private sealed class Recorder(RecordingLoggerFactory owner) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                var values = state is IEnumerable<KeyValuePair<string, object?>> pairs
                    ? string.Join("|", pairs.Where(p => p.Key != "{OriginalFormat}").Select(p => p.Value is System.Collections.IEnumerable items and not string
                        ? string.Join(",", items.Cast<object?>())
                        : Convert.ToString(p.Value, System.Globalization.CultureInfo.InvariantCulture)))
                    : string.Empty;
                lock (owner._entries)
                {
                    owner._entries.Add((formatter(state, exception), values));
                }
            }
        }
    }
}
