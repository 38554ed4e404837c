using System.Net.Sockets;
using Npgsql;
using Strata.Core.Data;

namespace Strata.Core.Tests.Data;

public sealed class ServerErrorTextTests
{
    [Fact]
    public void A_server_error_is_one_line_with_its_detail_and_hint()
    {
        var error = new PostgresException("relation \"t\"\nalready exists", "ERROR", "ERROR", "42P07", detail: "Key (id)=(1)", hint: "drop it first");

        ServerErrorText.Describe(error).ShouldBe("42P07 relation \"t\" already exists (detail: Key (id)=(1); hint: drop it first)");
    }

    [Fact]
    public void Strata_hint_is_used_only_when_the_server_gave_none()
    {
        var bare = new PostgresException("database is in use", "ERROR", "ERROR", "55006");
        var hinted = new PostgresException("database is in use", "ERROR", "ERROR", "55006", hint: "the server's own");

        ServerErrorText.Describe(bare, "ours").ShouldBe("55006 database is in use (hint: ours)");
        ServerErrorText.Describe(hinted, "ours").ShouldBe("55006 database is in use (hint: the server's own)");
    }

    [Fact]
    public void The_notice_that_npgsql_withheld_the_detail_is_not_shown()
    {
        var error = new PostgresException("boom", "ERROR", "ERROR", "XX000", detail: "Detail redacted as it may contain sensitive data.");

        ServerErrorText.Describe(error).ShouldBe("XX000 boom");
    }

    [Theory]
    [InlineData("end of stream", "Exception while reading from stream: the server closed the connection")]
    [InlineData("resource key", "Exception while reading from stream: IOException")]
    [InlineData("key and arguments", "Exception while reading from stream: IOException")]
    [InlineData("key over a socket error", "Exception while reading from stream: Connection reset by peer")]
    [InlineData("sentence", "Exception while reading from stream: Connection reset by peer")]
    public void The_cause_of_a_lost_connection_is_said_in_words_even_where_the_runtime_left_its_messages_out(string kind, string expected)
    {
        Exception cause = kind switch
        {
            "end of stream" => new EndOfStreamException(),
            // What the Native AOT binary holds instead of the runtime's own message.
            "resource key" => new IOException("IO_EOF_ReadBeyondEOF"),
            "key and arguments" => new IOException("net_io_readfailure, Broken pipe"),
            "key over a socket error" => new IOException("net_io_readfailure, Connection reset by peer", new SocketException((int)SocketError.ConnectionReset)),
            _ => new IOException("Connection reset by peer"),
        };

        ServerErrorText.Describe(new NpgsqlException("Exception while reading from stream", cause)).ShouldBe(expected);
    }

    [Fact]
    public void Passwords_in_server_text_are_masked()
    {
        var error = new PostgresException("could not connect to postgres://app:hunter2-secret@db/app", "ERROR", "ERROR", "08006");

        ServerErrorText.Describe(error).ShouldNotContain("hunter2-secret");
        ServerErrorText.SafeInner(error).ShouldBeNull();
    }

    [Theory]
    [InlineData(PostgresErrorCodes.InvalidPassword)]
    [InlineData(PostgresErrorCodes.InvalidCatalogName)]
    [InlineData(PostgresErrorCodes.CannotConnectNow)]
    [InlineData(PostgresErrorCodes.LockNotAvailable)]
    public void Known_sqlstates_have_advice_that_names_no_flag(string sqlState)
    {
        var hint = ServerErrorText.Hint(sqlState);

        hint.ShouldNotBeNullOrWhiteSpace();
        hint.ShouldNotContain("--");
    }
}
