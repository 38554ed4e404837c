using System.Text;
using Strata.Core.Errors;
using Strata.Core.Migrations;
using Strata.Core.Tests.Engine;
using Strata.Testing;
using TempDirectory = Strata.Core.Tests.Migrations.TempDirectory;

namespace Strata.Core.Tests.BadInput;

public sealed class NulByteTests
{
    [Fact]
    public void A_nul_byte_is_a_file_error_naming_line_and_column()
    {
        var content = Encoding.UTF8.GetBytes("-- migrate:up\r\nCREATE TABLE t (id int);\r\nSELECT 'a\0b';\n");

        var error = Should.Throw<MigrationFileException>(() => MigrationParser.Parse("db/migrations/1_t.sql", content));

        error.Message.ShouldStartWith("db/migrations/1_t.sql:3:10: the file contains a NUL character (byte 0x00)");
        error.Line.ShouldBe(3);
    }

    [Fact]
    public async Task Validate_and_up_refuse_a_migration_with_a_nul_byte_before_touching_the_database()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        using var dir = new TempDirectory();
        var file = Path.Combine(dir.Path, "1_t.sql");
        await File.WriteAllBytesAsync(file, [.. "-- migrate:up\nSELECT 1;\0\n"u8]);
        var migrator = new Migrator(db.DataSource, new DirectoryMigrationSource(dir.Path), EngineTestKit.FastOptions);

        (await Should.ThrowAsync<MigrationFileException>(() => migrator.ValidateAsync())).Message.ShouldStartWith($"{file}:2:10: the file contains a NUL character");
        await Should.ThrowAsync<MigrationFileException>(() => migrator.UpAsync());
        (await db.TableExistsAsync("public.strata_schema_migrations")).ShouldBeFalse();
    }
}
