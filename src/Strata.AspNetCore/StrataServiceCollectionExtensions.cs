using System.Data.Common;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
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
    /// <see cref="DbDataSource"/>) unless the app registered one itself, the readiness health check (tag
    /// <see cref="StrataHealth.ReadyTag"/>), and a hosted service that resolves the database, and with
    /// <see cref="StrataOptions.MigrateOnStart"/> migrates it, while the host starts. The options are
    /// <c>IOptions&lt;StrataOptions&gt;</c>: the <c>Strata</c> section of <paramref name="configuration"/>, then
    /// <paramref name="configure"/>, validated when the host starts; an invalid value is logged as one line and stops
    /// the app with exit code 2. Calling it again only adds its callback.
    /// </summary>
    public static IServiceCollection AddStrata(this IServiceCollection services, IConfiguration configuration, Action<StrataOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        if (!services.Any(d => d.ServiceType == typeof(StrataDatabase)))
        {
            Register(services, configuration);
        }

        if (configure is not null)
        {
            services.Configure(configure);
        }

        return services;
    }

    private static void Register(IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<StrataOptions>()
            .Configure(options => StrataConfiguration.Apply(configuration, options))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<StrataOptions>, StrataOptionsValidation>());
        services.TryAddSingleton<StartupFailure>();
        services.TryAddSingleton<StrataHealthPaths>();
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<StrataOptions>>().Value);

        // Strata's own data source is registered with TryAdd: an app that registered an NpgsqlDataSource first keeps
        // it, and one that registers it later with Add wins on resolution; either way Strata then uses the app's.
        var ours = ServiceDescriptor.Singleton(sp => sp.GetRequiredService<StrataDatabase>().DataSource);
        services.TryAdd(ours);
        services.AddSingleton(sp => new StrataDatabase(
            sp.GetRequiredService<IOptions<StrataOptions>>().Value,
            sp.GetService<IHostEnvironment>(),
            sp.GetService<ILoggerFactory>() ?? NullLoggerFactory.Instance,
            AppDataSource(services, ours, sp)));
        services.TryAddSingleton<DbDataSource>(sp => sp.GetRequiredService<NpgsqlDataSource>());
        services.AddSingleton<StrataReadinessProbe>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, StrataStartupService>());
        services.TryAddEnumerable(ServiceDescriptor.Transient<IStartupFilter, MigrationGate>());
        services.AddHealthChecks().AddCheck<StrataReadinessHealthCheck>(StrataHealth.CheckName, HealthStatus.Unhealthy, [StrataHealth.ReadyTag]);
    }

    private static NpgsqlDataSource? AppDataSource(IServiceCollection services, ServiceDescriptor ours, IServiceProvider provider)
    {
        var winner = services.LastOrDefault(d => d.ServiceType == typeof(NpgsqlDataSource) && !d.IsKeyedService);
        return winner is null || ReferenceEquals(winner, ours) ? null : provider.GetRequiredService<NpgsqlDataSource>();
    }
}
