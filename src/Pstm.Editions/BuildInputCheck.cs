using Pstm.Diagnostics;
using Pstm.Plan;
using Pstm.Plan.Coverage;
using Pstm.Plan.Labels;
using Pstm.Plan.Model;
using Pstm.Plan.Translation;
using Pstm.Plan.Validation;
using Pstm.Rendering;
using Pstm.Rendering.Booklet;
using Pstm.Rendering.Changes;
using Pstm.Rendering.Slides;
using Pstm.Rendering.Templates;
using Pstm.Rendering.Text;

namespace Pstm.Editions;

/// <summary>
/// Everything a build reads and checks before it prints: the plan, its translation into each locale,
/// the templates folder, the date, and each edition rendered to HTML. <c>pstm build</c> and
/// <c>pstm validate</c> both go through here, so that "valid" means the build will not fail on its input.
/// </summary>
public sealed class BuildInputCheck
{
    private readonly DiagnosticBag _diagnostics;

    private BuildInputCheck(PlanCheck check, IReadOnlyList<string> locales, TemplateFolder? templates, DateTimeOffset? moment, DiagnosticBag diagnostics)
    {
        Check = check;
        Locales = locales;
        Templates = templates;
        Moment = moment;
        _diagnostics = diagnostics;
    }

    /// <summary>The plan checked, with its editions in <see cref="Locales"/>.</summary>
    public PlanCheck Check { get; }

    /// <summary>The locales built: those asked for, else every locale the plan declares.</summary>
    public IReadOnlyList<string> Locales { get; }

    public TemplateFolder? Templates { get; }

    /// <summary>The moment the editions are dated.</summary>
    public DateTimeOffset? Moment { get; }

    public IReadOnlyList<Diagnostic> Diagnostics => _diagnostics.ToSortedList();

    public bool HasErrors => _diagnostics.HasErrors;

    /// <summary>True when every input was read without error, so that the editions can be rendered.</summary>
    public bool CanRender => !HasErrors && Check.Plan is not null && Check.Coverage is not null && Templates is not null && Moment is not null;

    /// <param name="locales">The locales asked for; empty for every locale the plan declares.</param>
    /// <param name="templatesDirectory">The templates; null for the ones shipped with pstm.</param>
    /// <param name="sourceDateEpoch">SOURCE_DATE_EPOCH as given; null when unset.</param>
    /// <param name="strict">Missing and stale translations are errors, not warnings.</param>
    public static BuildInputCheck Run(string planDirectory, IReadOnlyList<string> locales, string? templatesDirectory, string? sourceDateEpoch, bool strict)
    {
        var diagnostics = new DiagnosticBag();

        // The plan's labels, and their translations, are checked against the keys of the templates it is built with.
        var layers = BuildRequest.TemplateLayers(planDirectory, templatesDirectory);
        var labelKeys = layers.Count == 1 ? LabelKeys.Shipped : LabelKeys.InLayers(layers.SkipLast(1), Directory.GetCurrentDirectory(), diagnostics);
        var check = PlanCheck.WithEditions(planDirectory, locales.Count == 0 ? null : locales, strict, labelKeys: labelKeys);
        diagnostics.AddRange(check.Diagnostics);
        if (check.HasErrors || check.Plan is not { } plan || check.Coverage is null)
        {
            return new BuildInputCheck(check, [], null, null, diagnostics);
        }

        if (PublicationRules.Unstated(plan) is { } unstated)
        {
            diagnostics.Add(unstated);
        }

        var built = Declared(plan, locales, diagnostics);
        var moment = EditionDate.Resolve(plan, sourceDateEpoch, diagnostics);
        // --templates is laid over the shipped templates: it holds only the files it changes.
        var templates = BuildRequest.OpenTemplates(planDirectory, templatesDirectory, diagnostics);
        if (templates is not null)
        {
            // The logo and the cover's picture: told once, not once per edition rendered; a plan whose theme has a logo needs none of the templates'.
            diagnostics.AddRange(TemplateIdentity.Of(templates).Diagnostics
                .Where(d => d.Code != RenderingDiagnostics.NoLogo.Code || plan.ThemeAssets.Logo is null && plan.ThemeAssets.LogoOnDark is null));
        }

        return new BuildInputCheck(check, built, templates, moment, diagnostics);
    }

    /// <summary>The date the colophon shows.</summary>
    public DateOnly Shown => EditionDate.Shown(Check.Plan!, Moment!.Value);

    /// <summary>
    /// One edition rendered: its booklet's HTML with the files it needs, and its deck's draft, to be
    /// measured in the browser before it is cut into slides (each only when asked for), every template and text problem added to <paramref name="diagnostics"/>.
    /// </summary>
    public (RenderedBooklet? Booklet, DeckDraft? Deck) Render(
        PlanEdition edition, bool booklet, bool deck, EditionChanges? changes, DiagnosticBag diagnostics, CancellationToken cancellation)
    {
        if (!CanRender)
        {
            throw new InvalidOperationException("the inputs have errors: there is nothing to render");
        }

        var plan = Check.Plan!;
        var coverage = ReferenceEquals(edition.Plan, plan) ? Check.Coverage! : CoverageReport.Compute(edition.Plan);
        // A locale the templates have no words for gets English ones, the language most readers share, rather than the plan's.
        var options = new BookletOptions(edition.Locale, Shown, EditionBuilder.Generator, FallbackLanguage: "en") { Changes = changes };
        var rendered = booklet ? Typeset(BookletRenderer.Render(edition.Plan, coverage, Templates!, options, diagnostics, cancellation), edition.Locale) : null;

        // The booklet and the deck read the same templates: what they find about them is said once.
        var deckDiagnostics = new DiagnosticBag();
        var draft = deck ? SlidesRenderer.Draft(edition.Plan, coverage, Templates!, options, deckDiagnostics, cancellation) : null;
        var said = diagnostics.ToSortedList().ToHashSet();
        diagnostics.AddRange(deckDiagnostics.ToSortedList().Where(d => !said.Contains(d)));
        return (rendered, draft);
    }

    /// <summary>
    /// The print finish Chromium does not give by itself: curly quotes, dashes and soft hyphens (<see cref="Typesetting"/>),
    /// and the language of an untranslated part on an element the PDF's structure keeps (<see cref="LanguageOnBlocks"/>).
    /// </summary>
    private static RenderedBooklet? Typeset(RenderedBooklet? booklet, string locale) =>
        booklet is null ? null : booklet with { Html = Typesetting.Apply(LanguageOnBlocks.Apply(booklet.Html), locale, hyphenate: true) };

    /// <summary>Every edition rendered, booklet and deck, for their diagnostics only (what <c>pstm validate</c> does).</summary>
    public IReadOnlyList<Diagnostic> RenderAll(CancellationToken cancellation = default)
    {
        if (!CanRender)
        {
            return [];
        }

        var rendered = Check.Editions.AsParallel().AsOrdered().Select(edition =>
        {
            var diagnostics = new DiagnosticBag();
            Render(edition, booklet: true, deck: true, changes: null, diagnostics, cancellation);
            return diagnostics.ToSortedList();
        });
        return rendered.SelectMany(d => d).ToList();
    }

    private static IReadOnlyList<string> Declared(StrategicPlan plan, IReadOnlyList<string> requested, DiagnosticBag diagnostics)
    {
        if (requested.Count == 0)
        {
            return plan.Locales;
        }

        foreach (var locale in requested.Where(l => !plan.Locales.Contains(l)))
        {
            diagnostics.Add(EditionDiagnostics.LocaleNotDeclared.Create(
                plan.Span with { EndLine = plan.Span.StartLine, EndColumn = plan.Span.StartColumn + 1 },
                $"the plan declares no locale '{locale}' (its locales: {string.Join(", ", plan.Locales)})",
                $"add '{locale}' to 'locales' in plan.yaml, or build one of its locales"));
        }

        return requested.Distinct().ToList();
    }
}
