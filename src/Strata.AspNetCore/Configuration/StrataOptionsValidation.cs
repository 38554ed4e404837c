using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Strata.AspNetCore.Hosting;
using Strata.AspNetCore.Logging;
using Strata.Core.Configuration;

namespace Strata.AspNetCore.Configuration;

/// <summary>
/// Checks <see cref="StrataOptions"/> once, after configuration and every callback, when the host starts
/// (<c>ValidateOnStart</c>). A failure is logged as one critical line naming every bad value, and the process is set
/// to end with the configuration exit code instead of an unhandled exception (see <see cref="StartupFailure"/>).
/// </summary>
internal sealed class StrataOptionsValidation(ILoggerFactory loggerFactory, StartupFailure failure) : IValidateOptions<StrataOptions>
{
    // Npgsql's own default Maximum Pool Size.
    private const int DefaultMaxPoolSize = 100;

    private readonly ILogger _logger = loggerFactory.CreateLogger("Strata.AspNetCore.StrataOptions");
    private int _reported;

    public ValidateOptionsResult Validate(string? name, StrataOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = Problems(options);
        if (problems.Count == 0)
        {
            return ValidateOptionsResult.Success;
        }

        var text = string.Join("; ", problems);
        if (Interlocked.Exchange(ref _reported, 1) == 0)
        {
            _logger.OptionsInvalid(text);
            failure.Arm(StartupFailure.ConfigurationExitCode, typeof(OptionsValidationException));
        }

        return ValidateOptionsResult.Fail(text);
    }

    /// <summary>Every problem of <paramref name="options"/>, each one line naming its configuration key.</summary>
    public static List<string> Problems(StrataOptions options)
    {
        var problems = new List<string>(options.ConfigurationProblems);
        if (options.HistoryTable is { } historyTable && !HistoryTableName.TryParse(historyTable, out _, out var historyTableProblem))
        {
            problems.Add($"Strata:HistoryTable {historyTableProblem}");
        }

        var pool = options.Pool;
        if (pool.MinSize is < 0)
        {
            problems.Add($"Strata:Pool:MinSize must not be negative, not {pool.MinSize}");
        }

        if (pool.MaxSize is < 1)
        {
            problems.Add($"Strata:Pool:MaxSize must be at least 1, not {pool.MaxSize}");
        }

        if (pool.MinSize > (pool.MaxSize ?? DefaultMaxPoolSize))
        {
            problems.Add($"Strata:Pool:MinSize ({pool.MinSize}) is larger than Strata:Pool:MaxSize ({pool.MaxSize ?? DefaultMaxPoolSize}); lower the minimum or raise the maximum");
        }

        if (options.MigrateOnStart && pool.MaxSize < PoolPlan.MigrationConnections && new PoolPlan(pool, null).IsShared)
        {
            problems.Add(
                $"Strata:Pool:MaxSize must be at least {PoolPlan.MigrationConnections} with Strata:MigrateOnStart, not {pool.MaxSize}: " +
                "migrate-on-start holds one connection for the migration lock and runs the migrations on another");
        }

        if (pool.MaxAutoPrepare is < 0)
        {
            problems.Add($"Strata:Pool:MaxAutoPrepare must not be negative, not {pool.MaxAutoPrepare}");
        }

        if (pool.ConnectionLifetime < TimeSpan.Zero || pool.CommandTimeout < TimeSpan.Zero)
        {
            problems.Add("Strata:Pool:ConnectionLifetime and Strata:Pool:CommandTimeout must not be negative");
        }

        if (options.ReadyTimeout <= TimeSpan.Zero)
        {
            problems.Add($"Strata:ReadyTimeout must be positive, not {options.ReadyTimeout}; a readiness check that never gives up would hang the load balancer's probe");
        }

        if (options.WaitTimeout is { } wait && wait <= TimeSpan.Zero)
        {
            problems.Add($"Strata:WaitTimeout must be positive, not {wait}");
        }

        problems.AddRange(ConnectionProblems(options));
        return problems;
    }

    private static IEnumerable<string> ConnectionProblems(StrataOptions options)
    {
        if (options.ConnectionName is not { } name)
        {
            yield break;
        }

        if (options.DatabaseUrl is not null)
        {
            yield return $"both Strata:DatabaseUrl and Strata:ConnectionName ({name}) name the database; keep one";
        }
        else if (string.IsNullOrWhiteSpace(options.ConnectionStrings?.Invoke(name)))
        {
            yield return $"Strata:ConnectionName is '{name}', but ConnectionStrings:{name} is not set; add it to the configuration (ConnectionStrings__{name})";
        }
    }
}
