namespace Pstm.Editions.Tests;

/// <summary>Builds as CI and editors run them: reproducible, atomic, sandboxed.</summary>
public class BuildTests
{
    private static string Case(string name) =>
        Path.Combine(BuiltBooklet.RepositoryRoot, "tests", "Pstm.Plan.Tests", "Cases", name, "plan");

    [Fact]
    public async Task Two_builds_of_the_same_input_are_byte_identical()
    {
        using var first = new TemporaryFolder();
        using var second = new TemporaryFolder();

        var one = await EditionBuilder.BuildAsync(BuiltBooklet.Request(first.Path) with { Targets = [BuildTarget.All] }, CancellationToken.None);
        var two = await EditionBuilder.BuildAsync(BuiltBooklet.Request(second.Path) with { Targets = [BuildTarget.All] }, CancellationToken.None);

        Assert.True(one.Succeeded && two.Succeeded);
        foreach (var file in new[] { "booklet.pdf", "booklet.html", "slides.pdf", "slides.html" })
        {
            Assert.Equal(File.ReadAllBytes(Path.Combine(first.Path, "it", file)), File.ReadAllBytes(Path.Combine(second.Path, "it", file)));
        }
    }

    [Fact]
    public async Task A_failed_build_leaves_the_previous_outputs_as_they_were()
    {
        using var output = new TemporaryFolder();
        var pdf = Path.Combine(output.Path, "it", "booklet.pdf");
        Directory.CreateDirectory(Path.GetDirectoryName(pdf)!);
        File.WriteAllText(pdf, "the previous edition");

        var result = await EditionBuilder.BuildAsync(BuiltBooklet.Request(output.Path, plan: Case("PSTM0203-unknown-mission")), CancellationToken.None);

        Assert.False(result.Succeeded);
        Assert.Contains(result.Diagnostics, d => d.Code == "PSTM0203");
        Assert.Equal("the previous edition", File.ReadAllText(pdf));
        Assert.Empty(Directory.GetDirectories(output.Path, ".pstm-staging-*"));
    }

    [Fact]
    public async Task A_request_to_the_network_is_blocked_and_reported()
    {
        using var output = new TemporaryFolder();
        using var templates = TemporaryFolder.CopyOf(Path.Combine(BuiltBooklet.RepositoryRoot, "templates"));
        var cover = Path.Combine(templates.Path, "booklet", "cover.sbn-html");
        File.WriteAllText(cover, File.ReadAllText(cover).Replace("<header class=\"cover no-hyphens\">", "<header class=\"cover no-hyphens\"><img src=\"https://example.com/logo.png\" alt=\"\">", StringComparison.Ordinal));

        var result = await EditionBuilder.BuildAsync(BuiltBooklet.Request(output.Path, templates: templates.Path), CancellationToken.None);

        Assert.True(result.Succeeded);
        var blocked = Assert.Single(result.Diagnostics, d => d.Code == "PSTM0604");
        Assert.Contains("https://example.com/logo.png", blocked.Message);
    }

    [Fact]
    public async Task A_missing_browser_is_a_diagnostic_with_advice_and_nothing_is_written()
    {
        using var output = new TemporaryFolder();

        var result = await EditionBuilder.BuildAsync(BuiltBooklet.Request(output.Path) with { BrowserPath = "/no/such/chromium" }, CancellationToken.None);

        var diagnostic = Assert.Single(result.Diagnostics, d => d.IsError);
        Assert.Equal("PSTM0601", diagnostic.Code);
        Assert.Empty(BrowserProcesses.EntriesBesidesTheLock(output.Path));
    }

    [Fact]
    public async Task A_locale_the_plan_does_not_declare_is_refused()
    {
        using var output = new TemporaryFolder();

        var result = await EditionBuilder.BuildAsync(BuiltBooklet.Request(output.Path) with { Locales = ["fr"] }, CancellationToken.None);

        Assert.Equal("PSTM0701", Assert.Single(result.Diagnostics, d => d.IsError).Code);
    }
}
