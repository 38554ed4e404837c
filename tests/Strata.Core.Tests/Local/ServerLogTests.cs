using Strata.Core.Local;

namespace Strata.Core.Tests.Local;

public sealed class ServerLogTests
{
    [Fact]
    public void Summarizes_the_last_fatal_line_with_its_hint_without_the_log_prefix()
    {
        const string log = """
            2025-01-01 10:00:00.000 UTC [41] LOG:  starting PostgreSQL 16.2
            2025-01-01 10:00:00.001 UTC [41] FATAL:  lock file "postmaster.pid" already exists
            2025-01-01 10:00:00.001 UTC [41] HINT:  Is another postmaster (PID 40) running in data directory "/x/data"?
            """;

        ServerLog.Summarize(log, "pg_ctl: could not start server")
            .ShouldBe("FATAL: lock file \"postmaster.pid\" already exists HINT: Is another postmaster (PID 40) running in data directory \"/x/data\"?");
    }

    [Fact]
    public void Falls_back_to_the_last_line_of_the_program_output()
    {
        ServerLog.Summarize("2025-01-01 LOG:  all good\n", "waiting for server to start....\npg_ctl: server did not start in time\n")
            .ShouldBe("pg_ctl: server did not start in time");
    }

    [Fact]
    public void Reports_initdb_errors_and_never_a_password()
    {
        const string output = "initdb: error: could not connect to postgres://app:hunter22@db/x\ninitdb: removing data directory \"/x\"\n";

        ServerLog.Summarize(output, output).ShouldBe("initdb: error: could not connect to postgres://app:********@db/x");
    }
}
