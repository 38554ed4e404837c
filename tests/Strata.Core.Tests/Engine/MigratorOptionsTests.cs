using Strata.Core.Configuration;
using Strata.Core.Errors;

namespace Strata.Core.Tests.Engine;

public sealed class MigratorOptionsTests
{
    [Fact]
    public void The_defaults_are_valid_and_documented_values()
    {
        var options = new MigratorOptions();

        options.Validate();
        options.HistoryTable.ToString().ShouldBe("public.strata_schema_migrations");
        options.LockTimeout.ShouldBe(TimeSpan.FromMilliseconds(300));
        options.StatementTimeout.ShouldBe(TimeSpan.Zero);
        options.LockRetryAttempts.ShouldBe(20);
        options.AdvisoryLockWait.ShouldBe(TimeSpan.FromMinutes(10));
    }

    [Fact]
    public void Invalid_settings_are_refused_when_the_migrator_is_built()
    {
        var source = new TestMigrationSource();
        using var dataSource = Npgsql.NpgsqlDataSource.Create("Host=localhost");

        Should.Throw<ConfigurationException>(() => new Migrator(dataSource, source, new MigratorOptions { LockRetryAttempts = 0 }));
        Should.Throw<ConfigurationException>(() => new Migrator(dataSource, source, new MigratorOptions { LockTimeout = TimeSpan.FromSeconds(-1) }));
        Should.Throw<ConfigurationException>(() => new Migrator(dataSource, source, new MigratorOptions { HistoryTable = new HistoryTableName("public", "") }));
        Should.Throw<ConfigurationException>(() => new Migrator(dataSource, source, new MigratorOptions { HistoryTable = new HistoryTableName(new string('s', 64), "t") }))
            .Message.ShouldContain("longer than 63 bytes");
        Should.Throw<ConfigurationException>(() => new Migrator(dataSource, source, new MigratorOptions { LockRetryMaxDelay = TimeSpan.FromMilliseconds(1) }));
    }

    [Fact]
    public void A_multiplexing_data_source_is_refused()
    {
        using var dataSource = Npgsql.NpgsqlDataSource.Create("Host=localhost;Multiplexing=true");

        Should.Throw<ConfigurationException>(() => new Migrator(dataSource, new TestMigrationSource())).Message.ShouldContain("multiplexing");
    }
}
