using System.Text.RegularExpressions;
using Pstm.Diagnostics;
using Pstm.Plan;
using Pstm.Plan.Translation;

namespace Pstm.Cli.Tests;

/// <summary>
/// <c>pstm i18n extract --format po</c> and <c>pstm i18n import FILE.po</c>, proved against GNU gettext:
/// msgfmt accepts what pstm writes, and what msgcat, msgen, msgfilter and msgmerge make of it (rewrapped,
/// filled, merged) comes back whole. Without gettext these tests fail (<see cref="Gettext"/>).
/// </summary>
public partial class PoTests
{
    private const string TitleEntry = "msgstr \"Three-year strategic plan for the metropolitan territory 2025-2027\"";

    [Fact]
    public void The_extracted_po_passes_msgfmt_check_and_names_each_field_as_the_xliff_unit_does()
    {
        using var plan = TemporaryPlan.Shipped();
        using var beside = new TemporaryFolder();
        var po = Path.Combine(beside.Path, "en.po");
        var xliff = Path.Combine(beside.Path, "en.xlf");
        Assert.Equal(ExitCodes.Success, CliRunner.Run($"i18n extract {plan.Path} --locale en --format po -o {po}").ExitCode);
        Assert.Equal(ExitCodes.Success, CliRunner.Run($"i18n extract {plan.Path} --locale en -o {xliff}").ExitCode);

        var (exitCode, _, error) = Gettext.Run(beside.Path, "msgfmt", "--check", "--statistics", "-o", "/dev/null", po);

        Assert.True(exitCode == 0, error);
        Assert.Equal("105 translated messages.\n", error);
        var text = File.ReadAllText(po);
        Assert.Equal(
            System.Xml.Linq.XDocument.Load(xliff).Descendants(Xliff.Ns + "unit").Select(u => (string)u.Attribute("id")!),
            Msgctxt().Matches(text).Select(m => m.Groups[1].Value));
        Assert.Contains("\"Project-Id-Version: psttm-2025-2027\\n\"\n", text);
        Assert.Contains("\"Language: en\\n\"\n", text);
        Assert.Contains("\"Content-Type: text/plain; charset=UTF-8\\n\"\n", text);
        Assert.Contains("\"Plural-Forms: nplurals=2; plural=(n != 1);\\n\"\n", text);
        Assert.Contains("\"X-Source-Language: it\\n\"\n", text);
        Assert.Contains(
            "#. objective M1.1, field text (missions.yaml:9)\n"
            + "#. a strategic objective of mission M1: Digitalizzazione, innovazione, competitività, cultura e turismo\n"
            + "#. source hash 343195cf06a7\n"
            + "#: missions.yaml:9\n"
            + "msgctxt \"objectives.M1.1.text\"\n"
            + "msgid \"Sostenere la **transizione digitale**\"\n"
            + "msgstr \"Support the **digital transition**\"\n",
            text);
        Assert.Contains("msgid \"\"\n\"## Piano strategico 2025-2027: impostazione\\n\"\n\"\\n\"\n\"Il Piano strategico (PSTTM)", text);

        // Wrapped and escaped as gettext's own tools write it: msgcat changes nothing.
        Assert.Equal(text, Gettext.Succeed(beside.Path, "msgcat", po));
    }

    [Fact]
    public void Extract_then_import_with_no_change_leaves_every_plan_file_byte_identical()
    {
        using var plan = TemporaryPlan.Shipped();
        using var beside = new TemporaryFolder();
        var before = Snapshot(plan.Path);
        var po = Path.Combine(beside.Path, "en.po");

        Assert.Equal(ExitCodes.Success, CliRunner.Run($"i18n extract {plan.Path} --locale en -o {po}").ExitCode);
        var (exitCode, output, _) = CliRunner.Run($"i18n import {plan.Path} {po}");

        Assert.Equal(ExitCodes.Success, exitCode);
        Assert.Matches(@"imported 105 translations into \S*en\.yaml\n", output);
        Assert.Equal(before, Snapshot(plan.Path));
    }

    [Fact]
    public void Translations_filled_by_gettext_tools_then_merged_by_msgmerge_import_whole_and_current()
    {
        // Given a French PO, filled by gettext's tools and rewrapped narrow, as a translator's tool may save it.
        using var plan = TemporaryPlan.Shipped();
        using var beside = new TemporaryFolder();
        Assert.Equal(ExitCodes.Success, CliRunner.Run($"i18n add fr {plan.Path}").ExitCode);
        var translated = Translated(plan, beside);
        Assert.Contains(File.ReadAllLines(translated), l => l.Length > 4 && l.Length <= 32 && l.StartsWith('"'));

        // When it is imported, then merged with msgmerge against a fresh extract and imported again.
        var (first, firstOutput, _) = CliRunner.Run($"i18n import {plan.Path} {translated}");
        var imported = File.ReadAllBytes(plan.FileOf("translations/fr.yaml"));
        var fresh = Path.Combine(beside.Path, "fresh.po");
        Assert.Equal(ExitCodes.Success, CliRunner.Run($"i18n extract {plan.Path} --locale fr -o {fresh}").ExitCode);
        var merged = Path.Combine(beside.Path, "merged.po");
        Gettext.Succeed(beside.Path, "msgmerge", "--quiet", "--previous", "-o", merged, translated, fresh);
        var (second, secondOutput, _) = CliRunner.Run($"i18n import {plan.Path} {merged}");
        var (_, status, _) = CliRunner.Run($"i18n status {plan.Path}");

        // Then every text is translated, current, and as the tools wrote it.
        Assert.Equal(ExitCodes.Success, first);
        Assert.Matches(@"imported 105 translations into \S*fr\.yaml\n", firstOutput);
        Assert.Equal(ExitCodes.Success, second);
        Assert.Matches(@"imported 105 translations into \S*fr\.yaml\n", secondOutput);
        Assert.DoesNotContain("warning", secondOutput);
        Assert.Matches(@"fr\s+105\s+105\s+0\s+0\s+100\.0%", status);
        Assert.Equal(imported, File.ReadAllBytes(plan.FileOf("translations/fr.yaml")));
        var french = TranslationFile.Load(plan.Path, "fr", plan.Path, new DiagnosticBag()).Entries;
        Assert.All(Fields(plan), field =>
        {
            Assert.Equal("[fr] " + field.Text, french[field.Key].Text);
            Assert.Equal(field.Hash, french[field.Key].SourceHash);
        });
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void An_entry_msgmerge_marks_fuzzy_after_the_source_changed_is_imported_stale_or_not_at_all(bool previous)
    {
        // Given a French PO translated, not yet imported, while objective M1.1 was reworded in the plan.
        using var plan = TemporaryPlan.Shipped();
        using var beside = new TemporaryFolder();
        Assert.Equal(ExitCodes.Success, CliRunner.Run($"i18n add fr {plan.Path}").ExitCode);
        var translated = Translated(plan, beside);
        plan.Edit("missions.yaml", "text: \"Sostenere la **transizione digitale**\"", "text: \"Sostenere la **transizione digitale** delle imprese\"");
        var fresh = Path.Combine(beside.Path, "fresh.po");
        Assert.Equal(ExitCodes.Success, CliRunner.Run($"i18n extract {plan.Path} --locale fr -o {fresh}").ExitCode);
        var merged = Path.Combine(beside.Path, "merged.po");
        Gettext.Succeed(beside.Path, "msgmerge", previous ? ["--quiet", "--previous", "-o", merged, translated, fresh] : ["--quiet", "-o", merged, translated, fresh]);
        var text = File.ReadAllText(merged);
        Assert.Contains("#, fuzzy\n", text);

        // When
        var (exitCode, output, _) = CliRunner.Run($"i18n import {plan.Path} {merged}");
        var (_, status, _) = CliRunner.Run($"i18n status {plan.Path}");

        // Then the fuzzy entry is never current: stale when msgmerge said what it translated, else left out.
        Assert.Equal(ExitCodes.Success, exitCode);
        var at = LineOf(text, "\nmsgctxt \"objectives.M1.1.text\"") + 1;
        var french = TranslationFile.Load(plan.Path, "fr", plan.Path, new DiagnosticBag()).Entries;
        if (previous)
        {
            Assert.Contains($"merged.po({at},1): warning PSTM0831: entry 'objectives.M1.1.text' is marked fuzzy, a translation of an earlier text (#| msgid): it is imported, and counted stale", output);
            Assert.Contains("imported 105 translations", output);
            Assert.Matches(@"fr\s+105\s+104\s+0\s+1\s+99\.0%", status);
            Assert.Equal("[fr] Sostenere la **transizione digitale**", french["objectives.M1.1.text"].Text);
            Assert.Equal(TranslatableField.HashOf("Sostenere la **transizione digitale**"), french["objectives.M1.1.text"].SourceHash);
        }
        else
        {
            Assert.Contains($"merged.po({at},1): warning PSTM0831: entry 'objectives.M1.1.text' is marked fuzzy, and nothing tells which earlier text of this field it translates: it is not imported", output);
            Assert.Contains("imported 104 translations", output);
            Assert.Matches(@"fr\s+105\s+104\s+1\s+0\s+99\.0%", status);
            Assert.False(french.ContainsKey("objectives.M1.1.text"));
        }
    }

    [Fact]
    public void A_stale_translation_is_extracted_fuzzy_kept_stale_while_fuzzy_and_current_once_updated()
    {
        // Given the shipped plan with objective M1.1 reworded: its English translation is stale.
        using var plan = TemporaryPlan.Shipped();
        using var beside = new TemporaryFolder();
        plan.Edit("missions.yaml", "text: \"Sostenere la **transizione digitale**\"", "text: \"Sostenere la **transizione digitale** delle imprese\"");
        var po = Path.Combine(beside.Path, "en.po");
        Assert.Equal(ExitCodes.Success, CliRunner.Run($"i18n extract {plan.Path} --locale en -o {po}").ExitCode);
        var text = File.ReadAllText(po);
        Assert.Contains(
            "#. stale: the source text changed since this was translated\n#: missions.yaml:9\n#, fuzzy\nmsgctxt \"objectives.M1.1.text\"\n"
            + "msgid \"Sostenere la **transizione digitale** delle imprese\"\nmsgstr \"Support the **digital transition**\"\n",
            text);
        Assert.Equal(0, Gettext.Run(beside.Path, "msgfmt", "--check", "-o", "/dev/null", po).ExitCode);
        var before = Entries(plan);

        // When it comes back untouched, it stays stale; once updated and no longer fuzzy, it is current.
        var (untouched, untouchedOutput, _) = CliRunner.Run($"i18n import {plan.Path} {po}");
        Assert.Equal(ExitCodes.Success, untouched);
        Assert.Contains("warning PSTM0831: entry 'objectives.M1.1.text' is marked fuzzy", untouchedOutput);
        Assert.Equal(before, Entries(plan));
        Assert.Matches(@"en\s+105\s+104\s+0\s+1\s+99\.0%", CliRunner.Run($"i18n status {plan.Path}").Out);

        File.WriteAllText(po, text.Replace(
            "#, fuzzy\nmsgctxt \"objectives.M1.1.text\"\nmsgid \"Sostenere la **transizione digitale** delle imprese\"\nmsgstr \"Support the **digital transition**\"\n",
            "msgctxt \"objectives.M1.1.text\"\nmsgid \"Sostenere la **transizione digitale** delle imprese\"\nmsgstr \"Support the **digital transition** of businesses\"\n",
            StringComparison.Ordinal));
        var (updated, updatedOutput, _) = CliRunner.Run($"i18n import {plan.Path} {po}");
        var (_, status, _) = CliRunner.Run($"i18n status {plan.Path}");
        Assert.Equal(ExitCodes.Success, updated);
        Assert.DoesNotContain("warning", updatedOutput);
        Assert.Matches(@"en\s+105\s+105\s+0\s+0\s+100\.0%", status);
    }

    [Fact]
    public void An_entry_whose_msgid_changed_since_extraction_is_imported_stale_with_a_warning_at_its_msgctxt()
    {
        using var plan = TemporaryPlan.Shipped();
        using var beside = new TemporaryFolder();
        var po = Path.Combine(beside.Path, "en.po");
        Assert.Equal(ExitCodes.Success, CliRunner.Run($"i18n extract {plan.Path} --locale en -o {po}").ExitCode);
        plan.Edit("missions.yaml", "text: \"Sostenere la **transizione digitale**\"", "text: \"Sostenere la **transizione digitale** delle imprese\"");
        File.WriteAllText(po, File.ReadAllText(po).Replace("msgstr \"Support the **digital transition**\"", "msgstr \"Support the **digital transformation**\"", StringComparison.Ordinal));

        var (exitCode, output, _) = CliRunner.Run($"i18n import {plan.Path} {po}");

        Assert.Equal(ExitCodes.Success, exitCode);
        Assert.Contains($"en.po({LineOf(File.ReadAllText(po), "\nmsgctxt \"objectives.M1.1.text\"") + 1},1): warning PSTM0830: the source of entry 'objectives.M1.1.text' is not the plan's text", output);
        Assert.Contains("1 of them stale", output);
        var entry = TranslationFile.Load(plan.Path, "en", plan.Path, new DiagnosticBag()).Entries["objectives.M1.1.text"];
        Assert.Equal("Support the **digital transformation**", entry.Text);
        Assert.Equal(TranslatableField.HashOf("Sostenere la **transizione digitale**"), entry.SourceHash);
    }

    [Fact]
    public void Quotes_backslashes_tabs_long_words_and_line_breaks_survive_extract_rewrapping_and_import()
    {
        // Given English translations that hold what PO must escape or wrap with care.
        using var plan = TemporaryPlan.Shipped()
            .Edit(
                "translations/en.yaml",
                "text: \"Support the **digital transition**\"",
                "text: \"Support \\\"the\\\" **digital** C:\\\\dir \\\\*\\\\* Averyveryverylongwordthatnolinebreakcanbeputintobecauseithasnospaceanywhereinsideit, at all\"")
            .Edit(
                "translations/en.yaml",
                "text: \"## Strategic plan 2025-2027: approach\\n\\nThe Strategic Plan",
                "text: \"## Strategic plan 2025-2027: approach\\n\\nA hard break  \\nand\\ta tab\\n\\n- an item\\n  continued\\n\\nThe Strategic Plan");
        using var beside = new TemporaryFolder();
        var english = File.ReadAllBytes(plan.FileOf("translations/en.yaml"));
        var po = Path.Combine(beside.Path, "en.po");
        Assert.Equal(ExitCodes.Success, CliRunner.Run($"i18n extract {plan.Path} --locale en -o {po}").ExitCode);
        Assert.Contains("msgstr \"\"\n\"Support \\\"the\\\" **digital** C:\\\\dir \\\\*\\\\* \"\n\"Averyveryverylongword", File.ReadAllText(po));
        Assert.Contains("\"A hard break  \\n\"\n\"and\\ta tab\\n\"\n", File.ReadAllText(po));
        Assert.Equal(0, Gettext.Run(beside.Path, "msgfmt", "--check", "-o", "/dev/null", po).ExitCode);

        // When a tool rewraps it narrow and it comes back.
        Gettext.Succeed(beside.Path, "msgcat", "--width=20", "-o", "narrow.po", po);
        var (exitCode, output, _) = CliRunner.Run($"i18n import {plan.Path} {Path.Combine(beside.Path, "narrow.po")}");

        // Then every text is as it was, byte for byte.
        Assert.Equal(ExitCodes.Success, exitCode);
        Assert.DoesNotContain("warning", output);
        Assert.Equal(english, File.ReadAllBytes(plan.FileOf("translations/en.yaml")));
    }

    [Fact]
    public void A_po_saved_with_crlf_a_byte_order_mark_and_obsolete_entries_imports_what_is_current()
    {
        using var plan = TemporaryPlan.Shipped();
        using var beside = new TemporaryFolder();
        var po = Path.Combine(beside.Path, "en.po");
        Assert.Equal(ExitCodes.Success, CliRunner.Run($"i18n extract {plan.Path} --locale en -o {po}").ExitCode);
        const string obsolete = "#, fuzzy\n#~ msgctxt \"plan.title\"\n#~ msgid \"Vecchio titolo\"\n#~ msgstr \"Old title\"\n\n";
        var text = File.ReadAllText(po)
            .Replace("msgstr \"Mission\"", "msgstr \"Mission (saved on Windows)\"", StringComparison.Ordinal)
            .Replace("#. plan, field title", obsolete + "#. plan, field title", StringComparison.Ordinal) + "\n" + obsolete;
        File.WriteAllText(po, "\uFEFF" + text.Replace("\n", "\r\n", StringComparison.Ordinal));

        var (exitCode, output, _) = CliRunner.Run($"i18n import {plan.Path} {po}");
        var (_, status, _) = CliRunner.Run($"i18n status {plan.Path}");

        Assert.Equal(ExitCodes.Success, exitCode);
        Assert.DoesNotContain("warning", output);
        Assert.Matches(@"en\s+105\s+105\s+0\s+0\s+100\.0%", status);
        var english = TranslationFile.Load(plan.Path, "en", plan.Path, new DiagnosticBag()).Entries;
        Assert.Equal("Mission (saved on Windows)", english["labels.mission"].Text);
        Assert.Equal("Three-year strategic plan for the metropolitan territory 2025-2027", english["plan.title"].Text);
    }

    [Fact]
    public void A_regional_locale_is_written_as_gettext_writes_it_with_its_plural_forms_and_read_back()
    {
        using var plan = TemporaryPlan.Shipped();
        using var beside = new TemporaryFolder();
        Assert.Equal(ExitCodes.Success, CliRunner.Run($"i18n add pt-BR {plan.Path}").ExitCode);
        var po = Path.Combine(beside.Path, "pt-BR.po");
        Assert.Equal(ExitCodes.Success, CliRunner.Run($"i18n extract {plan.Path} --locale pt-BR -o {po}").ExitCode);
        var text = File.ReadAllText(po);
        Assert.Contains("\"Language: pt_BR\\n\"\n", text);
        Assert.Contains("\"Plural-Forms: nplurals=2; plural=(n > 1);\\n\"\n", text);
        Assert.Equal(0, Gettext.Run(beside.Path, "msgfmt", "--check", "-o", "/dev/null", po).ExitCode);
        File.WriteAllText(po, text.Replace("msgid \"Missione\"\nmsgstr \"\"", "msgid \"Missione\"\nmsgstr \"Missão\"", StringComparison.Ordinal));

        var (exitCode, output, _) = CliRunner.Run($"i18n import {plan.Path} {po}");

        Assert.Equal(ExitCodes.Success, exitCode);
        Assert.Matches(@"imported 1 translations into \S*pt-BR\.yaml; 104 entries not translated", output);
        Assert.Equal("Missão", TranslationFile.Load(plan.Path, "pt-BR", plan.Path, new DiagnosticBag()).Entries["labels.mission"].Text);
    }

    [Fact]
    public void Spaces_in_a_one_line_msgstr_are_one_and_its_ends_are_trimmed_a_body_keeps_its_lines()
    {
        using var plan = TemporaryPlan.Shipped();
        using var beside = new TemporaryFolder();
        var po = Path.Combine(beside.Path, "en.po");
        Assert.Equal(ExitCodes.Success, CliRunner.Run($"i18n extract {plan.Path} --locale en -o {po}").ExitCode);
        var text = File.ReadAllText(po)
            .Replace(TitleEntry, "msgstr \"  Three-year \\t strategic   plan \"", StringComparison.Ordinal)
            .Replace("\"## Strategic plan 2025-2027: approach\\n\"\n\"\\n\"\n", "\"## Strategic plan 2025-2027: approach\\n\"\n\"\\n\"\n\"  - a list item, indented\\n\"\n\"\\n\"\n", StringComparison.Ordinal);
        File.WriteAllText(po, text);

        Assert.Equal(ExitCodes.Success, CliRunner.Run($"i18n import {plan.Path} {po}").ExitCode);

        var english = TranslationFile.Load(plan.Path, "en", plan.Path, new DiagnosticBag()).Entries;
        Assert.Equal("Three-year strategic plan", english["plan.title"].Text);
        Assert.StartsWith("## Strategic plan 2025-2027: approach\n\n  - a list item, indented\n\nThe Strategic Plan", english["chapters.C1.body"].Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("msgctxt \"plan.title\"", "msgctxt \"missions.M9.title\"", "PSTM0806")]
    [InlineData("\"Language: en\\n\"", "\"Language: ja\\n\"", "PSTM0807")]
    [InlineData("\"X-Source-Language: it\\n\"", "\"X-Source-Language: de\\n\"", "PSTM0807")]
    [InlineData("msgstr \"Mission\"", "msgstr \"Mission {nummer}\"", "PSTM0321")]
    [InlineData(TitleEntry, "msgstr \"Three-year\\nstrategic plan\"", "PSTM0111")]
    [InlineData(TitleEntry, "msgstr \"Three-year \\033[2J strategic plan\"", "PSTM0110")]
    [InlineData(TitleEntry, "msgstr \"Three-year strategic plan", "PSTM0832")]
    [InlineData(TitleEntry, "msgstr \"Three-year \\q strategic plan\"", "PSTM0832")]
    [InlineData(TitleEntry, "msgstr \"Three-year \\303\\251 strategic plan\"", "PSTM0832")]
    [InlineData("\"Content-Type: text/plain; charset=UTF-8\\n\"", "\"Content-Type: text/plain; charset=ISO-8859-1\\n\"", "PSTM0832")]
    [InlineData("msgctxt \"plan.short_title\"", "msgctxt \"plan.title\"", "PSTM0816")]
    public void A_po_file_with_a_fault_is_refused_at_its_line_and_nothing_is_written(string from, string to, string code)
    {
        using var plan = TemporaryPlan.Shipped();
        using var beside = new TemporaryFolder();
        var po = Path.Combine(beside.Path, "en.po");
        Assert.Equal(ExitCodes.Success, CliRunner.Run($"i18n extract {plan.Path} --locale en -o {po}").ExitCode);
        var text = File.ReadAllText(po);
        var at = text.IndexOf(from, StringComparison.Ordinal);
        Assert.True(at >= 0, from);
        File.WriteAllText(po, text[..at] + to + text[(at + from.Length)..]);
        var before = Snapshot(plan.Path);

        var (exitCode, output, _) = CliRunner.Run($"i18n import {plan.Path} {po}");

        Assert.Equal(ExitCodes.InputErrors, exitCode);
        Assert.Matches($@"en\.po\({LineOf(text, from)},\d+\): error {code}: ", output);
        Assert.Contains("import refused: nothing was written", output);
        Assert.Equal(before, Snapshot(plan.Path));
    }

    [Theory]
    [InlineData("po", "en.xlf")]
    [InlineData("xliff", "en.po")]
    public void A_format_its_file_name_contradicts_is_a_usage_error(string format, string file)
    {
        using var beside = new TemporaryFolder();
        var output = Path.Combine(beside.Path, file);

        var (exitCode, _, error) = CliRunner.Run($"i18n extract {{plan}} --locale en --format {format} -o {output}");

        Assert.Equal(ExitCodes.Usage, exitCode);
        Assert.Contains($"--format {format} writes", error);
        Assert.False(File.Exists(output));
    }

    [Fact]
    public void Import_tells_a_po_file_from_an_xliff_file_by_its_content_whatever_its_name()
    {
        using var plan = TemporaryPlan.Shipped();
        using var beside = new TemporaryFolder();
        var po = Path.Combine(beside.Path, "en.po");
        var renamed = Path.Combine(beside.Path, "en.txt");
        Assert.Equal(ExitCodes.Success, CliRunner.Run($"i18n extract {plan.Path} --locale en -o {po}").ExitCode);
        File.WriteAllText(renamed, File.ReadAllText(po).Replace("msgstr \"Mission\"", "msgstr \"Mission (po)\"", StringComparison.Ordinal));

        Assert.Equal(ExitCodes.Success, CliRunner.Run($"i18n import {plan.Path} {renamed}").ExitCode);
        Assert.Equal("Mission (po)", TranslationFile.Load(plan.Path, "en", plan.Path, new DiagnosticBag()).Entries["labels.mission"].Text);
    }

    public static TheoryData<string> HostileFiles()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(HostileDirectory, "*.po").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(file));
        }

        return data;
    }

    /// <summary>
    /// Replays Po/Hostile/: PO files a tool, a hand or a bad merge could hand to import, each named after
    /// the code it must report at a line and column; an error refuses the import and writes nothing.
    /// </summary>
    [Theory]
    [MemberData(nameof(HostileFiles))]
    public void A_hostile_po_file_reports_its_code_at_a_line_and_column(string name)
    {
        var code = name[..8];
        var descriptor = DiagnosticCatalog.All.Single(d => d.Code == code);
        using var plan = TemporaryPlan.Shipped();
        var before = Snapshot(plan.Path);

        var (exitCode, output, _) = CliRunner.Run($"i18n import {plan.Path} {Path.Combine(HostileDirectory, name)}");

        Assert.Matches($@"{Regex.Escape(name)}\(\d+,\d+\): {descriptor.Severity.ToName()} {code}: ", output);
        if (descriptor.Severity == Severity.Error)
        {
            Assert.Equal(ExitCodes.InputErrors, exitCode);
            Assert.Equal(before, Snapshot(plan.Path));
        }
        else
        {
            Assert.Equal(ExitCodes.Success, exitCode);
        }
    }

    private static string HostileDirectory => Path.Combine(CliRunner.RepositoryRoot, "tests", "Pstm.Cli.Tests", "Po", "Hostile");

    /// <summary>
    /// A French PO for every field, as a translator's tools make it: msgen puts each source in its msgstr,
    /// msgfilter puts "[fr] " before it (through sed), and msgcat rewraps it 32 columns wide.
    /// </summary>
    private static string Translated(TemporaryPlan plan, TemporaryFolder beside)
    {
        var extracted = Path.Combine(beside.Path, "fr.po");
        Assert.Equal(ExitCodes.Success, CliRunner.Run($"i18n extract {plan.Path} --locale fr -o {extracted}").ExitCode);
        Gettext.Succeed(beside.Path, "msgen", "-o", "sources.po", extracted);
        Gettext.Succeed(beside.Path, "msgfilter", "--keep-header", "-i", "sources.po", "-o", "filled.po", "sed", "-e", "1s/^/[fr] /");
        Gettext.Succeed(beside.Path, "msgcat", "--width=32", "-o", "translated.po", "filled.po");
        return Path.Combine(beside.Path, "translated.po");
    }

    /// <summary>The English translations, each as its text and hash.</summary>
    private static Dictionary<string, (string Text, string Hash)> Entries(TemporaryPlan plan) =>
        TranslationFile.Load(plan.Path, "en", plan.Path, new DiagnosticBag()).Entries.ToDictionary(e => e.Key, e => (e.Value.Text, e.Value.SourceHash));

    private static IReadOnlyList<TranslatableField> Fields(TemporaryPlan plan) => TranslatableFields.Of(PlanCheck.Run(plan.Path).Plan!);

    private static Dictionary<string, byte[]> Snapshot(string folder) =>
        Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).ToDictionary(f => Path.GetRelativePath(folder, f), File.ReadAllBytes);

    /// <summary>The 1-based line where <paramref name="part"/> first appears in <paramref name="text"/>.</summary>
    private static int LineOf(string text, string part) => text[..text.IndexOf(part, StringComparison.Ordinal)].Count(c => c == '\n') + 1;

    [GeneratedRegex("^msgctxt \"(.*)\"$", RegexOptions.Multiline)]
    private static partial Regex Msgctxt();
}
