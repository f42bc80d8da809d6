using System.Diagnostics;
using System.Security.Cryptography;

namespace Pstm.Editions.Tests;

/// <summary>
/// However a build fails (the plan, Ctrl+C, a browser that dies or a page that never finishes), the
/// previous outputs stay byte for byte, and no browser, profile or staging folder is left behind.
/// </summary>
[Collection(nameof(BrowserProcesses))]
public class FailureSafetyTests
{
    public static TheoryData<string> Failures() => ["plan error", "cancelled", "browser killed", "page never finishes"];

    [Theory]
    [MemberData(nameof(Failures))]
    public async Task A_failed_build_leaves_the_previous_outputs_byte_for_byte_and_nothing_running(string failure)
    {
        using var output = new TemporaryFolder();
        using var templates = TemporaryFolder.CopyOf(Path.Combine(BuiltBooklet.RepositoryRoot, "templates"));
        var request = BuiltBooklet.Request(output.Path, templates: templates.Path) with { Targets = [BuildTarget.All] };
        Assert.True((await EditionBuilder.BuildAsync(request, CancellationToken.None)).Succeeded);
        var before = Snapshot(output.Path);
        var profiles = BrowserProcesses.BrowserProfiles();

        using var cancellation = new CancellationTokenSource();
        var failing = request with { Force = true };
        switch (failure)
        {
            case "plan error":
                failing = failing with { PlanDirectory = Path.Combine(BuiltBooklet.RepositoryRoot, "tests", "Pstm.Plan.Tests", "Cases", "PSTM0203-unknown-mission", "plan") };
                break;
            case "cancelled":
                failing = failing with { Progress = step => CancelAt(step, "ready to print", cancellation) };
                break;
            case "browser killed":
                // A time limit far beyond the guard below: the build must notice the browser's end, not wait it out.
                failing = failing with { Progress = step => KillBrowserAt(step, "ready to print"), Timeout = TimeSpan.FromMinutes(30) };
                break;
            case "page never finishes":
                // A template whose script never ends: the page never loads, the print times out.
                var layout = Path.Combine(templates.Path, "booklet", "layout.sbn-html");
                File.WriteAllText(layout, File.ReadAllText(layout).Replace("</body>", "<script>for (;;) {}</script></body>", StringComparison.Ordinal));
                failing = failing with { Timeout = TimeSpan.FromSeconds(5) };
                break;
        }

        BuildResult? result = null;
        try
        {
            // A guard against a hang, not a measure of speed: a failing build ends in about a second, and
            // a build that waited for a killed browser's new tab took PuppeteerSharp's 30 s.
            result = await EditionBuilder.BuildAsync(failing, cancellation.Token).WaitAsync(TimeSpan.FromSeconds(20));
        }
        catch (OperationCanceledException) when (failure == "cancelled")
        {
        }

        var expectedCode = failure switch
        {
            "plan error" => "PSTM0203",
            "browser killed" => "PSTM0602",
            "page never finishes" => "PSTM0603",
            _ => null,
        };
        if (expectedCode is null)
        {
            Assert.Null(result);
        }
        else
        {
            Assert.NotNull(result);
            Assert.False(result.Succeeded);
            Assert.True(result.Diagnostics.Any(d => d.Code == expectedCode), string.Join("\n", result.Diagnostics.Select(d => $"{d.Code} {d.Message}")));

            // The staging folder is gone when the build ends: a diagnostic names the file where it would have been.
            Assert.DoesNotContain(result.Diagnostics, d => d.Span.File.Contains(OutputStaging.Prefix, StringComparison.Ordinal));
        }

        Assert.Equal(before, Snapshot(output.Path));
        Assert.Empty(BrowserProcesses.OwnDescendants());
        Assert.Empty(BrowserProcesses.BrowserProfiles().Except(profiles));
    }

    [Fact]
    public async Task After_the_browser_dies_between_two_watch_builds_the_next_build_starts_another()
    {
        using var output = new TemporaryFolder();
        await using var session = new BuildSession();
        var first = await session.BuildAsync(BuiltBooklet.Request(output.Path), CancellationToken.None);
        Assert.True(first.Succeeded, Errors(first));

        KillBrowserAt("now", "now");
        var rebuilt = await session.BuildAsync(BuiltBooklet.Request(output.Path) with { Force = true }, CancellationToken.None);

        Assert.True(rebuilt.Succeeded, string.Join("\n", rebuilt.Diagnostics.Where(d => d.IsError).Select(d => d.Message)));
        Assert.Contains(rebuilt.Outputs, o => o.EndsWith("booklet.pdf", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_browser_that_dies_while_a_watch_rebuild_prints_is_replaced_and_the_prints_are_made_again()
    {
        // The race behind a flaky test: the browser is killed after the rebuild found it alive, before it printed.
        using var output = new TemporaryFolder();
        var profiles = BrowserProcesses.BrowserProfiles();
        await using (var session = new BuildSession(keepsPages: true))
        {
            var first = await session.BuildAsync(BuiltBooklet.Request(output.Path), CancellationToken.None);
            Assert.True(first.Succeeded, Errors(first));

            var steps = new List<string>();
            var request = BuiltBooklet.Request(output.Path) with
            {
                Force = true,
                Progress = step =>
                {
                    lock (steps)
                    {
                        steps.Add(step);
                        if (steps.Count(s => s.StartsWith("ready to print", StringComparison.Ordinal)) == 1)
                        {
                            KillBrowserAt(step, "ready to print");
                        }
                    }
                },
            };
            var rebuilt = await session.BuildAsync(request, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(90));

            Assert.True(rebuilt.Succeeded, Errors(rebuilt));
            Assert.Contains(rebuilt.Outputs, o => o.EndsWith("booklet.pdf", StringComparison.Ordinal));
            lock (steps)
            {
                Assert.Contains(steps, s => s.StartsWith("the browser ended; printing again in a new one", StringComparison.Ordinal));
                Assert.Equal(2, steps.Count(s => s.StartsWith("ready to print", StringComparison.Ordinal)));
            }
        }

        Assert.Empty(BrowserProcesses.OwnDescendants());
        Assert.Empty(BrowserProcesses.BrowserProfiles().Except(profiles));
    }

    [Fact]
    [System.Runtime.Versioning.SupportedOSPlatform("linux")] // a shell script posing as the browser; /proc counts processes
    public async Task A_browser_that_never_starts_is_a_timeout_and_is_ended()
    {
        using var output = new TemporaryFolder();
        using var bin = new TemporaryFolder();
        var browser = Path.Combine(bin.Path, "chromium");
        File.WriteAllText(browser, "#!/bin/sh\n# never opens its DevTools endpoint\nsleep 600\n");
        File.SetUnixFileMode(browser, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var profiles = BrowserProcesses.BrowserProfiles();

        var result = await EditionBuilder.BuildAsync(
            BuiltBooklet.Request(output.Path) with { BrowserPath = browser, Timeout = TimeSpan.FromSeconds(2) }, CancellationToken.None);

        Assert.False(result.Succeeded);
        Assert.Contains(result.Diagnostics, d => d.Code is "PSTM0602" or "PSTM0603");
        Assert.Empty(BrowserProcesses.EntriesBesidesTheLock(output.Path));
        Assert.Empty(BrowserProcesses.OwnDescendants());
        Assert.Empty(BrowserProcesses.BrowserProfiles().Except(profiles));
    }

    [Fact]
    public async Task An_output_folder_that_is_a_file_is_a_clear_error_and_the_file_is_kept()
    {
        using var folder = new TemporaryFolder();
        var file = Path.Combine(folder.Path, "dist");
        File.WriteAllText(file, "not a folder");

        var result = await EditionBuilder.BuildAsync(BuiltBooklet.Request(file), CancellationToken.None);

        var error = Assert.Single(result.Diagnostics, d => d.IsError);
        Assert.Equal("PSTM0704", error.Code);
        Assert.Contains("is a file", error.Message);
        Assert.Equal("not a folder", File.ReadAllText(file));
    }

    [Fact]
    public async Task An_output_folder_inside_a_file_is_a_clear_error()
    {
        using var folder = new TemporaryFolder();
        var file = Path.Combine(folder.Path, "dist");
        File.WriteAllText(file, "not a folder");

        var result = await EditionBuilder.BuildAsync(BuiltBooklet.Request(Path.Combine(file, "it")), CancellationToken.None);

        var error = Assert.Single(result.Diagnostics, d => d.IsError);
        Assert.Equal("PSTM0704", error.Code);
        Assert.Contains(file, error.Message);
    }

    [Fact]
    [System.Runtime.Versioning.SupportedOSPlatform("linux")]
    public async Task An_output_folder_that_cannot_be_created_is_a_clear_error()
    {
        // Nothing, not even root, makes folders in /proc: the nearest to a folder that is not writable.
        var result = await EditionBuilder.BuildAsync(BuiltBooklet.Request("/proc/pstm-output"), CancellationToken.None);

        var error = Assert.Single(result.Diagnostics, d => d.IsError);
        Assert.Equal("PSTM0704", error.Code);
        Assert.Contains("cannot be created", error.Message);
    }

    [Fact]
    public async Task A_build_waits_while_another_build_holds_the_output_folder()
    {
        using var output = new TemporaryFolder();
        var waiting = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Task<BuildResult> build;
        using (new FileStream(Path.Combine(output.Path, OutputFolder.LockFileName), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None))
        {
            build = EditionBuilder.BuildAsync(BuiltBooklet.Request(output.Path) with
            {
                Progress = step =>
                {
                    if (step.StartsWith("waiting for another pstm build", StringComparison.Ordinal))
                    {
                        waiting.TrySetResult();
                    }
                },
            }, CancellationToken.None);

            await waiting.Task.WaitAsync(TimeSpan.FromSeconds(60));
            Assert.False(build.IsCompleted);
            Assert.False(File.Exists(Path.Combine(output.Path, "it", "booklet.pdf")));
        }

        Assert.True((await build).Succeeded);
        Assert.True(File.Exists(Path.Combine(output.Path, "it", "booklet.pdf")));
    }

    [Fact]
    public async Task Two_builds_into_one_folder_at_once_leave_one_whole_edition()
    {
        using var output = new TemporaryFolder();
        using var other = TemporaryFolder.CopyOf(Path.Combine(BuiltBooklet.RepositoryRoot, "plan"));
        var planFile = Path.Combine(other.Path, "plan.yaml");
        File.WriteAllText(planFile, File.ReadAllText(planFile).Replace("title: Piano strategico", "title: Altro piano strategico", StringComparison.Ordinal));
        var waited = 0;
        void Count(string step)
        {
            if (step.StartsWith("waiting for another pstm build", StringComparison.Ordinal))
            {
                Interlocked.Increment(ref waited);
            }
        }

        var request = BuiltBooklet.Request(output.Path) with { Targets = [BuildTarget.All], Progress = Count };
        var results = await Task.WhenAll(
            EditionBuilder.BuildAsync(request, CancellationToken.None),
            EditionBuilder.BuildAsync(request with { PlanDirectory = other.Path }, CancellationToken.None));

        Assert.All(results, r => Assert.True(r.Succeeded));
        Assert.Equal(1, waited);
        var bookletTitle = TitleOf(File.ReadAllText(Path.Combine(output.Path, "it", "booklet.html")));
        Assert.Equal(bookletTitle, TitleOf(File.ReadAllText(Path.Combine(output.Path, "it", "slides.html"))));
        using var pdf = UglyToad.PdfPig.PdfDocument.Open(Path.Combine(output.Path, "it", "booklet.pdf"));
        Assert.Equal(bookletTitle, pdf.Information.Title);
        Assert.Empty(Directory.GetDirectories(output.Path, ".pstm-staging-*"));
    }

    private static string TitleOf(string html)
    {
        var start = html.IndexOf("<title>", StringComparison.Ordinal) + "<title>".Length;
        return System.Net.WebUtility.HtmlDecode(html[start..html.IndexOf("</title>", start, StringComparison.Ordinal)]);
    }

    private static void CancelAt(string step, string wanted, CancellationTokenSource cancellation)
    {
        if (step.StartsWith(wanted, StringComparison.Ordinal))
        {
            cancellation.Cancel();
        }
    }

    /// <summary>Kills every process this test process started, the browser and all of its own: a crash.</summary>
    private static void KillBrowserAt(string step, string wanted)
    {
        if (!step.StartsWith(wanted, StringComparison.Ordinal))
        {
            return;
        }

        foreach (var pid in BrowserProcesses.OwnDescendants())
        {
            try
            {
                Process.GetProcessById(pid).Kill();
            }
            catch (Exception exception) when (exception is ArgumentException or InvalidOperationException or System.ComponentModel.Win32Exception)
            {
                // Gone already.
            }
        }
    }

    private static string Errors(BuildResult result) => string.Join("\n", result.Diagnostics.Where(d => d.IsError).Select(d => $"{d.Code} {d.Span.File}: {d.Message}"));

    /// <summary>Every file under <paramref name="folder"/> and the hash of its bytes.</summary>
    private static SortedDictionary<string, string> Snapshot(string folder) => new(
        Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .Where(f => Path.GetFileName(f) != OutputFolder.LockFileName)
            .ToDictionary(f => Path.GetRelativePath(folder, f), f => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(f)))),
        StringComparer.Ordinal);
}
