using System.ComponentModel;
using Strata.Core.Errors;
using TempDirectory = Strata.Core.Tests.Migrations.TempDirectory;

namespace Strata.Core.Tests.BadInput;

/// <summary>
/// The reasons a file could not be used are ours: the runtime's messages are resource keys in the trimmed CLI, so none
/// of its words may reach a message.
/// </summary>
public sealed class FileErrorTextTests
{
    [Fact]
    public void A_directory_read_as_a_file_is_said_to_be_a_directory()
    {
        using var dir = new TempDirectory();

        var error = Should.Throw<UnauthorizedAccessException>(() => File.ReadAllText(dir.Path));

        FileErrorText.IsFileError(error).ShouldBeTrue();
        FileErrorText.Describe(error, dir.Path).ShouldBe("it is a directory");
        FileErrorText.Describe(error).ShouldBe("permission denied");
    }

    [Fact]
    public void A_missing_file_or_directory_does_not_exist()
    {
        using var dir = new TempDirectory();

        var file = Should.Throw<FileNotFoundException>(() => File.ReadAllText(Path.Combine(dir.Path, "nope.sql")));
        var directory = Should.Throw<DirectoryNotFoundException>(() => File.ReadAllText(Path.Combine(dir.Path, "nope", "x.sql")));

        FileErrorText.Describe(file).ShouldBe("it does not exist");
        FileErrorText.Describe(directory).ShouldBe("it does not exist");
    }

    [Theory]
    [InlineData(28, "no space is left on the device")]
    [InlineData(30, "the file system is read-only")]
    [InlineData(5, "input/output error")]
    [InlineData(21, "it is a directory")]
    [InlineData(122, "input/output error")]
    public void An_input_output_error_is_named_by_its_error_number(int errno, string reason)
    {
        FileErrorText.Describe(new IOException("Resource_Key, /x", errno)).ShouldBe(reason);
    }

    [Fact]
    public void A_program_that_cannot_be_started_is_named_by_its_error_number()
    {
        FileErrorText.Describe(new Win32Exception(8, "ErrorStartingProcess, x")).ShouldBe("it is not a program this system can run");
        FileErrorText.Describe(new Win32Exception(13)).ShouldBe("permission denied");
    }

    [Fact]
    public void Other_errors_are_not_file_errors()
    {
        FileErrorText.IsFileError(new InvalidOperationException("x")).ShouldBeFalse();
        FileErrorText.IsFileError(new IOException("x")).ShouldBeTrue();
    }
}
