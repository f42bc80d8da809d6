using System.Text.RegularExpressions;
using UglyToad.PdfPig;

namespace Pstm.Editions.Tests;

/// <summary>An output made from unchanged inputs is neither printed nor rewritten.</summary>
public class IncrementalBuildTests
{
    [Fact]
    public async Task Only_what_a_change_affects_is_rebuilt_and_force_rebuilds_everything()
    {
        using var output = new TemporaryFolder();
        using var templates = TemporaryFolder.CopyOf(Path.Combine(BuiltBooklet.RepositoryRoot, "templates"));
        var request = BuiltBooklet.Request(output.Path, templates: templates.Path);
        var pdf = Path.Combine(output.Path, "it", "booklet.pdf");

        var first = await EditionBuilder.BuildAsync(request, CancellationToken.None);
        var written = File.GetLastWriteTimeUtc(pdf);
        var steps = new List<string>();
        var again = await EditionBuilder.BuildAsync(request with { Progress = steps.Add }, CancellationToken.None);

        // Nothing read has changed: nothing rendered, no browser started.
        Assert.DoesNotContain(steps, s => s.StartsWith("ready to print", StringComparison.Ordinal));
        Assert.DoesNotContain(steps, s => s.StartsWith("rendered", StringComparison.Ordinal));
        Assert.Contains(steps, s => s.StartsWith("nothing changed", StringComparison.Ordinal));

        Assert.Contains(pdf, first.Outputs);
        Assert.Contains(pdf, again.Unchanged);
        Assert.DoesNotContain(pdf, again.Outputs);
        Assert.Equal(written, File.GetLastWriteTimeUtc(pdf));

        var forced = await EditionBuilder.BuildAsync(request with { Force = true }, CancellationToken.None);
        Assert.Contains(pdf, forced.Outputs);

        var css = Path.Combine(templates.Path, "booklet", "booklet.css");
        File.AppendAllText(css, "\n.colophon dt { color: var(--accent); }\n");
        var restyled = await EditionBuilder.BuildAsync(request, CancellationToken.None);
        Assert.Contains(pdf, restyled.Outputs);

        var redated = await EditionBuilder.BuildAsync(request with { SourceDateEpoch = "1760000000" }, CancellationToken.None);
        Assert.Contains(pdf, redated.Outputs);
    }

    [Fact]
    public async Task A_deleted_output_is_rebuilt()
    {
        using var output = new TemporaryFolder();
        var request = BuiltBooklet.Request(output.Path);
        var pdf = Path.Combine(output.Path, "it", "booklet.pdf");

        await EditionBuilder.BuildAsync(request, CancellationToken.None);
        File.Delete(pdf);
        var result = await EditionBuilder.BuildAsync(request, CancellationToken.None);

        Assert.Contains(pdf, result.Outputs);
        Assert.True(File.Exists(pdf));
    }

    [Fact]
    public async Task A_corrupted_output_is_rebuilt_not_reported_unchanged()
    {
        using var output = new TemporaryFolder();
        var request = BuiltBooklet.Request(output.Path);
        var pdf = Path.Combine(output.Path, "it", "booklet.pdf");
        await EditionBuilder.BuildAsync(request, CancellationToken.None);
        var good = File.ReadAllBytes(pdf);

        // Cut short, as by a full disk or an interrupted copy.
        File.WriteAllBytes(pdf, good[..(good.Length / 2)]);
        var truncated = await EditionBuilder.BuildAsync(request, CancellationToken.None);

        Assert.Contains(pdf, truncated.Outputs);
        Assert.DoesNotContain(pdf, truncated.Unchanged);
        Assert.True(PagesOf(pdf) > 1);

        // One byte changed, the size the same.
        var changed = File.ReadAllBytes(pdf);
        changed[changed.Length / 2] ^= 0x20;
        File.WriteAllBytes(pdf, changed);
        var edited = await EditionBuilder.BuildAsync(request, CancellationToken.None);

        Assert.Contains(pdf, edited.Outputs);
        Assert.DoesNotContain(pdf, edited.Unchanged);
        Assert.True(PagesOf(pdf) > 1);

        // Intact again: the next build has nothing to do.
        var again = await EditionBuilder.BuildAsync(request, CancellationToken.None);
        Assert.Contains(pdf, again.Unchanged);
    }

    [Fact]
    public async Task A_changed_output_of_an_edition_whose_inputs_changed_elsewhere_is_rebuilt()
    {
        using var output = new TemporaryFolder();
        var request = BuiltBooklet.Request(output.Path) with { Targets = [BuildTarget.All] };
        var deck = Path.Combine(output.Path, "it", "slides.pdf");
        await EditionBuilder.BuildAsync(request, CancellationToken.None);

        // Another option changes the inputs' hash, so that the build looks at each output on its own.
        File.WriteAllText(deck, "not a PDF");
        var result = await EditionBuilder.BuildAsync(request with { Strict = true }, CancellationToken.None);

        Assert.Contains(deck, result.Outputs);
        Assert.True(PagesOf(deck) > 1);
    }

    [Fact]
    public async Task A_build_with_nothing_to_do_reports_what_the_last_one_reported()
    {
        using var plan = TemporaryFolder.CopyOf(Path.Combine(BuiltBooklet.RepositoryRoot, "plan"));
        using var output = new TemporaryFolder();
        var translations = Path.Combine(plan.Path, "translations", "en.yaml");

        // A stale translation: a warning that comes from making the English edition, not from the plan check.
        File.WriteAllText(translations, new Regex("source: [0-9a-f]{12}").Replace(File.ReadAllText(translations), "source: 000000000000", 1));
        var request = BuiltBooklet.Request(output.Path, plan: plan.Path) with { Locales = ["en"] };

        var first = await EditionBuilder.BuildAsync(request, CancellationToken.None);
        var steps = new List<string>();
        var again = await EditionBuilder.BuildAsync(request with { Progress = steps.Add }, CancellationToken.None);

        Assert.True(first.Succeeded);
        Assert.Contains(first.Diagnostics, d => d.Code == "PSTM0802");
        Assert.Equal(first.Diagnostics, again.Diagnostics);
        Assert.Empty(again.Outputs);
        Assert.Contains(steps, s => s.StartsWith("nothing changed", StringComparison.Ordinal));

        // A changed translation file is a change.
        File.AppendAllText(translations, "\n");
        var changed = await EditionBuilder.BuildAsync(request with { Progress = steps.Add }, CancellationToken.None);
        Assert.Contains(changed.Diagnostics, d => d.Code == "PSTM0802");
        Assert.Contains(steps, s => s.StartsWith("rendered", StringComparison.Ordinal));
    }

    private static int PagesOf(string pdf)
    {
        using var document = PdfDocument.Open(pdf);
        return document.NumberOfPages;
    }
}
