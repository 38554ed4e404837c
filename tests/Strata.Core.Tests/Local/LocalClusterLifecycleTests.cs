using System.Diagnostics;
using Npgsql;

namespace Strata.Core.Tests.Local;

public sealed class LocalClusterLifecycleTests
{
    [Fact]
    public async Task Creates_and_starts_a_cluster_that_accepts_connections_on_loopback_and_its_socket_replacing_a_half_made_one()
    {
        await using var scope = new ClusterScope();
        var cluster = scope.NewCluster();
        var interrupted = Path.Combine(scope.ClusterDirectory, "data.initdb");
        Directory.CreateDirectory(interrupted);
        await File.WriteAllTextAsync(Path.Combine(interrupted, "PG_VERSION"), "half-made");

        var endpoint = await cluster.EnsureStartedAsync(CancellationToken.None);

        Directory.Exists(interrupted).ShouldBeFalse();
        endpoint.Host.ShouldBe("127.0.0.1");
        endpoint.Username.ShouldBe("postgres");
        endpoint.SocketDirectory.ShouldBe(Path.Combine(scope.ClusterDirectory, "run"));
        (await ClusterScope.ScalarAsync<int>(endpoint, "SELECT 1")).ShouldBe(1);
        (await ClusterScope.ScalarAsync<string>(endpoint, "SHOW listen_addresses")).ShouldBe("127.0.0.1");
        (await ClusterScope.ScalarAsync<string>(endpoint, "SHOW fsync")).ShouldBe("on");
        (await ClusterScope.ScalarAsync<string>(endpoint, "SHOW server_encoding")).ShouldBe("UTF8");
        (await ClusterScope.ScalarAsync<string>(endpoint, "SELECT current_user", viaSocket: true)).ShouldBe("postgres");

        var status = await cluster.GetStatusAsync(CancellationToken.None);
        status.Exists.ShouldBeTrue();
        status.Running.ShouldBeTrue();
        status.Directory.ShouldBe(scope.ClusterDirectory);
        status.Port.ShouldBe(endpoint.Port);
        status.Pid.ShouldNotBeNull();
        Process.GetProcessById(status.Pid.Value).ProcessName.ShouldBe("postgres");
        var serverMajor = await ClusterScope.ScalarAsync<string>(endpoint, "SELECT current_setting('server_version_num')");
        status.ServerVersion.ShouldBe((int.Parse(serverMajor, System.Globalization.CultureInfo.InvariantCulture) / 10000).ToString(System.Globalization.CultureInfo.InvariantCulture));

        await using var viaUrl = new NpgsqlConnection(ToKeywords(status.Url("postgres")!));
        await viaUrl.OpenAsync();
        viaUrl.Database.ShouldBe("postgres");
    }

    [Fact]
    public async Task A_stopped_cluster_starts_again_with_its_data_and_its_port()
    {
        await using var scope = new ClusterScope();
        var cluster = scope.NewCluster();
        var first = await cluster.EnsureStartedAsync(CancellationToken.None);
        await ClusterScope.ScalarAsync<int>(first, "CREATE TABLE kept (id int); INSERT INTO kept VALUES (42); SELECT 1");

        (await cluster.StopAsync(CancellationToken.None)).ShouldBeTrue();
        var stopped = await cluster.GetStatusAsync(CancellationToken.None);
        stopped.Running.ShouldBeFalse();
        stopped.Pid.ShouldBeNull();
        stopped.Port.ShouldBe(first.Port);
        (await cluster.StopAsync(CancellationToken.None)).ShouldBeFalse();

        var second = await scope.NewCluster().EnsureStartedAsync(CancellationToken.None);

        second.Port.ShouldBe(first.Port);
        (await ClusterScope.ScalarAsync<int>(second, "SELECT id FROM kept")).ShouldBe(42);
    }

    [Fact]
    public async Task Destroy_stops_the_server_and_deletes_the_cluster()
    {
        await using var scope = new ClusterScope();
        var cluster = scope.NewCluster();
        var endpoint = await cluster.EnsureStartedAsync(CancellationToken.None);

        (await cluster.DestroyAsync(CancellationToken.None)).ShouldBeTrue();

        Directory.Exists(scope.ClusterDirectory).ShouldBeFalse();
        await Should.ThrowAsync<NpgsqlException>(() => ClusterScope.ScalarAsync<int>(endpoint, "SELECT 1"));
        var status = await cluster.GetStatusAsync(CancellationToken.None);
        status.ShouldBe(status with { Exists = false, Running = false, Port = null, Pid = null, ServerVersion = null });
        status.Url("postgres").ShouldBeNull();
        (await cluster.DestroyAsync(CancellationToken.None)).ShouldBeFalse();
    }

    [Fact]
    public async Task A_cluster_too_deep_for_a_socket_path_puts_its_socket_under_tmp_and_destroy_removes_it()
    {
        await using var scope = new ClusterScope(Path.Combine(new string('d', 60), new string('e', 40), "postgres"));
        var cluster = scope.NewCluster();

        var endpoint = await cluster.EnsureStartedAsync(CancellationToken.None);

        endpoint.SocketDirectory.ShouldStartWith("/tmp/strata-");
        (await ClusterScope.ScalarAsync<int>(endpoint, "SELECT 7", viaSocket: true)).ShouldBe(7);
        (await cluster.DestroyAsync(CancellationToken.None)).ShouldBeTrue();
        Directory.Exists(endpoint.SocketDirectory).ShouldBeFalse();
        Directory.Exists(scope.ClusterDirectory).ShouldBeFalse();
    }

    // pg_ctl starts the server through the shell with its paths in double quotes.
    [Fact]
    public async Task A_cluster_whose_path_has_a_quote_a_dollar_and_a_backquote_is_created_started_and_stopped()
    {
        await using var scope = new ClusterScope(Path.Combine("a\"b$HOME`c", "postgres"));
        var cluster = scope.NewCluster();

        var endpoint = await cluster.EnsureStartedAsync(CancellationToken.None);

        (await ClusterScope.ScalarAsync<string>(endpoint, "SHOW data_directory")).ShouldBe(Path.Combine(scope.ClusterDirectory, "data"));
        (await cluster.StopAsync(CancellationToken.None)).ShouldBeTrue();
        File.Exists(Path.Combine(scope.ClusterDirectory, "postgres.log")).ShouldBeTrue();
    }

    [Fact]
    public async Task A_cluster_that_was_never_created_reports_that_it_does_not_exist()
    {
        await using var scope = new ClusterScope();

        var status = await scope.NewCluster().GetStatusAsync(CancellationToken.None);

        status.Exists.ShouldBeFalse();
        status.Running.ShouldBeFalse();
        status.Port.ShouldBeNull();
        status.Url("app").ShouldBeNull();
        (await scope.NewCluster().StopAsync(CancellationToken.None)).ShouldBeFalse();
        Directory.Exists(scope.ClusterDirectory).ShouldBeFalse();
    }

    private static string ToKeywords(string url)
    {
        var uri = new Uri(url);
        return new NpgsqlConnectionStringBuilder
        {
            Host = uri.Host,
            Port = uri.Port,
            Username = Uri.UnescapeDataString(uri.UserInfo),
            Database = uri.AbsolutePath.Trim('/'),
            Pooling = false,
        }.ConnectionString;
    }
}
