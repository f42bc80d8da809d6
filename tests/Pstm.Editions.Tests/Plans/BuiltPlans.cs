using Pstm.Diagnostics;
using Pstm.Pdf;
using Pstm.Plan;
using Pstm.Plan.Model;
using Pstm.Plan.Translation;
using PuppeteerSharp;
using UglyToad.PdfPig;

namespace Pstm.Editions.Tests.Plans;

/// <summary>
/// The shipped plan and the plans beside it (the real plans under tests/Fixtures/Plans and the generated
/// stress plans), each built once, booklet and deck, in every locale it declares; and one browser for the tests
/// to measure the decks in.
/// </summary>
public sealed class BuiltPlans : IAsyncLifetime
{
    /// <summary>The names of the plans, for a test's MemberData.</summary>
    public static TheoryData<string> Names => new(AllNames);

    public static TheoryData<string, int, int> NamesAndCanvases
    {
        get
        {
            var data = new TheoryData<string, int, int>();
            foreach (var name in AllNames)
            {
                data.Add(name, 1280, 720);
                data.Add(name, 1920, 1080);
            }

            return data;
        }
    }

    // The shipped plan comes too: it is the one with two locales.
    private static readonly string[] FixtureNames = ["psttm", "torino", "bologna"];

    private static IEnumerable<string> AllNames => FixtureNames.Concat([StressPlan.NoDrivers.Name, StressPlan.FortyDrivers.Name]);

    private readonly Dictionary<string, BuiltPlan> _plans = [];

    /// <summary>
    /// Where the generated plans and every edition are written, and left for a person to look at after the
    /// run (as the deck's screenshots are): <c>artifacts/plans</c>, emptied when the class starts.
    /// </summary>
    public DirectoryInfo Work { get; } = Fresh(Path.Combine(BuiltBooklet.RepositoryRoot, "artifacts", "plans"));

    public IBrowser Browser { get; private set; } = null!;

    public BuiltPlan this[string name] => _plans[name];

    public async Task InitializeAsync()
    {
        var sources = FixtureNames.ToDictionary(
            n => n,
            n => n == "psttm" ? Path.Combine(BuiltBooklet.RepositoryRoot, "plan") : Path.Combine(BuiltBooklet.RepositoryRoot, "tests", "Fixtures", "Plans", n));
        foreach (var shape in new[] { StressPlan.NoDrivers, StressPlan.FortyDrivers })
        {
            var folder = Directory.CreateDirectory(Path.Combine(Work.FullName, "plans", shape.Name)).FullName;
            StressPlan.Write(folder, shape);
            sources[shape.Name] = folder;
        }

        foreach (var (name, folder) in sources)
        {
            _plans[name] = await BuildAsync(name, folder);
        }

        Browser = await Puppeteer.LaunchAsync(new LaunchOptions
        {
            ExecutablePath = BrowserLocator.Locate(null, new DiagnosticBag())!,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"],
        });
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
            await Browser.DisposeAsync();
        }
    }

    private static DirectoryInfo Fresh(string path)
    {
        if (Directory.Exists(path))
        {
            Directory.Delete(path, recursive: true);
        }

        return Directory.CreateDirectory(path);
    }

    private async Task<BuiltPlan> BuildAsync(string name, string folder)
    {
        var check = PlanCheck.Run(folder, folder);
        Assert.True(check.Plan is not null, $"{name}: " + string.Join("\n", check.Diagnostics.Select(d => d.Message)));
        var output = Path.Combine(Work.FullName, "dist", name);
        var request = BuiltBooklet.Request(output, folder) with { Locales = [], Targets = [BuildTarget.Booklet, BuildTarget.Slides] };
        var result = await EditionBuilder.BuildAsync(request, CancellationToken.None);
        Assert.True(result.Succeeded, $"{name}: " + string.Join("\n", result.Diagnostics.Where(d => d.IsError).Select(d => $"{d.Code} {d.Message}")));
        var editions = check.Plan.Locales.Select(locale => new BuiltEdition(
            locale,
            Translator.Edition(check.Plan, folder, locale, folder, strict: false, new DiagnosticBag()),
            BookletText(Path.Combine(output, locale, "booklet.pdf")),
            PdfText(Path.Combine(output, locale, "slides.pdf")),
            Path.Combine(output, locale, "slides.html"),
            Path.Combine(output, locale, "booklet.pdf"))).ToList();
        return new BuiltPlan(name, check.Plan, result, editions);
    }

    // The booklet's page area (booklet.css): 22 mm below the top, 26 mm above the foot.
    private const double HeadMargin = 22 * 72 / 25.4;
    private const double FootMargin = 26 * 72 / 25.4;

    /// <summary>
    /// The booklet's text without its running heads and folios, which would otherwise come between the
    /// two halves of a word or a sentence that a page break cuts.
    /// </summary>
    private static string BookletText(string path)
    {
        using var document = PdfDocument.Open(path);
        return string.Join("\n", document.GetPages().Select(p => string.Join(" ", PrintedText.Words(p)
            .Where(w => w.BoundingBox.Bottom >= FootMargin && w.BoundingBox.Top <= p.Height - HeadMargin)
            .Select(w => w.Text))));
    }

    private static string PdfText(string path)
    {
        using var document = PdfDocument.Open(path);
        return string.Join("\n", document.GetPages().Select(p => p.Text));
    }
}

/// <summary>A plan as loaded, what its build reported, and its editions.</summary>
public sealed record BuiltPlan(string Name, StrategicPlan Plan, BuildResult Result, IReadOnlyList<BuiltEdition> Editions);

/// <summary>One locale's plan (translated), its booklet and deck as their text, and the deck's file for the browser.</summary>
public sealed record BuiltEdition(string Locale, StrategicPlan Plan, string BookletText, string SlidesPdfText, string SlidesHtmlPath, string BookletPath);
