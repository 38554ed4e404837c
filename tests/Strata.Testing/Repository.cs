namespace Strata.Testing;

/// <summary>Finds the repository's files from the test binaries' location.</summary>
public static class Repository
{
    public static string Root { get; } = FindRoot();

    public static string PathTo(params string[] parts) => Path.Combine([Root, .. parts]);

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Strata.slnx")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("Strata.slnx not found above " + AppContext.BaseDirectory);
    }
}
