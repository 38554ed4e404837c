namespace Strata.Scenarios.Doors;

/// <summary>Every front door, by name: the parameter of every scenario.</summary>
public static class FrontDoors
{
    public const string Library = "library";
    public const string Process = "process";
    public const string WebHost = "web host";

    private static readonly LibraryDoor LibraryDoor = new();

    public static TheoryData<string> All => new() { Library, Process, WebHost };

    /// <summary>The library door, for steps a front door cannot take itself (and says so where it is used).</summary>
    public static IFrontDoor TheLibrary => LibraryDoor;

    public static IFrontDoor Named(string name) => name switch
    {
        Library => LibraryDoor,
        Process => new ProcessDoor(),
        WebHost => new WebHostDoor(LibraryDoor),
        _ => throw new ArgumentException($"no front door named '{name}'", nameof(name)),
    };
}
