using Strata.Core.Errors;
using Strata.Core.Migrations;
using TempDirectory = Strata.Core.Tests.Migrations.TempDirectory;

namespace Strata.Core.Tests.BadInput;

public sealed class MigrationFileAccessTests
{
    [UnreadableFileFact]
    public async Task An_unreadable_migration_file_is_a_configuration_error_in_words_of_ours()
    {
        using var dir = new TempDirectory();
        var file = Path.Combine(dir.Path, "1_a.sql");
        UnreadablePaths.MakeFile(file);

        var error = await Should.ThrowAsync<ConfigurationException>(() => new DirectoryMigrationSource(dir.Path).LoadAsync(CancellationToken.None));

        error.Message.ShouldBe($"{file}: the migration file could not be read (permission denied); give the user running Strata read access to it.");
    }

    [UnreadableDirectoryFact]
    public async Task An_unreadable_migrations_directory_is_a_configuration_error_in_words_of_ours()
    {
        using var dir = new TempDirectory();
        var migrations = Path.Combine(dir.Path, "migrations");
        UnreadablePaths.MakeDirectory(migrations);

        var error = await Should.ThrowAsync<ConfigurationException>(() => new DirectoryMigrationSource(migrations).LoadAsync(CancellationToken.None));

        error.Message.ShouldBe($"migrations directory {migrations} could not be read (permission denied); give the user running Strata read access to it.");
    }

    [Fact]
    public async Task A_migration_file_over_the_size_limit_is_refused_before_it_is_read()
    {
        using var dir = new TempDirectory();
        dir.Write("1_a.sql", "-- migrate:up\nSELECT 1;\n");
        var big = Path.Combine(dir.Path, "2_data.sql");
        await using (var stream = File.Create(big))
        {
            stream.SetLength(50L * 1024 * 1024);
        }

        var error = await Should.ThrowAsync<MigrationFileException>(() => new DirectoryMigrationSource(dir.Path).LoadAsync(CancellationToken.None));

        error.Message.ShouldBe($"{big}: the file is 50 MiB, over the 16 MiB a migration may have; split it into several migrations, or load bulk data with psql or a schema load.");
    }
}
