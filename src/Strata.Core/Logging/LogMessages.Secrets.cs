using Microsoft.Extensions.Logging;

namespace Strata.Core.Logging;

internal static partial class LogMessages
{
    [LoggerMessage(EventId = 1050, Level = LogLevel.Warning,
        Message = "The server refused the password from {PasswordSource}; reading it again and retrying once, in case the secret was rotated")]
    public static partial void PasswordRefusedRetrying(ILogger logger, string passwordSource);
}
