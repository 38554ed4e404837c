using System.Diagnostics;
using Microsoft.Playwright;
using Strata.Testing;
using Xunit.Abstractions;

namespace Strata.Report.Tests;

public sealed class ReportBrowserTests(ITestOutputHelper output)
{
    private static readonly (string Id, string Heading)[] Sections =
    [
        ("summary", "Strata migration report"), ("migrations", "Migrations"), ("timeline", "Timeline"),
        ("pending", "Pending migrations and lint"), ("verify", "Verify"), ("drift", "Drift"), ("tables", "Tables"),
    ];

    [Fact]
    public async Task The_report_renders_in_headless_chromium_without_javascript_with_every_section()
    {
        var chromium = SystemChromium.Path();
        var clock = Stopwatch.StartNew();
        await using var scenario = await MixedStatesScenario.CreateAsync();
        await using var scratch = await TestPostgres.CreateDatabaseAsync();
        var file = await ReportPage.WriteAsync(scenario, scratch, Path.Combine(Artifacts.Directory(), "report.html"));
        var url = new Uri(file).AbsoluteUri;
        var gathered = clock.Elapsed;

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new() { Headless = true, ExecutablePath = chromium });
        await using var context = await browser.NewContextAsync(new() { JavaScriptEnabled = false, ViewportSize = new() { Width = 1100, Height = 800 } });
        var page = await context.NewPageAsync();
        var problems = new List<string>();
        var requests = new List<string>();
        page.Console += (_, message) => problems.AddRange(message.Type is "error" or "warning" ? [$"console {message.Type}: {message.Text}"] : []);
        page.PageError += (_, error) => problems.Add($"page error: {error}");
        page.Request += (_, request) => requests.Add(request.Url);

        var response = await page.GotoAsync(url, new() { WaitUntil = WaitUntilState.Load });

        response.ShouldNotBeNull().Ok.ShouldBeTrue();
        foreach (var (id, heading) in Sections)
        {
            var title = page.Locator($"#{id}").Locator("h1, h2").First;
            (await title.IsVisibleAsync()).ShouldBeTrue($"section #{id} is not visible");
            (await title.InnerTextAsync()).ShouldBe(heading);
        }

        await ShouldShowEveryStateAsync(page);
        (await page.Locator("#timeline svg rect").CountAsync()).ShouldBe(4, "a bar per recorded migration");
        (await page.Locator("#pending table.locks").InnerTextAsync()).ShouldContain("ACCESS EXCLUSIVE");
        (await page.Locator("#verify .bad").InnerTextAsync()).ShouldStartWith("migration 1004_index_orders_concurrently failed going up");
        (await page.Locator("#drift .skipped").InnerTextAsync()).ShouldStartWith("Did not run: drift cannot be checked while migration 1004_index_orders_concurrently is interrupted");
        (await page.Locator("#tables").InnerTextAsync()).ShouldContain(MixedStatesScenario.MarkupTable);
        (await page.Locator("script").CountAsync()).ShouldBe(0);
        (await page.TitleAsync()).ShouldStartWith("Strata report: postgres://");
        requests.ShouldBe([url], "the page fetches nothing but itself");
        problems.ShouldBeEmpty();

        var screenshot = Path.Combine(Artifacts.Directory(), "report.png");
        await page.ScreenshotAsync(new() { Path = screenshot, FullPage = true, Type = ScreenshotType.Png });
        new FileInfo(screenshot).Length.ShouldBeGreaterThan(10_000);
        if (Artifacts.DocsScreenshot() is { } docs)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(docs)!);
            File.Copy(screenshot, docs, overwrite: true);
        }

        output.WriteLine($"report {file}, screenshot {screenshot}; database and report {gathered.TotalSeconds:0.0}s, browser {(clock.Elapsed - gathered).TotalSeconds:0.0}s");
    }

    private static async Task ShouldShowEveryStateAsync(IPage page)
    {
        var statuses = await page.Locator("#migrations tbody .badge").AllInnerTextsAsync();
        statuses.ShouldBe(["applied", "applied", "drifted: checksum changed", "interrupted", "pending"]);
        (await page.Locator("#migrations tbody tr.m-failed .next").InnerTextAsync()).ShouldContain("strata repair --version 1004");
    }
}
