using Pstm.Diagnostics;
using Pstm.Plan.Coverage;
using Pstm.Plan.Model;
using Pstm.Rendering.Templates;
using Scriban.Runtime;

namespace Pstm.Rendering.Booklet;

/// <summary>What every template of an edition sees: the view of the plan in the edition's words.</summary>
internal static class EditionModel
{
    /// <summary>The view and the templates' model built from it; null after reporting why not.</summary>
    public static (BookletView View, ScriptObject Model)? Create(
        StrategicPlan plan, CoverageReport coverage, TemplateFolder templates, BookletOptions options, DiagnosticBag diagnostics)
    {
        // The plan's own labels are in its source language: they apply to that edition only.
        var labels = options.Locale == plan.Language ? plan.Labels : new Dictionary<string, string>();
        if (TemplateStrings.Load(templates, options.Locale, labels, diagnostics, fallback: options.FallbackLanguage ?? options.Locale) is not { } strings)
        {
            return null;
        }

        var view = BookletViewBuilder.Build(plan, coverage, strings, options.Locale, options.Date, options.Generator, withChanges: options.Changes is not null) with
        {
            Changes = options.Changes is null ? null : Changes.ChangesViewBuilder.Build(options.Changes, strings, linked: true),
            Publication = PublicationViewBuilder.Build(plan, strings),
            Identity = PublicationViewBuilder.Identity(plan, TemplateIdentity.Of(templates)),
        };
        var model = new ScriptObject();
        model.Import(view, renamer: StandardMemberRenamer.Default);
        return (view, model);
    }
}
