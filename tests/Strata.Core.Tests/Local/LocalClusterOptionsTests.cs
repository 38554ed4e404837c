using Strata.Core.Errors;
using Strata.Core.Local;

namespace Strata.Core.Tests.Local;

public sealed class LocalClusterOptionsTests
{
    [Theory]
    [InlineData("port")]
    [InlineData("listen_addresses")]
    [InlineData("Unix_Socket_Directories")]
    [InlineData("fsync")]
    public void Settings_the_cluster_manages_itself_are_refused(string name)
    {
        var error = Should.Throw<ConfigurationException>(() => Create(new() { [name] = "1" }));

        error.Message.ShouldContain("manages " + name);
    }

    [Theory]
    [InlineData("max connections", "300")]
    [InlineData("work_mem = '1GB'\nfsync", "off")]
    [InlineData("work_mem", "1GB\nfsync = off")]
    public void Settings_that_cannot_be_written_faithfully_are_refused(string name, string value)
    {
        Should.Throw<ConfigurationException>(() => Create(new() { [name] = value }));
    }

    [Fact]
    public void A_filesystem_root_or_an_empty_directory_is_refused()
    {
        Should.Throw<ConfigurationException>(() => new LocalCluster(new LocalClusterOptions { Directory = "/" }));
        Should.Throw<ConfigurationException>(() => new LocalCluster(new LocalClusterOptions { Directory = " " }));
    }

    [Fact]
    public void The_url_escapes_the_user_and_the_database()
    {
        var status = new LocalClusterStatus(true, true, "/x", 5433, 1, "16", "/x/run", "dev user");

        status.Url("my db").ShouldBe("postgres://dev%20user@127.0.0.1:5433/my%20db");
    }

    private static LocalCluster Create(Dictionary<string, string> settings) =>
        new(new LocalClusterOptions { Directory = "/tmp/strata-options-test", ServerSettings = settings });
}
