using Microsoft.Extensions.Logging;

namespace Strata.Core.Logging;

/// <summary>Log messages about migration files Strata did not write and databases it did not create: event ids 1370-1389.</summary>
internal static partial class LogMessages
{
    [LoggerMessage(EventId = 1373, Level = LogLevel.Warning, Message = "Migration {Migration} has an empty up section ({Source}:{Line}): it runs nothing and is recorded as applied")]
    public static partial void EmptyUpSection(this ILogger logger, string migration, string source, int line);

    /// <summary>A file in the migrations directory that is not a migration: a warning when it looks meant as one.</summary>
    [LoggerMessage(EventId = 1374, Message = "Skipping {File} in the migrations directory: {Reason}")]
    public static partial void SkippedFile(this ILogger logger, LogLevel level, string file, string reason);

    [LoggerMessage(EventId = 1370, Level = LogLevel.Debug, Message = "Knew {Known} of {Total} migration files in {Directory} from the checksum cache")]
    public static partial void ChecksumCacheUsed(this ILogger logger, string directory, int known, int total);

    [LoggerMessage(EventId = 1371, Level = LogLevel.Debug, Message = "Not using the checksum cache {File}: {Reason}")]
    public static partial void ChecksumCacheIgnored(this ILogger logger, string file, string reason);

    [LoggerMessage(EventId = 1372, Level = LogLevel.Debug, Message = "Could not write the checksum cache of {Directory}: {Reason}")]
    public static partial void ChecksumCacheNotWritten(this ILogger logger, string directory, string reason);
}
