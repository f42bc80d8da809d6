using Pstm.Diagnostics;
using Pstm.Plan.Schema;
using Pstm.Plan.Translation;

namespace Pstm.Plan.Tests;

/// <summary><c>publication:</c> of plan.yaml: read with every value's place, checked, warned about when missing, translated.</summary>
public class PublicationTests
{
    private const string Head = "id: p\ntitle: Piano\nentity: Ente\nperiod: { from: 2025, to: 2027 }\nlanguage: it\n";

    private const string Complete = Head + """
        keywords: [piano strategico, agenda]
        publication:
          date: 2025-07-15
          approval:
            body: Consiglio metropolitano
            act: Deliberazione n. 27
            date: 2025-06-18
          credits:
            - role: Coordinamento editoriale
              name: Ufficio di piano
            - role: Progetto grafico
              name: Studio Esempio
          contacts:
            address: Via Esempio 1, Milano
            email: piano@example.org
            phone: "+39 02 1234 5678"
            website: https://www.example.org
          licence:
            name: CC BY 4.0
            url: https://creativecommons.org/licenses/by/4.0/
          url: https://www.example.org/piano.pdf

        """;

    private static PlanCheck Check(string planYaml, string? translations = null)
    {
        using var folder = new TemporaryFolder("pstm-publication-");
        File.WriteAllText(Path.Combine(folder.Path, "plan.yaml"), planYaml);
        if (translations is not null)
        {
            Directory.CreateDirectory(Path.Combine(folder.Path, "translations"));
            File.WriteAllText(Path.Combine(folder.Path, "translations", "en.yaml"), translations);
        }

        return PlanCheck.Run(folder.Path, folder.Path);
    }

    [Theory]
    [InlineData("date: 2025-07-15")]
    [InlineData("date: \"2025-07-15\"")]
    [InlineData("date: '2025-07-15'")]
    public void A_date_is_read_quoted_or_not(string line)
    {
        // Quoted, a date is a string to YAML 1.1 tools too (ajv with js-yaml reads a bare one as a timestamp); pstm reads both.
        var check = Check(Head + "publication:\n  " + line + "\n");

        Assert.Equal(new DateOnly(2025, 7, 15), check.Plan!.Publication!.Date!.Value.Value);
    }

    [Fact]
    public void Every_field_is_read_with_the_line_and_column_it_is_written_at()
    {
        var check = Check(Complete);

        Assert.DoesNotContain(check.Diagnostics, d => d.Severity is Severity.Error or Severity.Warning);
        var publication = check.Plan!.Publication!;
        Assert.Equal(new DateOnly(2025, 7, 15), publication.Date!.Value.Value);
        Assert.Equal((8, 9), (publication.Date.Value.Span.StartLine, publication.Date.Value.Span.StartColumn));
        Assert.Equal(("Consiglio metropolitano", "Deliberazione n. 27"), (publication.Approval!.Body, publication.Approval.Act));
        Assert.Equal((new DateOnly(2025, 6, 18), 12), (publication.Approval.Date!.Value.Value, publication.Approval.Date.Value.Span.StartLine));
        Assert.Equal(["Coordinamento editoriale: Ufficio di piano", "Progetto grafico: Studio Esempio"], publication.Credits.Select(c => $"{c.Role}: {c.Name}"));
        Assert.Equal(16, publication.Credits[1].Span.StartLine);
        Assert.Equal("Via Esempio 1, Milano", publication.Contacts!.Address);
        Assert.Equal(("piano@example.org", 20, 12), (publication.Contacts.Email!.Value.Value, publication.Contacts.Email.Value.Span.StartLine, publication.Contacts.Email.Value.Span.StartColumn));
        Assert.Equal(("+39 02 1234 5678", 21), (publication.Contacts.Phone!.Value.Value, publication.Contacts.Phone.Value.Span.StartLine));
        Assert.Equal(("https://www.example.org", 22), (publication.Contacts.Website!.Value.Value, publication.Contacts.Website.Value.Span.StartLine));
        Assert.Equal("CC BY 4.0", publication.Licence!.Name);
        Assert.Equal(("https://creativecommons.org/licenses/by/4.0/", 25, 10), (publication.Licence.Url!.Value.Value, publication.Licence.Url.Value.Span.StartLine, publication.Licence.Url.Value.Span.StartColumn));
        Assert.Equal(("https://www.example.org/piano.pdf", 26, 8), (publication.Url!.Value.Value, publication.Url.Value.Span.StartLine, publication.Url.Value.Span.StartColumn));
    }

    [Theory]
    [InlineData("date: 2025-02-30", 7, "'date' of the plan's publication must be a date")]
    [InlineData("approval: { body: B, act: A, date: 18/06/2025 }", 7, "'date' of the plan's approval must be a date")]
    [InlineData("url: ftp://example.org/piano.pdf", 7, "'url' of the plan's publication must be an http or https address")]
    [InlineData("url: javascript:alert(1)", 7, "'url' of the plan's publication must be an http or https address")]
    [InlineData("url: https://", 7, "'url' of the plan's publication must be an http or https address")]
    [InlineData("licence: { name: CC BY 4.0, url: mailto:x@example.org }", 7, "'url' of the plan's licence must be an http or https address")]
    [InlineData("contacts: { website: www.example.org }", 7, "'website' of the plan's contacts must be an http or https address")]
    [InlineData("contacts: { email: piano@example }", 7, "'email' of the plan's contacts must be an e-mail address")]
    [InlineData("contacts: { email: Piano <piano@example.org> }", 7, "'email' of the plan's contacts must be an e-mail address")]
    [InlineData("contacts: { phone: centralino }", 7, "'phone' of the plan's contacts must be a phone number")]
    public void A_malformed_value_is_PSTM0305_at_its_line(string entry, int line, string message)
    {
        var check = Check(Head + "publication:\n  " + entry + "\n");

        var found = Assert.Single(check.Diagnostics, d => d.Code == "PSTM0305");
        Assert.Equal(line, found.Span.StartLine);
        Assert.StartsWith(message, found.Message, StringComparison.Ordinal);

        // The part written wrong is reported where it is written, not again as missing.
        var missing = entry.Split(':')[0] switch
        {
            "date" => "no publication date",
            "approval" => "no approving act",
            "licence" => "no licence",
            "contacts" => "no contacts",
            _ => "no address where",
        };
        Assert.DoesNotContain(check.Diagnostics, d => d.Code == "PSTM0417" && d.Message.Contains(missing, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("publication:\n  licenze: { name: CC BY 4.0 }\n", "licence")]
    [InlineData("publication:\n  contacts: { mail: piano@example.org }\n", "email")]
    [InlineData("publication:\n  approval: { body: B, act: A, date: 2025-06-18, acts: 27 }\n", "act")]
    public void A_misspelt_key_is_PSTM0301_with_did_you_mean(string yaml, string suggestion)
    {
        var check = Check(Head + yaml);

        var found = Assert.Single(check.Diagnostics, d => d.Code == "PSTM0301");
        Assert.Contains($"Did you mean '{suggestion}'?", found.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Each_part_left_out_is_one_warning_at_the_plans_top_mapping()
    {
        var check = Check("# a comment first\n" + Head + "publication:\n  contacts:\n    website: https://www.example.org\n");

        var warnings = check.Diagnostics.Where(d => d.Code == "PSTM0417").ToList();
        Assert.Equal(5, warnings.Count);
        Assert.All(warnings, w => Assert.Equal((Severity.Warning, 2, 1), (w.Severity, w.Span.StartLine, w.Span.StartColumn)));
        Assert.Contains(warnings, w => w.Message.StartsWith("the plan states no publication date", StringComparison.Ordinal) && w.Hint!.Contains("date: 2025-07-15", StringComparison.Ordinal));
        Assert.Contains(warnings, w => w.Message.StartsWith("the plan states no approving act", StringComparison.Ordinal));
        Assert.Contains(warnings, w => w.Message.StartsWith("the plan states no credits", StringComparison.Ordinal));
        Assert.Contains(warnings, w => w.Message.StartsWith("the plan states no licence", StringComparison.Ordinal));
        Assert.Contains(warnings, w => w.Message.StartsWith("the plan states no address", StringComparison.Ordinal));
        Assert.DoesNotContain(warnings, w => w.Message.Contains("no contacts", StringComparison.Ordinal));
    }

    [Fact]
    public void A_plan_without_publication_gets_one_info_and_no_warning()
    {
        var check = Check("# a comment first\n" + Head);

        var info = Validation.PublicationRules.Unstated(check.Plan!);
        Assert.NotNull(info);
        Assert.Equal(("PSTM0418", Severity.Info, 2, 1), (info.Code, info.Severity, info.Span.StartLine, info.Span.StartColumn));
        Assert.Contains("publication: {", info.Hint, StringComparison.Ordinal);
        Assert.DoesNotContain(check.Diagnostics, d => d.Code is "PSTM0417" or "PSTM0418");
        Assert.Null(Validation.PublicationRules.Unstated(Check(Complete).Plan!));
    }

    [Fact]
    public void The_shipped_plan_states_only_the_entitys_website_and_is_warned_about_the_rest()
    {
        var check = PlanCheck.Run(Path.Combine(Golden.RepositoryRoot, "plan"), Golden.RepositoryRoot);

        var publication = check.Plan!.Publication!;
        Assert.Equal("https://www.cittametropolitana.mi.it", publication.Contacts!.Website!.Value.Value);
        Assert.Null(publication.Date);
        Assert.Null(publication.Approval);
        Assert.Equal(5, check.Diagnostics.Count(d => d.Code == "PSTM0417"));
    }

    [Fact]
    public void Keywords_approval_and_credit_roles_are_translatable()
    {
        static string Entry(string key, string source, string text) =>
            $"  {key}:\n    source: {TranslatableField.HashOf(source)}\n    text: {TranslationWriter.Quote(text)}\n";
        var translations = "language: en\nentries:\n"
            + Entry("plan.title", "Piano", "Plan")
            + Entry("plan.entity", "Ente", "Authority")
            + Entry("plan.keywords.1", "piano strategico", "strategic plan")
            + Entry("plan.keywords.2", "agenda", "agenda")
            + Entry("publication.approval.body", "Consiglio metropolitano", "Metropolitan Council")
            + Entry("publication.approval.act", "Deliberazione n. 27", "Resolution no. 27")
            + Entry("publication.credits.1.role", "Coordinamento editoriale", "Editorial coordination")
            + Entry("publication.credits.2.role", "Progetto grafico", "Graphic design");
        var check = Check(Complete.Replace("language: it\n", "language: it\nlocales: [it, en]\n", StringComparison.Ordinal), translations);
        var fields = TranslatableFields.Of(check.Plan!).Select(f => f.Key).ToList();
        var diagnostics = new DiagnosticBag();

        using var folder = new TemporaryFolder("pstm-publication-en-");
        Directory.CreateDirectory(Path.Combine(folder.Path, "translations"));
        File.WriteAllText(Path.Combine(folder.Path, "translations", "en.yaml"), translations);
        var (english, status) = Translator.Apply(check.Plan!, TranslationFile.Load(folder.Path, "en", folder.Path, diagnostics), strict: true, diagnostics);

        Assert.Contains("plan.keywords.2", fields);
        Assert.Contains("publication.credits.2.role", fields);
        Assert.Equal(0, diagnostics.Count);
        Assert.Equal(status.Total, status.Translated);
        Assert.Equal(["strategic plan", "agenda"], english.Keywords);
        Assert.Equal(("Metropolitan Council", "Resolution no. 27"), (english.Publication!.Approval!.Body, english.Publication.Approval.Act));
        Assert.Equal(["Editorial coordination", "Graphic design"], english.Publication.Credits.Select(c => c.Role));
        Assert.Equal("Studio Esempio", english.Publication.Credits[1].Name);
        Assert.Equal(["piano strategico", "agenda"], check.Plan!.Keywords);
    }

    [Fact]
    public void The_format_describes_publication_as_its_reader_reads_it()
    {
        var publication = PlanFormat.PlanFile.Single(f => f.Key == "publication").Fields!;

        Assert.Equal(["date", "approval", "credits", "contacts", "licence", "url"], publication.Select(f => f.Key));
        Assert.Contains("\"publication\"", JsonSchemaWriter.PlanSchema(), StringComparison.Ordinal);
    }
}
