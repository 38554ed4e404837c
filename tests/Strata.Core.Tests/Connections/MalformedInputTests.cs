using Strata.Core.Errors;
using Strata.Core.Secrets;

namespace Strata.Core.Tests.Connections;

/// <summary>
/// Every malformed database string is a configuration error that says what is wrong and never repeats the
/// password, not even masked: the message must not quote the credentials at all.
/// </summary>
public sealed class MalformedInputTests
{
    private const string Pw = Resolve.KnownPassword;

    public static TheoryData<string, string> Cases => new()
    {
        { $"mysql://app:{Pw}@h/db", "unsupported URL scheme 'mysql'" },
        { $"http ://app:{Pw}@h/db", "unsupported URL scheme (use postgres://" },
        { $"postgres://app:{Pw}@h:54x2/db", "port '54x2' is not a port number" },
        { $"postgres://app:{Pw}@h:70000/db", "port '70000' is not a port number" },
        { $"postgres://app:{Pw}%G1@h/db", "the password holds a '%' that is not followed by two hex digits" },
        { $"postgres://app:{Pw}%@h/db", "the password holds a '%'" },
        { $"postgres://app%zz:{Pw}@h/db", "the user name holds a '%'" },
        { $"postgres://app:{Pw}@h/db%2", "the database name holds a '%'" },
        { $"postgres://app:{Pw}@h/db%00", "%00" },
        { $"postgres://app:{Pw}@h/db%C3", "not valid UTF-8" },
        { $"postgres://app:{Pw}@[::1/db", "has no closing ']'" },
        { $"postgres://app:{Pw}@[::1]x/db", "bracketed IPv6 host must be followed by ':port'" },
        { $"postgres://app:{Pw}@::1/db", "IPv6 host must be written in brackets" },
        { $"postgres://app:{Pw}@h/db?sslmode=bogus", "sslmode 'bogus' is not one of disable, allow, prefer, require, verify-ca, verify-full" },
        { $"postgres://app:{Pw}@h/db?colour=blue", "unknown query parameter 'colour'" },
        { $"postgres://app:{Pw}@h/db?connect_timeout=soon", "connect_timeout 'soon' is not a whole number" },
        { $"postgres://app:{Pw}@h/db?target_session_attrs=whatever", "target_session_attrs 'whatever' is not one of" },
        { $"postgres://app:{Pw}@h/db?port=0", "port '0' is not a port number" },
        { $"postgres://app:{Pw}@h/db?sslmode", "query parameter 'sslmode' has no '=value'" },
        { $"postgres://app:{Pw}@h/db?password={Pw}&bogus", "query parameter 'bogus' has no '=value'" },
        { $"postgres://app:{Pw}@h1,h2,h3/db?port=1,2", "gives 3 host(s) but 2 ports" },
        { $"postgres://app:{Pw}@h/db?host=h1,127.0.0.1:6000", "a host takes no port here: give it in the port parameter" },
        { $"postgres://app:{Pw}/x@h/db", "contains a reserved character" },
        { $"postgres://app:{Pw}?x@h/db", "contains a reserved character" },
        { $"postgres://app:{Pw}#x@h/db", "contains '#'" },
        { $"Host=h;Password={Pw};Port=abc", "invalid keyword connection string: Couldn't set port" },
        { $"Host=h;Password={Pw};Passwrd=x", "Couldn't set passwrd" },
        { $"Host=h;Password={Pw};SSL Mode=sometimes", "Couldn't set ssl mode" },
        { $"Host=h;Password={Pw};Target Session Attributes=any-old", "Couldn't set target session attributes" },
        { $"Host=h;Password={Pw};junk", "invalid keyword connection string: it is not a list of keyword=value pairs separated by semicolons" },
        { $"host=h port=5432 user=app password={Pw} dbname=db", "invalid keyword connection string: it is libpq's space-separated form; write a postgres:// URL, or separate the pairs with semicolons" },
        { $"app:{Pw}@h/db", "neither a postgres:// URL nor a keyword connection string" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Rejects_a_malformed_database_string_without_repeating_the_password(string input, string problem)
    {
        var error = await Should.ThrowAsync<ConfigurationException>(() => Resolve.UrlAsync(input));

        error.Message.ShouldStartWith("--database-url: ");
        error.Message.ShouldContain(problem);
        ShouldNotRevealThePassword(error);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Rejects_the_same_strings_from_a_variable_naming_the_variable(string input, string problem)
    {
        var error = await Should.ThrowAsync<ConfigurationException>(() => Resolve.EnvironmentAsync(("DATABASE_URL", input)));

        error.Message.ShouldStartWith("DATABASE_URL: ");
        error.Message.ShouldContain(problem);
        ShouldNotRevealThePassword(error);
    }

    internal static void ShouldNotRevealThePassword(Exception error)
    {
        error.Message.ShouldNotContain(Pw);
        error.Message.ShouldNotContain(SecretRedactor.Mask);
        error.Message.ShouldNotContain("\n");
        error.ToString().ShouldNotContain(Pw);
    }
}
