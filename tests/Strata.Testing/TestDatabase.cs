using Npgsql;

namespace Strata.Testing;

/// <summary>A fresh, empty database created for one test and dropped when the test disposes it.</summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private readonly TestServer _server;

    internal TestDatabase(TestServer server, string name)
    {
        _server = server;
        Name = name;
        ConnectionString = server.ConnectionStringFor(name);
        DataSource = NpgsqlDataSource.Create(ConnectionString);
    }

    /// <summary>The database's name, unique within the test run.</summary>
    public string Name { get; }

    /// <summary>A keyword connection string for the database (no password: the test server trusts loopback).</summary>
    public string ConnectionString { get; }

    /// <summary>A postgres:// URL for the database, as a user would pass it to --database-url.</summary>
    public string Url => _server.UrlFor(Name);

    /// <summary>A pooled data source for the database.</summary>
    public NpgsqlDataSource DataSource { get; }

    /// <summary>The server the database lives on.</summary>
    public TestServer Server => _server;

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await DataSource.DisposeAsync();
        await _server.DropDatabaseAsync(Name);
    }
}
