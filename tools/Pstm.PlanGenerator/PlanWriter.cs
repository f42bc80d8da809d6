using System.Globalization;
using System.Text;

namespace Pstm.PlanGenerator;

/// <summary>Writes the synthetic plan's files, in Italian with a complete English translation, as the shipped plan.</summary>
public static class PlanWriter
{
    private static readonly int[] ObjectivesPerMission = [4, 8, 10, 4, 6, 3];
    private const int MissionsPerFile = 120;

    public static void Write(string folder, int scale)
    {
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }

        Directory.CreateDirectory(Path.Combine(folder, "missions"));
        Directory.CreateDirectory(Path.Combine(folder, "drivers"));
        File.WriteAllText(Path.Combine(folder, "plan.yaml"), """
            id: synthetic-plan
            title: Piano sintetico per le misure di velocità
            entity: Ente di prova
            series: Prospettive metropolitane
            period: { from: 2025, to: 2027 }
            language: it
            locales: [it, en]
            include:
              - chapters.yaml
              - process.yaml
              - vision.yaml
              - missions/*.yaml
              - drivers/*.yaml

            """.Replace("\r\n", "\n"));
        File.WriteAllText(Path.Combine(folder, "chapters.yaml"), Chapters(scale));
        File.WriteAllText(Path.Combine(folder, "process.yaml"), Process(scale));
        File.WriteAllText(Path.Combine(folder, "vision.yaml"), Vision(scale));

        var missions = 6 * scale;
        for (var first = 1; first <= missions; first += MissionsPerFile)
        {
            var last = Math.Min(missions, first + MissionsPerFile - 1);
            File.WriteAllText(Path.Combine(folder, "missions", $"{first:D6}.yaml"), Missions(first, last));
            File.WriteAllText(Path.Combine(folder, "drivers", $"{first:D6}.yaml"), Drivers(first, last));
        }

        // Like the shipped plan: an English edition, every text translated and current.
        TranslationGenerator.Write(folder, "en");
    }

    private static string Chapters(int scale)
    {
        var text = new StringBuilder("chapters:\n");
        string[] sections = ["process", "vision", "missions", "drivers"];
        for (var n = 1; n <= 5 * scale; n++)
        {
            text.Append(CultureInfo.InvariantCulture, $"  - id: C{n}\n    number: {n}\n    title: Capitolo {n} del piano strategico\n");
            text.Append("    body: |\n      Il Piano strategico conferma l'impianto del Piano precedente e ne aggiorna i contenuti, ")
                .Append("alla luce delle mutate condizioni di contesto e dei **nuovi obiettivi** individuati.\n");
            if (n <= sections.Length)
            {
                text.Append(CultureInfo.InvariantCulture, $"    sections: [{sections[n - 1]}]\n");
            }
        }

        return text.ToString();
    }

    private static string Process(int scale)
    {
        var text = new StringBuilder("process:\n");
        for (var n = 1; n <= 3 * scale; n++)
        {
            text.Append(CultureInfo.InvariantCulture, $"  - id: fase-{n}\n    number: {n}\n    title: Costruzione proposta di Piano {n}\n");
            text.Append("    period: { from: 2024-12, to: 2025-02 }\n");
        }

        return text.ToString();
    }

    private static string Vision(int scale)
    {
        var text = new StringBuilder("vision:\n");
        for (var n = 1; n <= 5 * scale; n++)
        {
            text.Append(CultureInfo.InvariantCulture, $"  - id: pilastro-{n}\n    name: Prossimità {n}\n    definition: capacità di avvicinare, nel tempo e/o nello spazio\n");
        }

        return text.ToString();
    }

    private static string Missions(int first, int last)
    {
        var text = new StringBuilder("missions:\n");
        for (var m = first; m <= last; m++)
        {
            text.Append(CultureInfo.InvariantCulture, $"  - id: M{m}\n    number: {m}\n    title: Infrastrutture per una mobilità sostenibile {m}\n");
            if (m > 12)
            {
                // Past the theme's twelve colours, a colour of its own: channels below 0x60 keep white text at AA.
                text.Append(CultureInfo.InvariantCulture, $"    color: \"#{m * 37 % 96:x2}{m * 61 % 96:x2}{m * 89 % 96:x2}\"\n");
            }

            text.Append("    objectives:\n");
            for (var o = 1; o <= ObjectivesPerMission[(m - 1) % 6]; o++)
            {
                text.Append(CultureInfo.InvariantCulture, $"      - {{ id: M{m}.{o}, text: \"Estendere le linee di **trasporto rapido di massa** {o}\" }}\n");
            }
        }

        return text.ToString();
    }

    // Ten drivers for every six missions, as in the shipped plan; together they cite every objective.
    private static string Drivers(int first, int last)
    {
        var text = new StringBuilder("drivers:\n");
        for (var block = (first - 1) / 6; block <= (last - 1) / 6; block++)
        {
            for (var d = 1; d <= 10; d++)
            {
                var number = block * 10 + d;
                var mission = block * 6 + ((d - 1) % 6) + 1;
                var objectives = Enumerable.Range(1, ObjectivesPerMission[(mission - 1) % 6]).Select(o => $"M{mission}.{o}");
                text.Append(CultureInfo.InvariantCulture, $"  - id: D{number}\n    number: {number}\n    name: Il diritto alla mobilità {number}\n");
                text.Append("    subtitle: Città metropolitana interconnessa e multimodale\n");
                text.Append("    description: >-\n      L'azione di Città metropolitana punta a migliorare l'efficacia e l'efficienza degli\n")
                    .Append("      spostamenti di persone e merci, attraverso il potenziamento del trasporto pubblico\n");
                text.Append(CultureInfo.InvariantCulture, $"    missions: [M{mission}]\n    objectives: [{string.Join(", ", objectives)}]\n");
            }
        }

        return text.ToString();
    }
}
