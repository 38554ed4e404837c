using Strata.Core.Migrations;

namespace Strata.Core.Tests.Migrations;

public sealed class MigrationOptionsTests
{
    public static TheoryData<string, bool, TimeSpan?, TimeSpan?> Cases => new()
    {
        { "", true, null, null },
        { "transaction:false", false, null, null },
        { "transaction:true", true, null, null },
        { "lock_timeout:500ms", true, TimeSpan.FromMilliseconds(500), null },
        { "lock_timeout:2s", true, TimeSpan.FromSeconds(2), null },
        { "statement_timeout:5m", true, null, TimeSpan.FromMinutes(5) },
        { "statement_timeout:5min", true, null, TimeSpan.FromMinutes(5) },
        { "statement_timeout:1h", true, null, TimeSpan.FromHours(1) },
        { "statement_timeout:0", true, null, TimeSpan.Zero },
        { "lock_timeout:0s", true, TimeSpan.Zero, null },
        { "lock_timeout:2147483647ms", true, TimeSpan.FromMilliseconds(int.MaxValue), null },
        { "transaction:false lock_timeout:2s statement_timeout:5m", false, TimeSpan.FromSeconds(2), TimeSpan.FromMinutes(5) },
        { "\tstatement_timeout:30s   transaction:false  ", false, null, TimeSpan.FromSeconds(30) },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Reads_every_option_of_the_up_line(string options, bool transaction, TimeSpan? lockTimeout, TimeSpan? statementTimeout)
    {
        var migration = MigrationParser.Parse("1_x.sql", $"-- migrate:up {options}\nSELECT 1;\n");

        migration.Up.Options.ShouldBe(new MigrationOptions(transaction, lockTimeout, statementTimeout));
    }

    [Fact]
    public void Reads_the_options_of_the_down_line_separately()
    {
        var migration = MigrationParser.Parse("1_x.sql", "-- migrate:up lock_timeout:1s\nSELECT 1;\n-- migrate:down transaction:false\nSELECT 2;\n");

        migration.Up.Options.ShouldBe(new MigrationOptions(LockTimeout: TimeSpan.FromSeconds(1)));
        migration.Down!.Options.ShouldBe(new MigrationOptions(Transaction: false));
    }
}
