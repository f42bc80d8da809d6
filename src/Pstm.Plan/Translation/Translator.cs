using Pstm.Diagnostics;
using Pstm.Plan.Labels;
using Pstm.Plan.Model;

namespace Pstm.Plan.Translation;

/// <summary>How far a locale's translation is: the numbers <c>pstm i18n status</c> shows.</summary>
public sealed record TranslationStatus(string Locale, int Total, int Translated, int Missing, int Stale)
{
    public double Percent => Total == 0 ? 100 : Math.Round(100.0 * Translated / Total, 1);
}

/// <summary>
/// Makes a plan's edition in another locale: every field takes its translation; a field without one
/// keeps the source text, and one whose source changed since it was translated (stale) keeps the old
/// translation, each with a warning, or an error when <c>strict</c>.
/// </summary>
public static class Translator
{
    /// <summary>
    /// The plan's edition in <paramref name="locale"/>: the plan itself in its own language, otherwise the
    /// plan with the translations of <c>translations/LOCALE.yaml</c> in <paramref name="planDirectory"/>.
    /// </summary>
    /// <param name="labelKeys">The label keys of the templates, which the translated labels are checked against; the shipped ones when null.</param>
    public static StrategicPlan Edition(
        StrategicPlan plan, string planDirectory, string locale, string displayRoot, bool strict, DiagnosticBag diagnostics, LabelKeys? labelKeys = null) =>
        locale == plan.Language
            ? plan
            : Apply(plan, TranslationFile.Load(planDirectory, locale, displayRoot, diagnostics), strict, diagnostics, labelKeys).Plan;

    public static (StrategicPlan Plan, TranslationStatus Status) Apply(
        StrategicPlan plan, TranslationFile translations, bool strict, DiagnosticBag diagnostics, LabelKeys? labelKeys = null)
    {
        translations = translations.FollowingRenames(plan.Renamed, diagnostics);
        var fields = TranslatableFields.Of(plan);
        var texts = new Dictionary<string, string>(StringComparer.Ordinal);
        int translated = 0, stale = 0;
        var severity = strict ? Severity.Error : Severity.Warning;
        foreach (var field in fields)
        {
            if (!translations.Entries.TryGetValue(field.Key, out var entry))
            {
                diagnostics.Add(PlanDiagnostics.TranslationMissing.Create(
                    SourceSpan.ForFile(translations.DisplayPath),
                    severity,
                    $"no '{translations.Locale}' translation of {field.Key}; the {plan.Language} text is used",
                    $"add {field.Key} under 'entries' in {translations.DisplayPath} (pstm i18n extract and import do it through XLIFF)"));
                continue;
            }

            texts[field.Key] = entry.Text;
            if (entry.SourceHash == field.Hash)
            {
                translated++;
                continue;
            }

            stale++;
            diagnostics.Add(PlanDiagnostics.TranslationStale.Create(
                entry.Span,
                severity,
                $"the '{translations.Locale}' translation of {field.Key} was made for an older {plan.Language} text; it is used until it is updated",
                $"update its text to the new source at {field.Span}, then set source: {field.Hash}"));
        }

        // A translation's Markdown answers to the rules of its field, and may show images of its own.
        foreach (var (key, text) in texts)
        {
            Validation.MarkdownRules.CheckText(key, text, TranslatableFields.IsMarkdown(key), _ => translations.Entries[key].Span, plan.Images, diagnostics);
        }

        var known = fields.Select(f => f.Key).ToHashSet(StringComparer.Ordinal);
        var keys = labelKeys ?? LabelKeys.Shipped;
        foreach (var entry in translations.Entries.Values.Where(e => !known.Contains(e.Key)))
        {
            if (TranslatedLabels.UndeclaredKey(entry, keys) is { } undeclared)
            {
                diagnostics.Add(undeclared);
                continue;
            }

            diagnostics.Add(PlanDiagnostics.TranslationUnknownKey.Create(
                entry.Span,
                $"{entry.Key} is no field of the plan: it was renamed or removed, or is misspelt",
                TranslatedLabels.UnknownEntryHint(entry.Key, known) ?? "remove the entry, or give it the key of the field it translates"));
        }

        TranslatedLabels.Check(translations.Entries.Values.Where(e => known.Contains(e.Key)), keys, diagnostics);

        var status = new TranslationStatus(translations.Locale, fields.Count, translated, fields.Count - translated - stale, stale);
        var untranslated = fields.Where(f => !texts.ContainsKey(f.Key)).Select(f => f.Key).ToHashSet(StringComparer.Ordinal);
        return (Translate(plan, texts, translations.Locale) with { Untranslated = untranslated, SourceLanguage = plan.Language }, status);
    }

    private static StrategicPlan Translate(StrategicPlan plan, Dictionary<string, string> texts, string locale)
    {
        string T(string key, string source) => texts.GetValueOrDefault(key, source);
        string? O(string key, string? source) => source is null ? null : texts.GetValueOrDefault(key, source);
        Located<string>? Code(string key, Located<string>? source) => source is { } code ? code with { Value = texts.GetValueOrDefault(key, code.Value) } : null;

        return plan with
        {
            // The edition is written in the locale now: its labels are the translated ones.
            Language = locale,
            Title = T(TextKeys.Plan.Title, plan.Title),
            Subtitle = O(TextKeys.Plan.Subtitle, plan.Subtitle),
            ShortTitle = O(TextKeys.Plan.ShortTitle, plan.ShortTitle),
            Entity = T(TextKeys.Plan.Entity, plan.Entity),
            Series = O(TextKeys.Plan.Series, plan.Series),
            Keywords = plan.Keywords.Select((k, i) => T(TextKeys.Keyword(i + 1), k)).ToList(),
            Publication = plan.Publication is not { } publication ? null : publication with
            {
                Approval = publication.Approval is not { } approval ? null : approval with
                {
                    Body = T(TextKeys.ApprovalBody, approval.Body),
                    Act = T(TextKeys.ApprovalAct, approval.Act),
                },
                Credits = publication.Credits.Select((c, i) => c with { Role = T(TextKeys.CreditRole(i + 1), c.Role) }).ToList(),
            },
            Theme = plan.Theme is not { } theme ? null : theme with
            {
                Logo = theme.Logo is { } logo ? logo with { Alt = O(TextKeys.ThemeAlt("logo"), logo.Alt) } : null,
                LogoOnDark = theme.LogoOnDark is { } dark ? dark with { Alt = O(TextKeys.ThemeAlt("logo_on_dark"), dark.Alt) } : null,
                CoverImage = theme.CoverImage is { } cover ? cover with { Alt = O(TextKeys.ThemeAlt("cover_image"), cover.Alt) } : null,
            },
            Labels = plan.Labels
                .Where(l => texts.ContainsKey(TextKeys.Label(l.Key)))
                .ToDictionary(l => l.Key, l => texts[TextKeys.Label(l.Key)], StringComparer.Ordinal),
            Chapters = plan.Chapters.Select(c => c with
            {
                Title = T(TextKeys.Chapter(c.Id.Value).Title, c.Title),
                Body = O(TextKeys.Chapter(c.Id.Value).Body, c.Body),
            }).ToList(),
            Process = plan.Process.Select(p => p with
            {
                Title = T(TextKeys.Phase(p.Id.Value).Title, p.Title),
                Milestones = p.Milestones.Select(m => m with { Title = T(TextKeys.Milestone(m.Id.Value).Title, m.Title) }).ToList(),
            }).ToList(),
            Vision = plan.Vision.Select(p => p with
            {
                Name = T(TextKeys.Pillar(p.Id.Value).Name, p.Name),
                Definition = T(TextKeys.Pillar(p.Id.Value).Definition, p.Definition),
            }).ToList(),
            Missions = plan.Missions.Select(m => m with
            {
                Title = T(TextKeys.Mission(m.Id.Value).Title, m.Title),
                Code = Code(TextKeys.Mission(m.Id.Value).Code, m.Code),
                Notes = O(TextKeys.Mission(m.Id.Value).Notes, m.Notes),
                Objectives = m.Objectives.Select(o => o with
                {
                    Code = Code(TextKeys.Objective(o.Id.Value).Code, o.Code),
                    Title = O(TextKeys.Objective(o.Id.Value).Title, o.Title),
                    Text = T(TextKeys.Objective(o.Id.Value).Text, o.Text),
                    Body = O(TextKeys.Objective(o.Id.Value).Body, o.Body),
                    Actions = o.Actions.Select(a => a with { Code = Code(TextKeys.Action(a.Id.Value).Code, a.Code), Text = T(TextKeys.Action(a.Id.Value).Text, a.Text) }).ToList(),
                }).ToList(),
            }).ToList(),
            Drivers = plan.Drivers.Select(d => d with
            {
                Name = T(TextKeys.Driver(d.Id.Value).Name, d.Name),
                Code = Code(TextKeys.Driver(d.Id.Value).Code, d.Code),
                CoverName = O(TextKeys.Driver(d.Id.Value).CoverName, d.CoverName),
                Subtitle = O(TextKeys.Driver(d.Id.Value).Subtitle, d.Subtitle),
                Description = O(TextKeys.Driver(d.Id.Value).Description, d.Description),
                Notes = O(TextKeys.Driver(d.Id.Value).Notes, d.Notes),
            }).ToList(),
        };
    }
}
