namespace Strata.Core.Migrations;

/// <summary>
/// Says why a file or directory could not be read in words of ours: the runtime's own messages may be bare resource
/// keys when the CLI is trimmed (<c>UseSystemResourceKeys</c>), so they are never shown.
/// </summary>
internal static class FileReadErrors
{
    public static bool IsReadError(Exception error) => error is IOException or UnauthorizedAccessException;

    public static string Reason(Exception error) => error switch
    {
        UnauthorizedAccessException => "permission denied",
        FileNotFoundException or DirectoryNotFoundException => "it no longer exists",
        PathTooLongException => "the path is too long",
        _ => "input/output error",
    };
}
