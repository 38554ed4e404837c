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

    [Fact]
    public void Does_not_register_very_short_values()
    {
        SecretRedactor.Register("ab");

        SecretRedactor.Redact("a table named ab").ShouldBe("a table named ab");
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
