using System.Text.RegularExpressions;
using Pstm.Diagnostics;
using Pstm.Plan;
using Pstm.Plan.Coverage;
using Pstm.Plan.Model;
using Pstm.Plan.Translation;
using Pstm.Rendering.Booklet;
using Pstm.Rendering.Slides;
using Pstm.Rendering.Templates;

namespace Pstm.Rendering.Tests;

/// <summary>A text an edition leaves in the source language, for want of a translation, says so (WCAG 3.1.2).</summary>
public class LanguageOfPartsTests
{
    [Fact]
    public void An_untranslated_objective_of_the_english_edition_is_marked_italian_in_the_booklet_and_the_slides()
    {
        var (edition, templates, diagnostics) = EnglishEditionWithout(@"objectives\.M1\.4\.text");
        var options = new BookletOptions("en", new DateOnly(2025, 6, 30), "pstm test");

        var booklet = BookletRenderer.Render(edition, CoverageReport.Compute(edition), templates, options, diagnostics)!.Html;
        var slides = SlidesRenderer.Render(edition, CoverageReport.Compute(edition), templates, options, diagnostics)!;

        Assert.Contains("<li id=\"objective-M1.4\" data-item=\"objectives.M1.4\"><span lang=\"it\">Valorizzare l'<strong>Idroscalo</strong></span></li>", booklet);
        // The deck is finished by the typographer: its apostrophe is curly. (The item's text is in a span of its
        // own, so the language stays on the inner span: LanguageOnBlocks lifts it only from a block's whole content.)
        Assert.Contains("<span lang=\"it\">Valorizzare l\u2019<strong>Idroscalo</strong></span>", slides);
        // Translated texts are the edition's language: nothing else is marked.
        Assert.Single(Regex.Matches(booklet, "<li id=\"objective-[^\"]*\" data-item=\"[^\"]*\"><span lang="));
        Assert.Contains("<li id=\"objective-M1.1\" data-item=\"objectives.M1.1\">", booklet);
    }

    [Fact]
    public void An_untranslated_title_is_marked_italian_in_the_table_of_contents_too()
    {
        var (edition, templates, diagnostics) = EnglishEditionWithout(@"chapters\.C1\.title|missions\.M1\.title|drivers\.D1\.name");

        var booklet = BookletRenderer.Render(edition, CoverageReport.Compute(edition), templates, new BookletOptions("en", new DateOnly(2025, 6, 30), "pstm test"), diagnostics)!.Html;
        var toc = Regex.Matches(booklet, "<span class=\"toc-label\">(.*?)</span><span class=\"toc-leader\"").Select(m => m.Groups[1].Value).ToList();

        // The label in the edition's language, the title in the plan's.
        Assert.Contains("01 <span lang=\"it\">Piano strategico del territorio metropolitano</span>", toc);
        Assert.Contains("Mission 1. <span lang=\"it\">Digitalizzazione, innovazione, competitività, cultura e turismo</span>", toc);
        Assert.Contains("Driver 1. <span class=\"driver-name\"><span lang=\"it\">Campus metropolitano smart</span></span>", toc);
        Assert.Equal(3, toc.Count(label => label.Contains("lang=", StringComparison.Ordinal)));
    }

    [Fact]
    public void The_source_edition_marks_nothing()
    {
        var check = PlanCheck.Run(TestPaths.Plan, TestPaths.RepositoryRoot);
        var diagnostics = new DiagnosticBag();
        var templates = TemplateFolder.Open(TestPaths.Templates, TestPaths.RepositoryRoot, diagnostics)!;

        var booklet = BookletRenderer.Render(check.Plan!, check.Coverage!, templates, new BookletOptions("it", new DateOnly(2025, 6, 30), "pstm test"), diagnostics)!.Html;

        Assert.DoesNotContain("<span lang=", booklet);
        Assert.DoesNotContain("<div lang=", booklet);
    }

    /// <summary>The shipped plan's English edition with the translations of the keys <paramref name="keys"/> (a pattern) taken away, and the shipped templates.</summary>
    private static (StrategicPlan Edition, TemplateFolder Templates, DiagnosticBag Diagnostics) EnglishEditionWithout(string keys)
    {
        using var plan = TemporaryPlan.CopyOf(TestPaths.Plan);
        var english = plan.FileOf("translations/en.yaml");
        File.WriteAllText(english, Regex.Replace(File.ReadAllText(english), $@"  ({keys}):\n(    .*\n)+", ""));
        var check = PlanCheck.Run(plan.Path, plan.Path);
        var diagnostics = new DiagnosticBag();
        var edition = Translator.Apply(check.Plan!, TranslationFile.Load(plan.Path, "en", plan.Path, diagnostics), strict: false, diagnostics).Plan;
        return (edition, TemplateFolder.Open(TestPaths.Templates, TestPaths.RepositoryRoot, diagnostics)!, diagnostics);
    }
}
