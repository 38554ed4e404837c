using System.ComponentModel;

namespace Strata.Core.Errors;

/// <summary>
/// Says why a file, a directory or a program could not be used, in words of ours, the same from every front door: the
/// runtime's messages repeat the path, call a directory opened as a file "access denied", and are bare resource keys
/// (<c>UnauthorizedAccess_IODenied_Path, /x</c>) in a build trimmed with <c>UseSystemResourceKeys</c>. The error's
/// type and the operating system's error number say what happened.
/// </summary>
internal static class FileErrorText
{
    /// <summary>Whether <paramref name="error"/> is a failure to read or write a file or directory.</summary>
    public static bool IsFileError(Exception error) => error is IOException or UnauthorizedAccessException;

    /// <summary>Why <paramref name="error"/> happened, in a few lower-case words, such as "permission denied".</summary>
    /// <param name="error">An <see cref="IOException"/>, <see cref="UnauthorizedAccessException"/> or <see cref="Win32Exception"/>.</param>
    /// <param name="path">The path that was used, when known: a directory opened as a file is then said to be one.</param>
    public static string Describe(Exception error, string? path = null) => error switch
    {
        // The runtime refuses to open a directory as a file with the same error as a missing permission.
        UnauthorizedAccessException when path is not null && Directory.Exists(path) => "it is a directory",
        UnauthorizedAccessException => "permission denied",
        FileNotFoundException or DirectoryNotFoundException => "it does not exist",
        PathTooLongException => "the path is too long",
        Win32Exception win32 => Errno(win32.NativeErrorCode),
        IOException io => Errno(io.HResult),
        _ => "input/output error",
    };

    /// <summary>Why no file was found at <paramref name="path"/>: "is a directory, not a file", or "does not exist".</summary>
    public static string WhyNotAFile(string path) => Directory.Exists(path) ? "is a directory, not a file" : "does not exist";

    /// <summary>
    /// The nearest entry at or above <paramref name="directory"/> that exists, when it is a file: what stops the
    /// directory from being made (the runtime then says the file "already exists"). Null when nothing is in the way.
    /// </summary>
    public static string? FileInTheWay(string directory)
    {
        for (var path = Path.GetFullPath(directory); path is not null; path = Path.GetDirectoryName(path))
        {
            if (File.Exists(path))
            {
                return path;
            }

            if (Directory.Exists(path))
            {
                return null;
            }
        }

        return null;
    }

    // On Linux and macOS the runtime raises an IOException with the errno as its HResult, and a Win32Exception with it
    // as its native error code; the numbers below are the same on both.
    private static string Errno(int errno) => errno switch
    {
        1 or 13 => "permission denied",
        2 => "it does not exist",
        5 => "input/output error",
        8 => "it is not a program this system can run",
        16 => "it is busy",
        17 => "it already exists",
        20 => "a part of the path is not a directory",
        21 => "it is a directory",
        24 => "too many files are open",
        28 => "no space is left on the device",
        30 => "the file system is read-only",
        36 or 63 => "the path is too long",
        _ => "input/output error",
    };
}
