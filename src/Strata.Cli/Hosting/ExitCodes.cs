using Strata.Core.Errors;

namespace Strata.Cli.Hosting;

/// <summary>The documented exit codes (docs/exit-codes.md) and the one place errors are mapped to them.</summary>
internal static class ExitCodes
{
    public const int Success = 0;
    public const int Failed = 1;
    public const int UsageOrConfiguration = 2;
    public const int CannotConnect = 3;
    public const int LockNotAcquired = 4;
    public const int ValidationFailed = 5;
    public const int ProtectedEnvironment = 6;
    public const int PrerequisiteMissing = 7;
    public const int Pending = 8;
    public const int Cancelled = 130;

    public static int For(Exception exception) => exception switch
    {
        OperationCanceledException => Cancelled,
        ConfigurationException or GeneratorArgumentException => UsageOrConfiguration,
        ConnectionFailedException => CannotConnect,
        LockNotAcquiredException => LockNotAcquired,
        ValidationFailedException or MigrationFileException or SqlSyntaxException or AdoptionRequiredException or HistoryInconsistentException => ValidationFailed,
        ProtectedEnvironmentException => ProtectedEnvironment,
        PrerequisiteMissingException => PrerequisiteMissing,
        _ => Failed,
    };
}
