using System.Xml;
using System.Xml.Schema;

namespace Pstm.Cli.Tests;

public class XliffTests
{
    private static Dictionary<string, byte[]> Snapshot(TemporaryPlan folder) =>
        Directory.EnumerateFiles(folder.Path, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(folder.Path, f), File.ReadAllBytes);

    [Fact]
    public void Extract_then_import_with_no_change_leaves_every_plan_file_byte_identical()
    {
        using var plan = TemporaryPlan.Shipped();
        using var beside = new TemporaryFolder();
        var before = Snapshot(plan);
        var xliff = Path.Combine(beside.Path, "en.xlf");

        Assert.Equal(ExitCodes.Success, CliRunner.Run($"i18n extract {plan.Path} --locale en -o {xliff}").ExitCode);
        Assert.Equal(ExitCodes.Success, CliRunner.Run($"i18n import {plan.Path} {xliff}").ExitCode);

        var after = Snapshot(plan);
        Assert.Equal(before.Keys.Order(), after.Keys.Order());
        Assert.All(before, file => Assert.Equal(file.Value, after[file.Key]));
    }

    [Fact]
    public void Extract_and_import_carry_the_translation_of_a_renamed_id_to_its_new_key()
    {
        // Editions/edited renamed objective M1.4 to M2.9; its English file still has objectives.M1.4.text.
        using var plan = TemporaryPlan.CopyOf(Path.Combine(Golden.ProjectDirectory, "Editions", "edited"));
        using var beside = new TemporaryFolder();
        var xliff = Path.Combine(beside.Path, "en.xlf");

        Assert.Equal(ExitCodes.Success, CliRunner.Run($"i18n extract {plan.Path} --locale en -o {xliff}").ExitCode);
        var unit = XDocumentOf(xliff).Descendants().Single(e => e.Name.LocalName == "unit" && (string?)e.Attribute("id") == "objectives.M2.9.text");
        Assert.Contains("Idroscalo", unit.Descendants().Single(e => e.Name.LocalName == "target").Value);
        Assert.Equal(ExitCodes.Success, CliRunner.Run($"i18n import {plan.Path} {xliff}").ExitCode);

        var english = File.ReadAllText(plan.FileOf("translations/en.yaml"));
        Assert.Contains("objectives.M2.9.text:", english);
        Assert.DoesNotContain("objectives.M1.4.text:", english);
    }

    private static System.Xml.Linq.XDocument XDocumentOf(string path) => System.Xml.Linq.XDocument.Load(path);

    [Fact]
    public void The_extracted_file_is_well_formed_xliff_2_with_emphasis_as_inline_markup()
    {
        var xliff = Path.GetTempFileName();
        try
        {
            Assert.Equal(ExitCodes.Success, CliRunner.Run($"i18n extract {{plan}} --locale en -o {xliff}").ExitCode);

            var schemas = new XmlSchemaSet();
            schemas.Add(null, Path.Combine(CliRunner.RepositoryRoot, "tests", "Pstm.Cli.Tests", "Xliff", "xliff-core-2.0-subset.xsd"));
            var errors = new List<string>();
            var settings = new XmlReaderSettings { ValidationType = ValidationType.Schema, Schemas = schemas };
            settings.ValidationEventHandler += (_, e) => errors.Add($"{e.Exception.LineNumber}: {e.Message}");
            using (var reader = XmlReader.Create(xliff, settings))
            {
                while (reader.Read())
                {
                }
            }

            Assert.Empty(errors);
            var text = File.ReadAllText(xliff);
            Assert.Contains("xmlns=\"urn:oasis:names:tc:xliff:document:2.0\"", text);
            Assert.Contains("<source>Sostenere la <pc id=\"1\" type=\"fmt\" subType=\"xlf:b\">transizione digitale</pc></source>", text);
            Assert.Contains("<target>Support the <pc id=\"1\" type=\"fmt\" subType=\"xlf:b\">digital transition</pc></target>", text);
            Assert.DoesNotContain("**", text);
            Assert.Contains("<note category=\"object\">objective M1.1</note>", text);
            Assert.Contains("<note category=\"context\">a strategic objective of mission M1: Digitalizzazione, innovazione, competitività, cultura e turismo</note>", text);
        }
        finally
        {
            File.Delete(xliff);
        }
    }

    [Fact]
    public void Importing_a_real_translation_changes_the_edition()
    {
        using var plan = TemporaryPlan.Shipped();
        using var beside = new TemporaryFolder();
        var xliff = Path.Combine(beside.Path, "fr.xlf");
        CliRunner.Run($"i18n add fr {plan.Path}");
        CliRunner.Run($"i18n extract {plan.Path} --locale fr -o {xliff}");
        var text = File.ReadAllText(xliff).Replace(
            "<segment state=\"initial\">\n        <source>Sostenere la <pc id=\"1\" type=\"fmt\" subType=\"xlf:b\">transizione digitale</pc></source>",
            "<segment state=\"translated\">\n        <source>Sostenere la <pc id=\"1\" type=\"fmt\" subType=\"xlf:b\">transizione digitale</pc></source><target>Soutenir la <pc id=\"1\" type=\"fmt\" subType=\"xlf:b\">transition numérique</pc></target>",
            StringComparison.Ordinal);
        File.WriteAllText(xliff, text);

        var (exitCode, _, _) = CliRunner.Run($"i18n import {plan.Path} {xliff}");
        var (_, status, _) = CliRunner.Run($"i18n status {plan.Path}");

        Assert.Equal(ExitCodes.Success, exitCode);
        Assert.Contains("text: \"Soutenir la **transition numérique**\"", File.ReadAllText(plan.FileOf("translations/fr.yaml")));
        Assert.Matches(@"fr\s+105\s+1\s+104\s+0\s+1\.0%", status);
    }

    [Theory]
    [InlineData("<unit id=\"plan.title\">", "<unit id=\"missions.M9.title\">", "PSTM0806")]
    [InlineData("srcLang=\"it\"", "srcLang=\"de\"", "PSTM0807")]
    [InlineData("trgLang=\"en\"", "trgLang=\"ja\"", "PSTM0807")]
    [InlineData("<target>Support the ", "<target>Support&#x9B;2J the ", "PSTM0110")]
    public void An_unknown_unit_or_a_wrong_language_is_refused_and_nothing_is_written(string from, string to, string code)
    {
        using var plan = TemporaryPlan.Shipped();
        using var beside = new TemporaryFolder();
        var xliff = Path.Combine(beside.Path, "en.xlf");
        CliRunner.Run($"i18n extract {plan.Path} --locale en -o {xliff}");
        File.WriteAllText(xliff, File.ReadAllText(xliff).Replace(from, to, StringComparison.Ordinal));
        var before = Snapshot(plan);

        var (exitCode, output, _) = CliRunner.Run($"i18n import {plan.Path} {xliff}");

        Assert.Equal(ExitCodes.InputErrors, exitCode);
        Assert.Contains($"error {code}", output);
        Assert.All(before, file => Assert.Equal(file.Value, File.ReadAllBytes(plan.FileOf(file.Key))));
    }
}
