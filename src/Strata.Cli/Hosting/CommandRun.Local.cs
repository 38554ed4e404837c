using Microsoft.Extensions.Logging;
using Strata.Core.Local;

namespace Strata.Cli.Hosting;

/// <summary>The local PostgreSQL of the working directory, the default when no database is configured.</summary>
internal sealed partial class CommandRun
{
    public LocalCluster LocalCluster() => new(
        new LocalClusterOptions
        {
            Directory = Core.Local.LocalCluster.DefaultDirectory(Context.WorkingDirectory),
            Environment = Settings.Variables,
        },
        LoggerFactory.CreateLogger<LocalCluster>());

    /// <summary>
    /// Asks the user to confirm a destructive step. Scripts pass --yes; without a terminal and without --yes the
    /// answer is no, so an unattended run never destroys anything by default.
    /// </summary>
    public bool Confirm(string question, bool yes)
    {
        if (yes)
        {
            return true;
        }

        if (!Context.InputIsTerminal || Output.Mode == Strata.Cli.Output.OutputMode.Json)
        {
            return false;
        }

        Context.Error.Write($"{question} Type 'yes' to continue: ");
        Context.Error.Flush();
        return string.Equals(Context.ReadLine()?.Trim(), "yes", StringComparison.OrdinalIgnoreCase);
    }
}
