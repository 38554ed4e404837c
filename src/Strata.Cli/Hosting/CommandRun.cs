using Microsoft.Extensions.Logging;
using Strata.Cli.Output;

namespace Strata.Cli.Hosting;

/// <summary>
/// One invocation of one command: its context, settings, reporter and logging. Commands get everything they need
/// from here and make one library call.
/// </summary>
internal sealed partial class CommandRun : IDisposable
{
    public CommandRun(CliContext context, CliSettings settings)
    {
        Context = context;
        Settings = settings;
        Reporter = new Reporter(context.Out, context.Error, settings.Mode, settings.Verbosity, new Style(settings.Color));
        LoggerFactory = Microsoft.Extensions.Logging.LoggerFactory.Create(builder =>
        {
            builder.ClearProviders();
            builder.SetMinimumLevel(LogLevel.Trace);
            builder.AddProvider(new ReporterLoggerProvider(Reporter));
            // Npgsql logs every command at Information: detail for --verbose, noise for a deploy log.
            builder.AddFilter("Npgsql", settings.Verbosity == Verbosity.Verbose ? LogLevel.Debug : LogLevel.Warning);
        });
    }

    public CliContext Context { get; }

    public CliSettings Settings { get; }

    public Reporter Reporter { get; }

    public ILoggerFactory LoggerFactory { get; }

    public void Dispose() => LoggerFactory.Dispose();
}
