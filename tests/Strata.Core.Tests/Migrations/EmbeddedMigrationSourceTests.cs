using Strata.Core.Errors;
using Strata.Core.Migrations;

namespace Strata.Core.Tests.Migrations;

public sealed class EmbeddedMigrationSourceTests
{
    private static readonly System.Reflection.Assembly TestAssembly = typeof(EmbeddedMigrationSourceTests).Assembly;

    [Fact]
    public async Task Loads_the_migrations_embedded_under_the_folder()
    {
        var source = new EmbeddedMigrationSource(TestAssembly, "db/migrations");

        var migrations = await source.LoadAsync(CancellationToken.None);

        migrations.Select(m => m.Source).ShouldBe(
        [
            "db/migrations/3_small_version.sql",
            "db/migrations/20240101000000_create_widgets.sql",
            "db/migrations/20240102000000_seed_widgets.sql",
        ]);
        migrations[1].Up.Statements.Single().Line.ShouldBe(3);
        migrations[1].Down!.Statements.Single().Text.ShouldBe("DROP TABLE widgets;");
        migrations[2].Up.Options.ShouldBe(new MigrationOptions(Transaction: false, LockTimeout: TimeSpan.FromSeconds(2)));
        source.Description.ShouldBe("resources db/migrations/ embedded in Strata.Core.Tests");
    }

    [Theory]
    [InlineData("/db/migrations/")]
    [InlineData("db\\migrations")]
    public async Task Accepts_the_folder_with_slashes_around_or_backslashes(string folder)
    {
        var migrations = await new EmbeddedMigrationSource(TestAssembly, folder).LoadAsync(CancellationToken.None);

        migrations.Count.ShouldBe(3);
    }

    [Fact]
    public async Task Matches_the_same_checksums_as_the_files_on_disk()
    {
        var embedded = await new EmbeddedMigrationSource(TestAssembly).LoadAsync(CancellationToken.None);
        var onDisk = Path.Combine(AppContext.BaseDirectory, "Migrations", "Embedded");

        var files = await new DirectoryMigrationSource(onDisk).LoadAsync(CancellationToken.None);

        embedded.Select(m => m.Checksum).ShouldBe(files.Select(m => m.Checksum));
    }

    [Fact]
    public async Task Refuses_a_folder_with_no_embedded_migrations()
    {
        var error = await Should.ThrowAsync<ConfigurationException>(() => new EmbeddedMigrationSource(TestAssembly, "db/other").LoadAsync(CancellationToken.None));

        error.Message.ShouldStartWith("assembly Strata.Core.Tests embeds no migrations under db/other/; add <EmbeddedResource Include=\"db/other/*.sql\" LogicalName=\"db/other/%(Filename)%(Extension)\" /> to its project file.");
    }

    [Fact]
    public async Task Refuses_an_assembly_without_resources()
    {
        var error = await Should.ThrowAsync<ConfigurationException>(() => new EmbeddedMigrationSource(typeof(MigrationParser).Assembly).LoadAsync(CancellationToken.None));

        error.Message.ShouldContain("assembly Strata.Core embeds no migrations under db/migrations/");
    }
}
