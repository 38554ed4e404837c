using System.Globalization;
using Npgsql;

namespace Strata.Core.Connections;

/// <summary>Maps <see cref="ConnectionSettings"/> and <see cref="DataSourceOptions"/> to an Npgsql connection string.</summary>
internal static class NpgsqlSettings
{
    public const string DefaultApplicationName = "strata";

    public static NpgsqlConnectionStringBuilder Build(ConnectionSettings settings, DataSourceOptions options, bool includePassword)
    {
        var builder = new NpgsqlConnectionStringBuilder();
        builder.Host = HostValue(settings.Hosts);
        if (settings.Hosts.Count == 1)
        {
            builder.Port = settings.Hosts[0].Port;
        }

        builder.Database = settings.Database;
        builder.Username = settings.Username;
        if (includePassword && settings.Password is not null)
        {
            builder.Password = settings.Password;
        }

        ApplyOptional(builder, settings);
        ApplyPooling(builder, options);
        builder.ApplicationName = settings.ApplicationName ?? options.ApplicationName ?? DefaultApplicationName;

        // A failed migration or seed must show the server's DETAIL ("Key (id)=(1) already exists."); it carries
        // row data, never credentials.
        builder.IncludeErrorDetail = true;

        // Npgsql tries GSS encryption first unless told otherwise, and logs a failed load of libgssapi_krb5 on every
        // connection in slim container images. Kerberos users opt back in with a keyword string (GSS Encryption Mode).
        builder.GssEncryptionMode = GssEncryptionMode.Disable;

        // Keywords the user wrote in a connection string win over the caller's defaults, like application_name.
        foreach (var (key, value) in settings.AdditionalKeywords)
        {
            builder[key] = value;
        }

        return builder;
    }

    /// <summary>One host as is; several as <c>h1:5432,[::1]:5433</c>, Npgsql's multi-host form with a port per host.</summary>
    private static string HostValue(IReadOnlyList<HostEndpoint> hosts) =>
        hosts.Count == 1
            ? hosts[0].Host
            : string.Join(",", hosts.Select(h => $"{HostEndpoint.FormatHost(h.Host)}:{h.Port.ToString(CultureInfo.InvariantCulture)}"));

    private static void ApplyOptional(NpgsqlConnectionStringBuilder builder, ConnectionSettings settings)
    {
        // libpq never uses TLS on a Unix socket, whatever sslmode asks for; Npgsql would try, and fail.
        if (settings.SslMode is { } sslMode)
        {
            builder.SslMode = settings.Hosts.Count > 0 && settings.Hosts.All(h => h.IsSocketDirectory) ? SslMode.Disable : sslMode;
        }

        if (settings.SslRootCert is not null)
        {
            builder.RootCertificate = settings.SslRootCert;
        }

        if (settings.ConnectTimeoutSeconds is { } timeout)
        {
            builder.Timeout = timeout;
        }

        // Npgsql fills what a connection string leaves out from PGOPTIONS, PGCLIENTENCODING, PGTARGETSESSIONATTRS and
        // PGSSLNEGOTIATION, while Strata reads PG* variables only when they are the chosen source: each is set here.
        // Options of one space send nothing (empty ones would read as not given, and the variable would fill them).
        builder.Options = settings.Options is { Length: > 0 } options ? options : " ";
        builder.ClientEncoding = "UTF8";
        builder.SslNegotiation = SslNegotiation.Postgres;

        if (settings.SearchPath is not null)
        {
            builder.SearchPath = settings.SearchPath;
        }

        // Npgsql refuses the setting for a single host; SessionAttributeCheck does libpq's check there instead.
        if (settings.Hosts.Count > 1)
        {
            builder.TargetSessionAttributes = settings.TargetSessionAttributes ?? "any";
        }
    }

    private static void ApplyPooling(NpgsqlConnectionStringBuilder builder, DataSourceOptions options)
    {
        builder.Pooling = options.Pooling;
        if (options.MinPoolSize is { } min)
        {
            builder.MinPoolSize = min;
        }

        if (options.MaxPoolSize is { } max)
        {
            builder.MaxPoolSize = max;
        }

        if (options.ConnectionLifetime is { } lifetime)
        {
            builder.ConnectionLifetime = (int)Math.Ceiling(lifetime.TotalSeconds);
        }

        if (options.CommandTimeout is { } commandTimeout)
        {
            builder.CommandTimeout = (int)Math.Ceiling(commandTimeout.TotalSeconds);
        }

        if (options.ResetOnClose is { } reset)
        {
            builder.NoResetOnClose = !reset;
        }

        if (options.Multiplexing)
        {
            builder.Multiplexing = true;
        }

        if (options.MaxAutoPrepare is { } prepared)
        {
            builder.MaxAutoPrepare = prepared;
        }
    }
}
