using Strata.Core.Lifecycle;

namespace Strata.Core.Tests.Lifecycle;

public sealed class DumpTextTests
{
    [Fact]
    public void Removes_the_lines_that_vary_between_runs_and_keeps_the_rest()
    {
        const string raw = "--\r\n-- PostgreSQL database dump\r\n--\r\n\r\n\\restrict Xy12\r\n\r\n-- Dumped from database version 16.4\r\n-- Dumped by pg_dump version 16.4\r\n\r\nSET lock_timeout = 0;\r\n\r\n\r\nCREATE TABLE public.t (id integer);\r\n\r\n--\r\n-- PostgreSQL database dump complete\r\n--\r\n\r\n\\unrestrict Xy12\r\n\r\n";

        var text = DumpText.Normalize(raw);

        text.ShouldBe("--\n-- PostgreSQL database dump\n--\n\n\nSET lock_timeout = 0;\n\n\nCREATE TABLE public.t (id integer);\n\n--\n-- PostgreSQL database dump complete\n--\n");
    }

    [Fact]
    public void Keeps_every_byte_of_the_statements_even_text_that_looks_like_a_varying_line()
    {
        const string body = "SET lock_timeout = 0;\n\nCREATE TABLE public.c (s text DEFAULT '\r\n\r\u2028'::text);\n\n\n\n\nCREATE FUNCTION public.h() RETURNS text\n    AS $f$ SELECT 'a\n-- Started on\n-- Dumped by pg_dump version 1\n\\restrict k\n\n\n\n\nb' $f$;\n\n";
        const string raw = "--\n-- PostgreSQL database dump\n--\n\n\\restrict Xy12\n\n-- Dumped from database version 16.4\n-- Dumped by pg_dump version 16.4\n\n" + body + "--\n-- PostgreSQL database dump complete\n--\n\n\\unrestrict Xy12\n\n";

        var text = DumpText.Normalize(raw);

        text.ShouldBe("--\n-- PostgreSQL database dump\n--\n\n\n" + body + "--\n-- PostgreSQL database dump complete\n--\n");
    }

    [Theory]
    [InlineData("pg_dump (PostgreSQL) 16.4 (Debian 16.4-1.pgdg120+1)", 16)]
    [InlineData("psql (PostgreSQL) 9.6.24", 9)]
    [InlineData("pg_dump (PostgreSQL) 17beta1", 17)]
    public void Reads_the_major_version_of_a_client_program(string output, int major) =>
        ClientPrograms.ParseMajor(output).ShouldBe(major);

    [Fact]
    public async Task A_client_program_missing_from_STRATA_PG_BIN_is_said_to_be_missing_there_alone()
    {
        var environment = new Dictionary<string, string> { ["STRATA_PG_BIN"] = "/nonexistent-pg-bin", ["PATH"] = "/usr/bin:/bin" };

        var error = await Should.ThrowAsync<Strata.Core.Errors.PrerequisiteMissingException>(
            () => ClientPrograms.FindAsync("pg_dump", 15, acceptOlder: false, environment, CancellationToken.None));

        error.Message.ShouldBe(
            "pg_dump was not found in /nonexistent-pg-bin, the directory STRATA_PG_BIN names (only there is looked when it is set); point STRATA_PG_BIN at the directory of the PostgreSQL 15 client programs, or unset it to search PATH and the usual install directories");
    }
}
