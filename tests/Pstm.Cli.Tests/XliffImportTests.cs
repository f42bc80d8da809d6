using System.Text.RegularExpressions;
using System.Xml.Linq;
using Pstm.Plan.Translation;

namespace Pstm.Cli.Tests;

/// <summary>What <c>pstm i18n import</c> takes from an XLIFF file, what it refuses, and that extract and import agree.</summary>
public partial class XliffImportTests
{
    private const string TitleTarget = "<target>Three-year strategic plan for the metropolitan territory 2025-2027</target>";

    [Fact]
    public void Only_targets_marked_translated_reviewed_or_final_are_imported_the_rest_are_reported_and_stay_missing()
    {
        // Given a French XLIFF whose every target is the Italian source copied over, in state initial
        // (what a tool's "copy source to target" does), but for three units marked done.
        using var xliff = new ExtractedXliff("fr");
        var document = XDocument.Parse(xliff.Text, LoadOptions.PreserveWhitespace);
        var segments = document.Descendants(Xliff.Ns + "segment").ToList();
        foreach (var segment in segments)
        {
            segment.Add(new XElement(Xliff.Ns + "target", segment.Element(Xliff.Ns + "source")!.Nodes()));
        }

        segments[0].SetAttributeValue("state", "translated");
        segments[1].SetAttributeValue("state", "reviewed");
        segments[2].SetAttributeValue("state", "final");
        segments[3].SetAttributeValue("state", null);
        document.Save(xliff.Path);

        // When
        var (exitCode, output, _) = xliff.Import();
        var (_, status, _) = CliRunner.Run($"i18n status {xliff.Plan.FullName}");

        // Then
        Assert.Equal(ExitCodes.Success, exitCode);
        Assert.Equal(segments.Count - 3, LocatedWarning0814().Count(output));
        Assert.Contains("in state 'initial (no state)'", output);
        Assert.Matches($@"imported 3 translations into \S*fr\.yaml; {segments.Count - 3} units not translated", output);
        Assert.Matches(@"fr\s+105\s+3\s+102\s+0\s+2\.9%", status);
    }

    [Fact]
    public void A_carriage_return_in_a_target_is_a_line_break_in_a_body_and_refused_in_a_title()
    {
        using var xliff = new ExtractedXliff();
        const string approach = "approach\n\nThe Strategic Plan";
        xliff.Text = xliff.Text.Replace(approach, "approach&#xD;&#xA;&#xD;The Strategic Plan", StringComparison.Ordinal);

        Assert.Equal(ExitCodes.Success, xliff.Import().ExitCode);
        Assert.Contains(approach, xliff.Translation("chapters.C1.body"), StringComparison.Ordinal);
        var imported = File.ReadAllBytes(xliff.TranslationPath);

        Assert.Equal(ExitCodes.Success, xliff.Extract().ExitCode);
        Assert.Contains(approach, xliff.Text, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Success, xliff.Import().ExitCode);
        Assert.Equal(imported, File.ReadAllBytes(xliff.TranslationPath));

        // A title is one line: a line break there is refused at its unit, and nothing is written.
        xliff.Text = xliff.Text.Replace(TitleTarget, "<target>Three-year&#xD;strategic plan</target>", StringComparison.Ordinal);
        var (exitCode, output, _) = xliff.Import();
        Assert.Equal(ExitCodes.InputErrors, exitCode);
        Assert.Matches(@"\.xlf\(\d+,\d+\): error PSTM0111: the target of unit 'plan\.title' holds a line break", output);
        Assert.Equal(imported, File.ReadAllBytes(xliff.TranslationPath));
    }

    [Fact]
    public void Asterisks_written_in_a_target_stay_asterisks_and_extract_import_extract_gives_the_same_file()
    {
        using var xliff = new ExtractedXliff();
        xliff.Text = xliff.Text.Replace(
            TitleTarget,
            "<target>2 ** 3 is **not** bold, <pc id=\"1\" type=\"fmt\" subType=\"xlf:b\">this is</pc></target>",
            StringComparison.Ordinal);
        var written = xliff.Text;

        Assert.Equal(ExitCodes.Success, xliff.Import().ExitCode);
        var translation = xliff.Translation("plan.title");
        Assert.Equal(@"2 \*\* 3 is \*\*not\*\* bold, **this is**", translation);
        Assert.Equal("2 ** 3 is **not** bold, this is", Pstm.Plan.Text.PlainText.Of(translation));

        Assert.Equal(ExitCodes.Success, xliff.Extract().ExitCode);
        Assert.Equal(written, xliff.Text);
    }

    [Theory]
    [InlineData("Three-year <pc id=\"1\" type=\"fmt\" subType=\"xlf:b\">strategic <pc id=\"2\" type=\"fmt\" subType=\"xlf:b\">plan</pc></pc>", "<pc id=\"2\"")]
    [InlineData("Three-year <pc id=\"1\" type=\"link\">strategic plan</pc>", "<pc id=\"1\"")]
    [InlineData("Three-year <ph id=\"1\"/> strategic plan", "<ph")]
    public void Inline_markup_that_markdown_cannot_hold_is_refused_where_it_is_never_flattened(string target, string element)
    {
        using var xliff = new ExtractedXliff();
        xliff.Text = xliff.Text.Replace(TitleTarget, $"<target>{target}</target>", StringComparison.Ordinal);
        var before = xliff.Snapshot();

        var (exitCode, output, _) = xliff.Import();

        Assert.Equal(ExitCodes.InputErrors, exitCode);
        Assert.Contains($"({xliff.LineOf(element)},", output.Split('\n').Single(l => l.Contains("error PSTM0815", StringComparison.Ordinal)));
        Assert.Equal(before, xliff.Snapshot());
    }

    [Fact]
    public void A_repeated_unit_id_is_an_error_at_the_second_unit()
    {
        using var xliff = new ExtractedXliff();
        var document = XDocument.Parse(xliff.Text, LoadOptions.PreserveWhitespace);
        var title = document.Descendants(Xliff.Ns + "unit").First();
        title.AddAfterSelf(new XElement(title));
        document.Save(xliff.Path);
        var second = xliff.Text.IndexOf("<unit id=\"plan.title\">", xliff.Text.IndexOf("<unit id=\"plan.title\">", StringComparison.Ordinal) + 1, StringComparison.Ordinal);
        var line = xliff.Text[..second].Count(c => c == '\n') + 1;
        var before = xliff.Snapshot();

        var (exitCode, output, _) = xliff.Import();

        Assert.Equal(ExitCodes.InputErrors, exitCode);
        Assert.Matches($@"\({line},\d+\): error PSTM0816: unit 'plan.title' comes a second time", output);
        Assert.Equal(before, xliff.Snapshot());
    }

    [Fact]
    public void A_unit_of_another_namespace_is_reported_where_it_is_and_not_imported()
    {
        using var xliff = new ExtractedXliff();
        xliff.Text = xliff.Text
            .Replace("<unit id=\"plan.title\">", "<unit id=\"plan.title\" xmlns=\"urn:example:other\">", StringComparison.Ordinal)
            .Replace(TitleTarget, "<target>Not this one</target>", StringComparison.Ordinal);

        var (exitCode, output, _) = xliff.Import();

        Assert.Equal(ExitCodes.Success, exitCode);
        Assert.Matches($@"\({xliff.LineOf("<unit id=\"plan.title\"")},\d+\): warning PSTM0817: <unit> is of namespace 'urn:example:other'", output);
        Assert.Equal("Three-year strategic plan for the metropolitan territory 2025-2027", xliff.Translation("plan.title"));
    }

    [Fact]
    public void Past_a_thousand_warnings_the_rest_are_cut_and_the_file_still_imports()
    {
        using var xliff = new ExtractedXliff();
        var foreign = string.Concat(Enumerable.Repeat("<x:extra xmlns:x=\"urn:example:other\"/>\n", 1001));
        xliff.Text = xliff.Text.Replace("<file id=\"f1\" original=\"psttm-2025-2027\">", "<file id=\"f1\" original=\"psttm-2025-2027\">" + foreign, StringComparison.Ordinal);

        var (exitCode, output, _) = xliff.Import();

        Assert.Equal(ExitCodes.Success, exitCode);
        Assert.Equal(1000, output.Split('\n').Count(l => l.Contains(": warning PSTM0817: ", StringComparison.Ordinal)));
        Assert.Contains(": warning PSTM0013: ", output);
    }

    [Theory]
    [InlineData("it")]
    [InlineData("fr")]
    public void A_target_language_that_is_the_source_or_undeclared_is_refused_at_its_attribute(string language)
    {
        using var xliff = new ExtractedXliff();
        xliff.Text = xliff.Text.Replace("trgLang=\"en\"", $"trgLang=\"{language}\"", StringComparison.Ordinal);
        var before = xliff.Snapshot();

        var (exitCode, output, _) = xliff.Import();

        Assert.Equal(ExitCodes.InputErrors, exitCode);
        Assert.Matches($@"\(2,\d+\): error PSTM0807: the file translates into '{language}'", output);
        Assert.Equal(before, xliff.Snapshot());
    }

    [Fact]
    public void A_file_larger_than_the_limit_is_refused_before_it_is_read()
    {
        using var xliff = new ExtractedXliff();
        using (var file = new FileStream(xliff.Path, FileMode.Create))
        {
            file.SetLength((64L * 1024 * 1024) + 1); // the limit the README gives
        }

        var (exitCode, output, _) = xliff.Import();

        Assert.Equal(ExitCodes.InputErrors, exitCode);
        Assert.Matches(@"\(1,1\): error PSTM0010: the file is larger than 64 MiB", output);
    }

    [Fact]
    public void Extracting_a_locale_the_plan_does_not_declare_is_an_error_and_writes_nothing()
    {
        var output = Path.Combine(Path.GetTempPath(), $"pstm-{Guid.NewGuid():N}.xlf");

        var (undeclared, text, _) = CliRunner.Run($"i18n extract {{plan}} --locale fr -o {output}");
        var (source, _, error) = CliRunner.Run($"i18n extract {{plan}} --locale it -o {output}");

        Assert.Equal(ExitCodes.InputErrors, undeclared);
        Assert.Matches(@"plan\.yaml\(\d+,\d+\): error PSTM0701: the plan declares no locale 'fr'", text);
        Assert.Equal(ExitCodes.Usage, source);
        Assert.Contains("'it' is the plan's source language", error);
        Assert.False(File.Exists(output));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_file_a_tool_pretty_printed_imports_every_translation_unchanged_and_current(bool evenWherePreserved)
    {
        // Given the English XLIFF, whose body of chapter C1 has bold at the start of a paragraph and in a
        // list, once imported and extracted again (so that the plan holds it as the file does).
        using var xliff = new ExtractedXliff();
        var start = xliff.Text.IndexOf("<target xml:space=\"preserve\">## Strategic plan", StringComparison.Ordinal);
        var end = xliff.Text.IndexOf("</target>", start, StringComparison.Ordinal) + "</target>".Length;
        xliff.Text = xliff.Text[..start]
            + "<target xml:space=\"preserve\">## Strategic plan 2025-2027: approach\n\n<pc id=\"1\" type=\"fmt\" subType=\"xlf:b\">The Strategic Plan</pc> confirms:\n\n"
            + "- <pc id=\"2\" type=\"fmt\" subType=\"xlf:b\">the missions</pc>,\n- the drivers.\n\nA last paragraph.</target>"
            + xliff.Text[end..];
        Assert.Equal(ExitCodes.Success, xliff.Import().ExitCode);
        const string body = "## Strategic plan 2025-2027: approach\n\n**The Strategic Plan** confirms:\n\n- **the missions**,\n- the drivers.\n\nA last paragraph.";
        Assert.Equal(body, xliff.Translation("chapters.C1.body"));
        Assert.Equal(ExitCodes.Success, xliff.Extract().ExitCode);
        var translations = File.ReadAllBytes(xliff.TranslationPath);

        // When a tool reindents the mixed content of every source and target, as pretty-printers do
        // ("Support the \n          **digital transition**\n        "), and the file is imported.
        xliff.Text = PrettyPrinted(xliff.Text, evenWherePreserved);
        Assert.Contains("<target>\n          Support the \n          <pc id=\"1\" type=\"fmt\" subType=\"xlf:b\">digital transition</pc>\n        </target>", xliff.Text);
        var (exitCode, output, _) = xliff.Import();
        var (_, status, _) = CliRunner.Run($"i18n status {xliff.Plan.FullName}");

        // Then every translation is as it was, recorded as a translation of the plan's text.
        Assert.Equal(ExitCodes.Success, exitCode);
        Assert.DoesNotContain("PSTM0830", output);
        Assert.Matches(@"imported 105 translations into \S*en\.yaml\n", output);
        Assert.Matches(@"en\s+105\s+105\s+0\s+0\s+100\.0%", status);
        Assert.Equal(body, xliff.Translation("chapters.C1.body"));
        Assert.Equal(translations, File.ReadAllBytes(xliff.TranslationPath));
    }

    [Fact]
    public void A_unit_whose_source_changed_since_it_was_extracted_is_imported_stale_with_a_warning_at_the_unit()
    {
        // Given an XLIFF extracted before objective M1.1 was reworded, its target marked translated.
        using var xliff = new ExtractedXliff();
        var missions = Path.Combine(xliff.Plan.FullName, "missions.yaml");
        File.WriteAllText(missions, File.ReadAllText(missions).Replace(
            "text: \"Sostenere la **transizione digitale**\"", "text: \"Sostenere la **transizione digitale** delle imprese\"", StringComparison.Ordinal));
        xliff.Text = xliff.Text.Replace(
            "<target>Support the <pc id=\"1\" type=\"fmt\" subType=\"xlf:b\">digital transition</pc></target>",
            "<target>Support the <pc id=\"1\" type=\"fmt\" subType=\"xlf:b\">digital transformation</pc></target>",
            StringComparison.Ordinal);

        // When
        var (exitCode, output, _) = xliff.Import();
        var (_, status, _) = CliRunner.Run($"i18n status {xliff.Plan.FullName}");

        // Then the target is imported, as a translation of the text the file had, not of the plan's.
        Assert.Equal(ExitCodes.Success, exitCode);
        Assert.Matches(
            $@"{Regex.Escape(Path.GetFileName(xliff.Path))}\({xliff.LineOf("<unit id=\"objectives.M1.1.text\">")},\d+\): warning PSTM0830: the source of unit 'objectives\.M1\.1\.text' is not the plan's text",
            output);
        Assert.Contains("imported 105 translations", output);
        Assert.Contains("1 of them stale", output);
        Assert.Matches(@"en\s+105\s+104\s+0\s+1\s+99\.0%", status);
        var entry = TranslationFile.Load(xliff.Plan.FullName, "en", xliff.Plan.FullName, new Pstm.Diagnostics.DiagnosticBag()).Entries["objectives.M1.1.text"];
        Assert.Equal("Support the **digital transformation**", entry.Text);
        Assert.Equal(TranslatableField.HashOf("Sostenere la **transizione digitale**"), entry.SourceHash);
    }

    [Fact]
    public void A_source_a_tool_changed_in_the_file_is_no_reason_to_record_its_hash_as_current()
    {
        // Given an XLIFF whose source of plan.title a tool rewrote (the plan's title is unchanged).
        using var xliff = new ExtractedXliff();
        xliff.Text = xliff.Text.Replace(
            "<source>Piano strategico triennale del territorio metropolitano 2025-2027</source>",
            "<source>Piano strategico triennale 2025-2027</source>",
            StringComparison.Ordinal);

        var (exitCode, output, _) = xliff.Import();

        Assert.Equal(ExitCodes.Success, exitCode);
        Assert.Contains("warning PSTM0830: the source of unit 'plan.title'", output);
        var entry = TranslationFile.Load(xliff.Plan.FullName, "en", xliff.Plan.FullName, new Pstm.Diagnostics.DiagnosticBag()).Entries["plan.title"];
        Assert.Equal(TranslatableField.HashOf("Piano strategico triennale 2025-2027"), entry.SourceHash);
        Assert.NotEqual(TranslatableField.HashOf("Piano strategico triennale del territorio metropolitano 2025-2027"), entry.SourceHash);
    }

    [Fact]
    public void White_space_in_a_one_line_target_is_one_space_and_the_ends_of_every_target_are_trimmed()
    {
        using var xliff = new ExtractedXliff();
        xliff.Text = xliff.Text.Replace(TitleTarget, "<target>  Three-year \t strategic\n   plan  </target>", StringComparison.Ordinal);

        Assert.Equal(ExitCodes.Success, xliff.Import().ExitCode);
        Assert.Equal("Three-year strategic plan", xliff.Translation("plan.title"));
    }

    /// <summary>
    /// The file as a library that pretty-prints mixed content writes it: in every source and target (those
    /// marked xml:space="preserve" too when <paramref name="evenWherePreserved"/>), a line break and an
    /// indentation before each child, and before the end tag.
    /// </summary>
    private static string PrettyPrinted(string xliff, bool evenWherePreserved)
    {
        var document = XDocument.Parse(xliff, LoadOptions.PreserveWhitespace);
        var texts = document.Descendants().Where(e => e.Name.LocalName is "source" or "target")
            .Where(e => evenWherePreserved || ((string?)e.Attribute(XNamespace.Xml + "space") != "preserve" && e.HasElements))
            .ToList();
        foreach (var text in texts)
        {
            Reindent(text, text.Ancestors().Count() + 1);
        }

        return "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n" + document.Root!.ToString(SaveOptions.DisableFormatting) + "\n";
    }

    private static void Reindent(XElement element, int depth)
    {
        foreach (var child in element.Nodes().ToList())
        {
            child.AddBeforeSelf(new XText("\n" + new string(' ', 2 * depth)));
            if (child is XElement { HasElements: true } inner)
            {
                Reindent(inner, depth + 1);
            }
        }

        element.Add(new XText("\n" + new string(' ', 2 * (depth - 1))));
    }

    [GeneratedRegex(@"\(\d+,\d+\): warning PSTM0814: unit '[^']+' has a target in state")]
    private static partial Regex LocatedWarning0814();
}
