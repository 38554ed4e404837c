using Strata.Core.Errors;
using Strata.Core.Lifecycle;
using Strata.Core.Tests.Lifecycle;
using Strata.Testing;
using TempDirectory = Strata.Core.Tests.Migrations.TempDirectory;

namespace Strata.Core.Tests.BadInput;

public sealed class SeedFileReadTests
{
    [Fact]
    public async Task A_seed_file_that_is_not_utf8_is_reported_in_words_of_ours()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        using var seeds = new TempDirectory();
        var file = Path.Combine(seeds.Path, "01_bad.sql");
        await File.WriteAllBytesAsync(file, [(byte)'S', 0xC3, 0x28, (byte)';']);
        var lifecycle = await LifecycleKit.ForAsync(db);

        var error = await Should.ThrowAsync<ConfigurationException>(() => lifecycle.SeedAsync(new SeedOptions { SeedsDirectory = seeds.Path }));

        error.Message.ShouldBe($"could not read {file}: it is not valid UTF-8; save it as UTF-8.");
    }

    [UnreadableFileFact]
    public async Task An_unreadable_seed_file_is_reported_in_words_of_ours()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        using var seeds = new TempDirectory();
        var file = Path.Combine(seeds.Path, "01_locked.sql");
        UnreadablePaths.MakeFile(file);
        var lifecycle = await LifecycleKit.ForAsync(db);

        var error = await Should.ThrowAsync<ConfigurationException>(() => lifecycle.SeedAsync(new SeedOptions { SeedsDirectory = seeds.Path }));

        error.Message.ShouldBe($"could not read {file}: permission denied.");
    }

    [Fact]
    public async Task A_seeds_directory_that_is_a_file_is_said_to_be_one_not_missing()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        using var seeds = new TempDirectory();
        var file = Path.Combine(seeds.Path, "seeds.sql");
        await File.WriteAllTextAsync(file, "SELECT 1;");
        var lifecycle = await LifecycleKit.ForAsync(db);

        var error = await Should.ThrowAsync<ConfigurationException>(() => lifecycle.SeedAsync(new SeedOptions { SeedsDirectory = file }));

        error.Message.ShouldBe($"seeds directory {file} is a file, not a directory; name another seeds directory");
    }

    [UnreadableDirectoryFact]
    public async Task An_unreadable_seeds_directory_is_reported_in_words_of_ours()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        using var root = new TempDirectory();
        var seeds = Path.Combine(root.Path, "seeds");
        UnreadablePaths.MakeDirectory(seeds);
        var lifecycle = await LifecycleKit.ForAsync(db);

        var error = await Should.ThrowAsync<ConfigurationException>(() => lifecycle.SeedAsync(new SeedOptions { SeedsDirectory = seeds }));

        error.Message.ShouldBe($"seeds directory {seeds} could not be read (permission denied); give the user running Strata read access to it.");
    }
}
