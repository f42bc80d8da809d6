using Pstm.Diagnostics;
using Pstm.Plan.Model;

namespace Pstm.Plan.Validation;

/// <summary>
/// What the plan leaves unsaid of its publication is said, never filled in: a plan with
/// <c>publication:</c> gets one warning (PSTM0417) for each part it does not state (date, approval,
/// credits, contacts, licence, address), each with the YAML to add; a plan without it, one info
/// (PSTM0418), which <c>pstm validate</c> and <c>pstm build</c> report (optional means optional: a
/// plan that says nothing of its publication is not warned about each part of it). The colophon
/// shows none of what is missing: never the day of the build as the day of publication.
/// </summary>
public static class PublicationRules
{
    private const string Example =
        "publication: { date: 2025-07-15, approval: { body: Consiglio metropolitano, act: Deliberazione n. 27, date: 2025-06-18 }, " +
        "credits: [{ role: Progetto grafico, name: … }], contacts: { email: piano@example.org, website: https://www.example.org }, " +
        "licence: { name: CC BY 4.0, url: https://creativecommons.org/licenses/by/4.0/ }, url: https://www.example.org/piano.pdf }";

    /// <summary>PSTM0418 for a plan without <c>publication:</c>, at its top mapping; null for one with it.</summary>
    public static Diagnostic? Unstated(StrategicPlan plan) =>
        plan.Publication is null
            ? PlanDiagnostics.PublicationMissing.Create(
                plan.Span,
                "the plan states no publication details: the colophon shows no publication date, approving act, credits, contacts or licence, only the line of the software that made it",
                $"add what is public of the booklet's publication to plan.yaml, for example {Example} (docs/plan-format.md, 'publication')")
            : null;

    internal static void Check(StrategicPlan plan, DiagnosticBag diagnostics)
    {
        var at = plan.Span;
        if (plan.Publication is not { } publication)
        {
            return;
        }

        // A part written wrong is an error where it is written: not reported again as missing.
        void Missing(string message, string hint) =>
            diagnostics.Add(PlanDiagnostics.PublicationDetailMissing.Create(at, message, hint + " (docs/plan-format.md, 'publication')"));
        bool Stated(string key) => publication.Stated.Contains(key);

        if (publication.Date is null && !Stated("date"))
        {
            Missing(
                "the plan states no publication date: the colophon shows none (the day of the build is shown only as such)",
                "add the day the booklet was published under 'publication:', for example publication: { date: 2025-07-15 }");
        }

        if (publication.Approval is null && !Stated("approval"))
        {
            Missing(
                "the plan states no approving act: the colophon names none",
                "add the act that approved the plan under 'publication:', for example approval: { body: Consiglio metropolitano, act: Deliberazione n. 27, date: 2025-06-18 }");
        }

        if (publication.Credits.Count == 0 && !Stated("credits"))
        {
            Missing(
                "the plan states no credits: the colophon names no editors or designers",
                "add who made the booklet under 'publication:', for example credits: [{ role: Coordinamento editoriale, name: … }, { role: Progetto grafico, name: … }]");
        }

        // The theme's contacts are the entity's: shown when the publication states none of its own.
        if (publication.Contacts is null or { IsEmpty: true } && !Stated("contacts") && plan.Theme?.Contacts is null or { IsEmpty: true })
        {
            Missing(
                "the plan states no contacts: the colophon, the back cover and the closing slide show none",
                "add how readers reach the entity under 'publication:' (or the entity's, under 'theme:'), for example contacts: { address: …, email: piano@example.org, phone: +39 02 1234 5678, website: https://www.example.org }");
        }

        if (publication.Licence is null && !Stated("licence"))
        {
            Missing(
                "the plan states no licence: the colophon and the back cover do not say how readers may reuse the booklet",
                "add the licence under 'publication:', for example licence: { name: CC BY 4.0, url: https://creativecommons.org/licenses/by/4.0/ }");
        }

        if (publication.Url is null && !Stated("url"))
        {
            Missing(
                "the plan states no address where the booklet is published: the back cover and the closing slide show none",
                "add the address under 'publication:', for example url: https://www.example.org/piano.pdf");
        }
    }
}
