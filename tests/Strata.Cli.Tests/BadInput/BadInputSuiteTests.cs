using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using Strata.Cli.Tests.Support;
using Strata.Testing;

namespace Strata.Cli.Tests.BadInput;

public sealed partial class BadInputSuiteTests
{
    public static TheoryData<string> Names => [.. BadInputCases.All.Keys];

    [Fact]
    public void The_suite_holds_at_least_150_distinct_inputs()
    {
        BadInputCases.All.Count.ShouldBeGreaterThanOrEqualTo(150);
        BadInputCases.All.Values.Select(Fingerprint).Distinct(StringComparer.Ordinal).Count().ShouldBe(BadInputCases.All.Count);
    }

    [Theory]
    [MemberData(nameof(Names))]
    public async Task Each_bad_input_ends_with_its_documented_exit_code_and_one_line_of_ours(string name)
    {
        var input = BadInputCases.All[name];
        using var root = new TempDirectory();
        var dead = $"postgres://app@127.0.0.1:{ClosedPort()}/app";
        await using var db = input.Database ? await TestPostgres.CreateDatabaseAsync() : null;
        string Fill(string text) => text.Replace("{dead}", dead, StringComparison.Ordinal).Replace("{db}", db?.Url ?? "", StringComparison.Ordinal);

        foreach (var (path, content) in input.Files)
        {
            Write(root.Path, path, System.Text.Encoding.UTF8.GetBytes(Fill(content)));
        }

        foreach (var (path, content) in input.Bytes)
        {
            Write(root.Path, path, content);
        }

        input.Prepare?.Invoke(root.Path);
        var cli = new CliHarness(root.Path);
        if (db is not null)
        {
            cli = cli.With("DATABASE_URL", db.Url);
        }

        foreach (var (variable, value) in input.Variables)
        {
            cli = cli.With(variable, Fill(value));
        }

        if (db is not null && input.Before is { } before)
        {
            await ExecuteAsync(db, before);
        }

        if (db is not null && input.AfterUp is { } afterUp)
        {
            var up = await cli.RunAsync("up");
            up.ExitCode.ShouldBe(0, up.ToString());
            await ExecuteAsync(db, afterUp);
        }

        var result = await cli.RunAsync([.. input.Args.Select(Fill)]);

        result.ExitCode.ShouldBe(input.Exit, result.ToString());
        var errors = result.Stderr.Split('\n').Where(l => l.StartsWith("error:", StringComparison.Ordinal)).ToList();
        errors.Count.ShouldBe(1, result.ToString());
        result.Stdout.ShouldNotContain("error:", Case.Sensitive, result.ToString());
        DotNetNames().IsMatch(result.AllOutput).ShouldBeFalse(result.ToString());
    }

    private static string Fingerprint(BadInputCase input) => string.Join(
        "\u0001",
        [string.Join(" ", input.Args), .. input.Files.Select(f => f.Path + "=" + f.Content), .. input.Bytes.Select(b => b.Path + "=" + Convert.ToHexString(b.Content)),
            .. input.Variables.Select(v => v.Name + "=" + v.Value), input.Before ?? "", input.AfterUp ?? "", input.Prepare is null ? "" : input.Name]);

    private static void Write(string root, string path, byte[] content)
    {
        var full = Path.Combine(root, path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllBytes(full, content);
    }

    private static async Task ExecuteAsync(TestDatabase db, string sql)
    {
        await using var command = db.DataSource.CreateCommand(sql);
        await command.ExecuteNonQueryAsync();
    }

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    // A CLR type name (System.Nullable`1), an exception's type name, or an untranslated resource key (IO_FileNotFound_FileName).
    [GeneratedRegex(@"System\.[A-Z]|`1|[A-Za-z]+Exception\b|\b[A-Z][A-Za-z]*_[A-Z][a-z]+[A-Za-z_]*\b")]
    private static partial Regex DotNetNames();
}
