namespace Strata.Report.Tests;

/// <summary>Where the browser tests keep what they produce, and the copy of the screenshot the docs show.</summary>
internal static class Artifacts
{
    /// <summary>Set to 1 to also write the screenshot to <c>docs/images/report.png</c> of the repository.</summary>
    public const string UpdateDocsVariable = "STRATA_UPDATE_DOCS_SCREENSHOT";

    /// <summary>A directory below the test output directory, kept after the run.</summary>
    public static string Directory()
    {
        var path = System.IO.Path.Combine(AppContext.BaseDirectory, "artifacts");
        System.IO.Directory.CreateDirectory(path);
        return path;
    }

    /// <summary>The docs copy of the screenshot, or null unless <see cref="UpdateDocsVariable"/> asks for it.</summary>
    public static string? DocsScreenshot()
    {
        if (Environment.GetEnvironmentVariable(UpdateDocsVariable) != "1")
        {
            return null;
        }

        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(directory.FullName, "Strata.slnx")))
            {
                return System.IO.Path.Combine(directory.FullName, "docs", "images", "report.png");
            }
        }

        throw new InvalidOperationException($"{UpdateDocsVariable}=1: no Strata.slnx above {AppContext.BaseDirectory}");
    }
}
