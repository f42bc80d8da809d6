using BenchmarkDotNet.Attributes;
using Pstm.Diagnostics;
using Pstm.Plan.Coverage;
using Pstm.Plan.Loading;
using Pstm.Plan.Model;
using Pstm.Plan.Translation;
using Pstm.Plan.Validation;
using Pstm.PlanGenerator;
using Pstm.Rendering.Booklet;
using Pstm.Rendering.Slides;
using Pstm.Rendering.Templates;

namespace Pstm.Benchmarks;

/// <summary>
/// Each stage a build runs before the browser, on its own, as EditionBuilder calls it: on the shipped
/// plan and on a generated plan 20 times its size (with its complete English translation).
/// </summary>
[MemoryDiagnoser]
public class PlanBenchmarks
{
    private string _folder = "";
    private string? _generated;
    private StrategicPlan _plan = null!;
    private CoverageReport _coverage = null!;
    private TranslationFile _english = null!;
    private TemplateFolder _templates = null!;
    private BookletOptions _options = null!;

    [Params("shipped", "x20")]
    public string Plan { get; set; } = "shipped";

    [GlobalSetup]
    public void Setup()
    {
        if (Plan == "shipped")
        {
            _folder = Path.Combine(Repository.Root, "plan");
        }
        else
        {
            _generated = _folder = Directory.CreateTempSubdirectory("pstm-benchmarks-").FullName;
            PlanWriter.Write(_folder, scale: 20);
        }

        var diagnostics = new DiagnosticBag();
        _plan = PlanLoader.Load(_folder, _folder).Plan ?? throw new InvalidOperationException($"the plan in {_folder} does not load");
        _coverage = CoverageReport.Compute(_plan);
        _english = TranslationFile.Load(_folder, "en", _folder, diagnostics);
        _templates = TemplateFolder.Open(Path.Combine(Repository.Root, "templates"), Repository.Root, diagnostics)
            ?? throw new InvalidOperationException("no templates folder in the repository");
        _options = new BookletOptions(_plan.Language, new DateOnly(2025, 6, 1), "pstm benchmarks", FallbackLanguage: _plan.Language);
        if (BookletRenderer.Render(_plan, _coverage, _templates, _options, diagnostics) is null || diagnostics.HasErrors)
        {
            throw new InvalidOperationException("the booklet does not render: " + string.Join("; ", diagnostics.ToSortedList().Select(d => d.Message)));
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        if (_generated is not null && Directory.Exists(_generated))
        {
            Directory.Delete(_generated, recursive: true);
        }
    }

    /// <summary>Reading every file of the plan and its YAML into the model.</summary>
    [Benchmark]
    public StrategicPlan? Load() => PlanLoader.Load(_folder, _folder).Plan;

    /// <summary>The checks across the loaded plan: ids, numbering, references, texts, coverage.</summary>
    [Benchmark]
    public PlanValidationResult Validate() => PlanValidator.Validate(_plan);

    [Benchmark]
    public CoverageReport Coverage() => CoverageReport.Compute(_plan);

    /// <summary>The English edition of the plan from its translation file (already read).</summary>
    [Benchmark]
    public StrategicPlan TranslateToEnglish() => Translator.Apply(_plan, _english, strict: false, new DiagnosticBag()).Plan;

    /// <summary>The print HTML of the booklet, through the shipped templates.</summary>
    [Benchmark]
    public RenderedBooklet? RenderBooklet() => BookletRenderer.Render(_plan, _coverage, _templates, _options, new DiagnosticBag());

    /// <summary>The self-contained slide deck, fonts and script inline.</summary>
    [Benchmark]
    public string? RenderSlides() => SlidesRenderer.Render(_plan, _coverage, _templates, _options, new DiagnosticBag());
}
