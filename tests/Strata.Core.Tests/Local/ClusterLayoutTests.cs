using Strata.Core.Local;

namespace Strata.Core.Tests.Local;

public sealed class ClusterLayoutTests
{
    [Fact]
    public void Keeps_everything_in_the_cluster_directory_except_the_lock_beside_it()
    {
        var layout = new ClusterLayout("/srv/app/.strata/postgres/");

        layout.Root.ShouldBe("/srv/app/.strata/postgres");
        layout.Data.ShouldBe("/srv/app/.strata/postgres/data");
        layout.SocketDirectory.ShouldBe("/srv/app/.strata/postgres/run");
        layout.LogFile.ShouldBe("/srv/app/.strata/postgres/postgres.log");
        layout.LockFile.ShouldBe("/srv/app/.strata/postgres.lock");
        layout.UsesFallbackSocketDirectory.ShouldBeFalse();
    }

    [Fact]
    public void Uses_a_socket_directory_under_tmp_named_from_the_path_when_the_socket_path_would_be_too_long()
    {
        // "/run/.s.PGSQL.65535" adds 19 bytes to the cluster path; 107 bytes is the limit.
        var longest = "/" + new string('a', ClusterLayout.MaxSocketPathBytes - 19 - 1);
        var tooLong = longest + "b";

        new ClusterLayout(longest).SocketDirectory.ShouldBe(longest + "/run");
        var fallback = new ClusterLayout(tooLong);
        fallback.UsesFallbackSocketDirectory.ShouldBeTrue();
        fallback.SocketDirectory.ShouldMatch("^/tmp/strata-[0-9a-f]{16}$");
        new ClusterLayout(tooLong).SocketDirectory.ShouldBe(fallback.SocketDirectory);
        new ClusterLayout(tooLong + "c").SocketDirectory.ShouldNotBe(fallback.SocketDirectory);
    }

    [Fact]
    public void Counts_the_socket_path_limit_in_bytes_not_characters()
    {
        var path = "/" + new string('é', 44);

        new ClusterLayout(path).UsesFallbackSocketDirectory.ShouldBeTrue();
    }

    [Fact]
    public void The_default_directory_is_strata_postgres_under_the_working_directory()
    {
        LocalCluster.DefaultDirectory("/home/me/app").ShouldBe("/home/me/app/.strata/postgres");
    }
}
