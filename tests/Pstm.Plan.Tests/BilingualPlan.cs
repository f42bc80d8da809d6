namespace Pstm.Plan.Tests;

/// <summary>The smallest plan with a translation: one mission, one objective with bold, Italian and English.</summary>
internal static class BilingualPlan
{
    public const string Yaml = """
        id: p
        title: Piano
        entity: Ente
        period: { from: 2025, to: 2027 }
        language: it
        locales: [it, en]
        missions:
          - id: M1
            number: 1
            title: Salute
            objectives:
              - { id: M1.1, text: "Coordinare la **Protezione civile**" }
        """;
}
