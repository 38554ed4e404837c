using System.Data.Common;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Strata.AspNetCore.Configuration;
using Strata.AspNetCore.Health;
using Strata.AspNetCore.Hosting;

namespace Strata.AspNetCore;

/// <summary>Registers Strata in an app: <c>builder.AddStrata()</c> or <c>services.AddStrata(configuration)</c>.</summary>
public static class StrataServiceCollectionExtensions
{
    /// <summary>
    /// Registers Strata with the builder's configuration: see <see cref="AddStrata(IServiceCollection, IConfiguration, Action{StrataOptions}?)"/>.
    /// </summary>
    public static TBuilder AddStrata<TBuilder>(this TBuilder builder, Action<StrataOptions>? configure = null)
        where TBuilder : IHostApplicationBuilder
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddStrata(builder.Configuration, configure);
        return builder;
    }

    /// <summary>
    /// Registers <see cref="StrataDatabase"/>, one pooled <see cref="NpgsqlDataSource"/> (also as
    /// <see cref="DbDataSource"/>), the readiness health check (tag <see cref="StrataHealth.ReadyTag"/>), and a hosted
    /// service that resolves the database, and with <see cref="StrataOptions.MigrateOnStart"/> migrates it, before the
    /// server starts. The options come from the <c>Strata</c> section of <paramref name="configuration"/>, then
    /// <paramref name="configure"/>; they are read and validated when the host starts, and an invalid value stops it.
    /// </summary>
    /// <exception cref="InvalidOperationException">Strata is already registered.</exception>
    public static IServiceCollection AddStrata(this IServiceCollection services, IConfiguration configuration, Action<StrataOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        if (services.Any(d => d.ServiceType == typeof(StrataDatabase)))
        {
            throw new InvalidOperationException("AddStrata was called twice; register Strata once, with one options callback.");
        }

        services.AddSingleton(_ => BuildOptions(configuration, configure));
        services.AddSingleton(sp => new StrataDatabase(
            sp.GetRequiredService<StrataOptions>(),
            sp.GetService<IHostEnvironment>(),
            sp.GetService<ILoggerFactory>() ?? NullLoggerFactory.Instance));
        services.AddSingleton(sp => sp.GetRequiredService<StrataDatabase>().DataSource);
        services.AddSingleton<DbDataSource>(sp => sp.GetRequiredService<NpgsqlDataSource>());
        services.AddSingleton<StrataReadinessProbe>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, StrataStartupService>());
        services.AddHealthChecks().AddCheck<StrataReadinessHealthCheck>(StrataHealth.CheckName, HealthStatus.Unhealthy, [StrataHealth.ReadyTag]);
        return services;
    }

    private static StrataOptions BuildOptions(IConfiguration configuration, Action<StrataOptions>? configure)
    {
        var options = new StrataOptions();
        StrataConfiguration.Apply(configuration, options);
        configure?.Invoke(options);
        StrataOptionsValidation.Validate(options);
        return options;
    }
}
