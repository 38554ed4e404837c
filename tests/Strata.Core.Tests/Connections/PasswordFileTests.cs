using Strata.Core.Connections;
using Strata.Core.Errors;

namespace Strata.Core.Tests.Connections;

public sealed class PasswordFileTests
{
    [Theory]
    [InlineData("pw-from-file\n", "pw-from-file")]
    [InlineData("pw-from-file\r\n", "pw-from-file")]
    [InlineData("pw-from-file", "pw-from-file")]
    [InlineData(" spaced pw \n\n", " spaced pw ")]
    public async Task Reads_the_password_file_without_its_trailing_line_break(string content, string password)
    {
        using var directory = new TempDirectory();
        directory.Write("secrets/db", content);

        var resolved = await Resolve.WithAsync(
            directory, configure: r => r with { DatabaseUrl = "postgres://app@h/db", PasswordFile = "secrets/db" });

        resolved.Settings.Password.ShouldBe(password);
        resolved.PasswordSource.ShouldBe(PasswordSource.File);
        resolved.PasswordSourceDescription.ShouldBe($"file {directory.Combine("secrets/db")} (from --password-file)");
    }

    [Fact]
    public async Task Db_password_file_variable_works_like_the_flag()
    {
        using var directory = new TempDirectory();
        var path = directory.Write("pw", "pw-variable-file\n");

        var resolved = await Resolve.WithAsync(directory, new Dictionary<string, string>
        {
            ["DATABASE_URL"] = "postgres://app@h/db",
            ["DB_PASSWORD_FILE"] = path,
        });

        resolved.Settings.Password.ShouldBe("pw-variable-file");
        resolved.PasswordSourceDescription.ShouldBe($"file {path} (from DB_PASSWORD_FILE)");
    }

    [Fact]
    public async Task A_password_file_overrides_the_password_in_the_url_and_says_so()
    {
        using var directory = new TempDirectory();
        directory.Write("pw", "pw-file-wins\n");

        var resolved = await Resolve.WithAsync(
            directory, configure: r => r with { DatabaseUrl = $"postgres://app:{Resolve.KnownPassword}@h/db", PasswordFile = "pw" });

        resolved.Settings.Password.ShouldBe("pw-file-wins");
        resolved.PasswordSourceDescription.ShouldEndWith("; overrides the password in --database-url");
    }

    [Fact]
    public async Task A_password_file_over_db_password_names_db_password_as_what_it_overrides()
    {
        using var directory = new TempDirectory();
        var path = directory.Write("pw", "pw-file-wins\n");

        var resolved = await Resolve.WithAsync(directory, new Dictionary<string, string>
        {
            ["DB_HOST"] = "h",
            ["DB_PASSWORD"] = Resolve.KnownPassword,
            ["DB_PASSWORD_FILE"] = path,
        });

        resolved.PasswordSourceDescription.ShouldBe($"file {path} (from DB_PASSWORD_FILE); overrides the password in DB_PASSWORD");
    }

    [Fact]
    public async Task The_password_file_flag_beats_the_password_command_variable()
    {
        using var directory = new TempDirectory();
        directory.Write("pw", "pw-flag-file");

        var resolved = await Resolve.WithAsync(
            directory,
            new Dictionary<string, string> { ["STRATA_PASSWORD_COMMAND"] = "echo from-command" },
            r => r with { DatabaseUrl = "postgres://app@h/db", PasswordFile = "pw" });

        resolved.PasswordSource.ShouldBe(PasswordSource.File);
        resolved.Settings.Password.ShouldBe("pw-flag-file");
    }

    [Fact]
    public async Task A_missing_password_file_is_an_error_naming_the_path_and_where_it_was_given()
    {
        using var directory = new TempDirectory();

        var error = await Should.ThrowAsync<ConfigurationException>(() => Resolve.WithAsync(
            directory, configure: r => r with { DatabaseUrl = "postgres://app@h/db", PasswordFile = "nope/pw" }));

        error.Message.ShouldBe($"The password file {directory.Combine("nope/pw")} (from --password-file) does not exist.");
    }

    [Fact]
    public async Task A_password_file_that_is_a_directory_is_an_error_in_words_of_ours()
    {
        using var directory = new TempDirectory();
        Directory.CreateDirectory(directory.Combine("pw"));

        var error = await Should.ThrowAsync<ConfigurationException>(() => Resolve.WithAsync(
            directory, configure: r => r with { DatabaseUrl = "postgres://app@h/db", PasswordFile = "pw" }));

        error.Message.ShouldBe($"The password file {directory.Combine("pw")} (from --password-file) could not be read: it is a directory.");
    }

    [Fact]
    public async Task An_empty_password_file_is_an_error()
    {
        using var directory = new TempDirectory();
        directory.Write("pw", "\n");

        var error = await Should.ThrowAsync<ConfigurationException>(() => Resolve.WithAsync(
            directory, configure: r => r with { DatabaseUrl = "postgres://app@h/db", PasswordFile = "pw" }));

        error.Message.ShouldEndWith("is empty.");
    }

    [Fact]
    public async Task A_password_file_and_a_password_command_on_the_same_level_is_an_error()
    {
        using var directory = new TempDirectory();

        var error = await Should.ThrowAsync<ConfigurationException>(() => Resolve.WithAsync(
            directory, configure: r => r with { DatabaseUrl = "postgres://app@h/db", PasswordFile = "pw", PasswordCommand = "echo x" }));

        error.Message.ShouldBe(
            "Both --password-file and --password-command are set; give a password file or a password command, not both.");
    }

    [Fact]
    public async Task A_password_for_no_named_database_is_refused_rather_than_using_the_local_default()
    {
        using var directory = new TempDirectory();

        var error = await Should.ThrowAsync<ConfigurationException>(() =>
            Resolve.WithAsync(directory, configure: r => r with { PasswordFile = "does-not-exist", PasswordFileOrigin = "--password-file" }));

        error.Message.ShouldBe("--password-file gives a password, but nothing names the database it is for: name the database too");
    }

    [Fact]
    public async Task With_no_password_given_the_pgpass_file_is_read_as_libpq_reads_it()
    {
        using var directory = new TempDirectory();
        var pgpass = directory.Write("pgpass", "not an entry\nother:5432:shop:app:wrong\ndb.internal:*:shop:app:pa\\:ss\\\\word\n");
        var resolved = await Resolve.WithAsync(
            directory, new Dictionary<string, string> { ["DATABASE_URL"] = "postgres://app@db.internal/shop", ["PGPASSFILE"] = pgpass });

        var settings = await new DatabaseConnector(null).ServerSettingsAsync(resolved, createLocalDatabase: false, CancellationToken.None);

        settings.Password.ShouldBe("pa:ss\\word");
        resolved.PasswordSource.ShouldBe(PasswordSource.None);
    }
}
