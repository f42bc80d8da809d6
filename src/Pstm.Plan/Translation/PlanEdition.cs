using Pstm.Plan.Model;

namespace Pstm.Plan.Translation;

/// <summary>
/// A plan in one of its locales, as a build renders it: the plan itself for its source language, else
/// the plan with the translations of that locale, and how far they go (null for the source language).
/// </summary>
public sealed record PlanEdition(string Locale, StrategicPlan Plan, TranslationStatus? Status);
