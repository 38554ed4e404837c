using Strata.Core.Errors;

namespace Strata.AspNetCore.Configuration;

/// <summary>Checks <see cref="StrataOptions"/> once, after configuration and the caller's callback, so a mistake stops the app at start.</summary>
internal static class StrataOptionsValidation
{
    public static void Validate(StrataOptions options)
    {
        var pool = options.Pool;
        if (pool.MinSize is < 0)
        {
            throw new ConfigurationException($"Strata:Pool:MinSize must not be negative, not {pool.MinSize}.");
        }

        if (pool.MaxSize is < 1)
        {
            throw new ConfigurationException($"Strata:Pool:MaxSize must be at least 1, not {pool.MaxSize}.");
        }

        if (pool.MinSize > (pool.MaxSize ?? DefaultMaxPoolSize))
        {
            throw new ConfigurationException(
                $"Strata:Pool:MinSize ({pool.MinSize}) is larger than Strata:Pool:MaxSize ({pool.MaxSize ?? DefaultMaxPoolSize}); lower the minimum or raise the maximum.");
        }

        if (pool.ConnectionLifetime < TimeSpan.Zero || pool.CommandTimeout < TimeSpan.Zero)
        {
            throw new ConfigurationException("Strata:Pool:ConnectionLifetime and Strata:Pool:CommandTimeout must not be negative.");
        }

        if (options.ReadyTimeout <= TimeSpan.Zero)
        {
            throw new ConfigurationException($"Strata:ReadyTimeout must be positive, not {options.ReadyTimeout}; a readiness check that never gives up would hang the load balancer's probe.");
        }
    }

    // Npgsql's own default Maximum Pool Size.
    private const int DefaultMaxPoolSize = 100;
}
