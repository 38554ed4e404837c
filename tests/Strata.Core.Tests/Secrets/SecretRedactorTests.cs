using Strata.Core.Secrets;

namespace Strata.Core.Tests.Secrets;

public sealed class SecretRedactorTests
{
    [Fact]
    public void Masks_a_registered_secret_in_its_plain_percent_encoded_and_json_spellings()
    {
        const string secret = "Redactor-pw/\"1\"";
        SecretRedactor.Register(secret);

        SecretRedactor.Redact($"plain {secret} end").ShouldBe("plain ******** end");
        SecretRedactor.Redact($"url {Uri.EscapeDataString(secret)} end").ShouldBe("url ******** end");
        SecretRedactor.Redact("json Redactor-pw/\\\"1\\\" end").ShouldBe("json ******** end");
        SecretRedactor.Redact("json Redactor-pw/\\u00221\\u0022 end").ShouldBe("json ******** end");
    }

    // The one masking of SQL password literals: an error's statement, logged SQL and the sessions list all go through it.
    [Theory]
    [InlineData("CREATE ROLE r PASSWORD 'Sql-secret-1';", "CREATE ROLE r PASSWORD '********';")]
    [InlineData("alter role r with encrypted password E'Sql-secret-2' valid until 'infinity'", "alter role r with encrypted password '********' valid until 'infinity'")]
    [InlineData("ALTER ROLE r WITH ENCRYPTED PASSWORD $$Sql-secret-3$$ BOGUS;", "ALTER ROLE r WITH ENCRYPTED PASSWORD '********' BOGUS;")]
    [InlineData("ALTER ROLE r PASSWORD $pw$Sql-'secret'-4$pw$;", "ALTER ROLE r PASSWORD '********';")]
    [InlineData("ALTER ROLE r PASSWORD U&'Sql-secret-5\\0041';", "ALTER ROLE r PASSWORD '********';")]
    [InlineData("ALTER ROLE r PASSWORD E'Sql-\\'secret-6';", "ALTER ROLE r PASSWORD '********';")]
    [InlineData("ALTER ROLE r PASSWORD\n  -- the new one\n  /* rotated */ 'Sql-secret-7';", "ALTER ROLE r PASSWORD\n  -- the new one\n  /* rotated */ '********';")]
    [InlineData("ALTER ROLE r PASSWORD 'Sql-secret-8 cut off by a len", "ALTER ROLE r PASSWORD '********'")]
    [InlineData("ALTER ROLE r PASSWORD NULL; SELECT 'kept'", "ALTER ROLE r PASSWORD NULL; SELECT 'kept'")]
    [InlineData("CREATE ROLE r PASSWORD \"Sql-secret-9\";", "CREATE ROLE r PASSWORD '********';")]
    [InlineData("{\"password\": \"Json-secret-10\", \"user\": \"app\"}", "{\"password\": \"********\", \"user\": \"app\"}")]
    public void Masks_a_sql_password_literal(string sql, string expected)
    {
        SecretRedactor.Redact(sql).ShouldBe(expected);
    }

    [Fact]
    public void Does_not_register_very_short_values()
    {
        SecretRedactor.Register("ab");

        SecretRedactor.Redact("a table named ab").ShouldBe("a table named ab");
    }

    // A variable holding a URL or a connection string has one secret, its password: the rest (which database it
    // names) stays readable, and another URL that starts with the same text is not cut short.
    [Theory]
    [InlineData("postgres://app:value-pw-1@127.0.0.1:5/valuedb", "value-pw-1")]
    [InlineData("postgres://app:value%2Fpw%402@127.0.0.1:5/valuedb", "value/pw@2")]
    [InlineData("Host=127.0.0.1;Password='value-pw-3';Database=valuedb", "value-pw-3")]
    public void A_url_or_connection_string_value_registers_its_password_and_nothing_else(string value, string password)
    {
        SecretRedactor.RegisterValue(value);

        SecretRedactor.Redact($"pw {password} end").ShouldBe("pw ******** end");
        SecretRedactor.Redact("postgres://app@127.0.0.1:5/valuedb2").ShouldBe("postgres://app@127.0.0.1:5/valuedb2");
        SecretRedactor.Redact("Host=127.0.0.1;Database=valuedb").ShouldBe("Host=127.0.0.1;Database=valuedb");
    }

    [Fact]
    public void A_database_url_without_a_password_registers_nothing_and_any_other_value_registers_whole()
    {
        SecretRedactor.RegisterValue("postgres://nopw@127.0.0.1:6/nopwdb");
        SecretRedactor.RegisterValue("value-token-9");
        SecretRedactor.RegisterValue("https://hooks.example/services/value-hook-10");

        SecretRedactor.Redact("postgres://nopw@127.0.0.1:6/nopwdb_2").ShouldBe("postgres://nopw@127.0.0.1:6/nopwdb_2");
        SecretRedactor.Redact("t value-token-9").ShouldBe("t ********");
        SecretRedactor.Redact("h https://hooks.example/services/value-hook-10").ShouldBe("h ********");
    }

    [Theory]
    [InlineData("postgres://app:unregistered-1@db:5432/x", "postgres://app:********@db:5432/x")]
    [InlineData("postgresql://:unregistered-2@db/x", "postgresql://:********@db/x")]
    [InlineData("see postgres://app:p@ss-unreg@db/x now", "see postgres://app:********@db/x now")]
    [InlineData("Host=db;Password=unregistered-3;Database=x", "Host=db;Password=********;Database=x")]
    [InlineData("Host=db;Password='quoted; value';Database=x", "Host=db;Password=********;Database=x")]
    [InlineData("Host=db;PWD = unregistered-4", "Host=db;PWD = ********")]
    [InlineData("PGPASSWORD=unregistered-5 psql", "PGPASSWORD=******** psql")]
    [InlineData("SSL Password=unregistered-6;", "SSL Password=********;")]
    [InlineData("{\"username\":\"app\",\"password\":\"unreg \\\"7\\\" x\",\"host\":\"h\"}", "{\"username\":\"app\",\"password\":\"********\",\"host\":\"h\"}")]
    [InlineData("password: unregistered-8", "password: ********")]
    public void Masks_password_shapes_it_was_never_told_about(string text, string expected)
    {
        SecretRedactor.Redact(text).ShouldBe(expected);
    }

    [Theory]
    [InlineData("password authentication failed for user \"app\"")]
    [InlineData("use --password-file or passwordCommand")]
    [InlineData("postgres://app@db:5432/x")]
    [InlineData("password_encryption = scram-sha-256")]
    public void Leaves_text_without_secrets_alone(string text)
    {
        SecretRedactor.Redact(text).ShouldBe(text);
    }

    [Fact]
    public void Redacting_twice_changes_nothing_more()
    {
        var once = SecretRedactor.Redact("Password=unregistered-9; postgres://u:unregistered-10@h/x");

        SecretRedactor.Redact(once).ShouldBe(once);
    }
}
