using System.Text.Json;

namespace Pstm.Cli.Tests;

/// <summary>
/// The promise of <c>pstm validate</c>, over a corpus of plans (every golden case, the fixture plans, the shipped plan
/// with broken translations and templates): when validate reports no error, the build's input stage
/// reports none either; and every code that makes <c>build --strict</c> fail, validate reports too.
/// The build runs with no browser, so it stops where printing would start (PSTM0601).
/// </summary>
public class ValidateAgreesWithBuildTests
{
    // What only printing can find: no browser here, by design.
    private const string NoBrowser = "PSTM0601";

    public static TheoryData<string> Corpus()
    {
        var data = new TheoryData<string>();
        foreach (var directory in Directory.GetDirectories(Path.Combine(CliRunner.RepositoryRoot, "tests", "Pstm.Plan.Tests", "Cases")).Order(StringComparer.Ordinal))
        {
            data.Add("case:" + Path.GetFileName(directory));
        }

        // The real plans kept as test fixtures, when there are some.
        var fixtures = Path.Combine(CliRunner.RepositoryRoot, "tests", "Fixtures", "Plans");
        foreach (var directory in Directory.Exists(fixtures) ? Directory.GetDirectories(fixtures).Order(StringComparer.Ordinal).ToArray() : [])
        {
            if (File.Exists(Path.Combine(directory, "plan.yaml")))
            {
                data.Add("fixture:" + Path.GetFileName(directory));
            }
        }

        foreach (var variant in ShippedPlanVariants.Keys)
        {
            data.Add("shipped:" + variant);
        }

        return data;
    }

    /// <summary>The shipped plan with one thing broken, each a way its translations or templates go wrong.</summary>
    private static readonly Dictionary<string, Action<string, string>> ShippedPlanVariants = new()
    {
        ["as-shipped"] = (_, _) => { },
        ["translation-yaml-syntax"] = (plan, _) => File.AppendAllText(English(plan), "  broken: [\n"),
        ["translation-of-another-language"] = (plan, _) => Replace(English(plan), "language: en", "language: fr"),
        ["translation-missing"] = (plan, _) => RemoveEntry(English(plan), "missions.M2.title:"),
        ["translation-stale"] = (plan, _) => Replace(English(plan), "source: 32bea18c777c", "source: 000000000000"),
        ["translation-of-no-field"] = (plan, _) => File.AppendAllText(English(plan), "  missions.M99.title:\n    source: 000000000000\n    text: No such mission\n"),
        ["translation-empty-text"] = (plan, _) => Replace(English(plan), "text: \"Green revolution and ecological transition\"", "text: \"\""),
        ["translation-file-missing"] = (plan, _) => File.Delete(English(plan)),
        ["translation-of-undeclared-locale"] = (plan, _) => File.Copy(English(plan), Path.Combine(plan, "translations", "fr.yaml")),
        ["template-syntax"] = (_, templates) => File.AppendAllText(Path.Combine(templates, "booklet", "layout.sbn-html"), "{{ if }}"),
        ["template-unknown-name"] = (_, templates) => File.AppendAllText(Path.Combine(templates, "slides", "slide-closing.sbn-html"), "{{ no_such_thing.field }}"),
    };

    [Theory]
    [MemberData(nameof(Corpus))]
    public void Valid_means_the_build_does_not_fail_on_input_and_strict_fails_only_for_what_validate_reported(string name)
    {
        // Given
        using var corpus = new CorpusPlan(name);
        var templates = corpus.Templates is { } folder ? $" --templates {folder}" : "";

        // When
        var validate = Codes(CliRunner.Run($"validate {corpus.Plan} --format json{templates}").Out);
        var validateStrict = Codes(CliRunner.Run($"validate {corpus.Plan} --format json --strict{templates}").Out);
        var build = Codes(CliRunner.Run($"build {corpus.Plan} --out {corpus.Output("build")} --browser {corpus.Output("no-browser")} --format json{templates}").Out);
        var buildStrict = Codes(CliRunner.Run($"build {corpus.Plan} --out {corpus.Output("strict")} --browser {corpus.Output("no-browser")} --strict --format json{templates}").Out);

        // Then
        var inputErrors = Errors(build).Where(c => c != NoBrowser).ToList();
        var strictInputErrors = Errors(buildStrict).Where(c => c != NoBrowser).ToList();
        if (Errors(validate).Count == 0)
        {
            Assert.True(inputErrors.Count == 0, $"validate found no error, the build found {string.Join(", ", inputErrors)}");
        }

        if (Errors(validateStrict).Count == 0)
        {
            Assert.True(strictInputErrors.Count == 0, $"validate --strict found no error, build --strict found {string.Join(", ", strictInputErrors)}");
        }

        var reported = validate.Select(d => d.Code).ToHashSet();
        Assert.True(strictInputErrors.All(reported.Contains), $"build --strict fails for {string.Join(", ", strictInputErrors.Where(c => !reported.Contains(c)))}, which validate does not report");
        var strictErrors = Errors(validateStrict).ToHashSet();
        Assert.True(strictInputErrors.All(strictErrors.Contains), $"build --strict fails for {string.Join(", ", strictInputErrors.Where(c => !strictErrors.Contains(c)))}, for which validate --strict does not fail");
    }

    [Fact]
    public void The_corpus_holds_plans_that_validate_finds_broken_in_their_translations_and_templates()
    {
        // The promise is checked on plans that break it the ways it was broken before: not only valid ones.
        foreach (var (variant, code) in new[] { ("translation-yaml-syntax", "PSTM0101"), ("translation-of-another-language", "PSTM0804"), ("template-syntax", "PSTM0503") })
        {
            using var corpus = new CorpusPlan("shipped:" + variant);
            var templates = corpus.Templates is { } folder ? $" --templates {folder}" : "";
            var (exitCode, output, _) = CliRunner.Run($"validate {corpus.Plan} --format json{templates}");
            Assert.Equal(ExitCodes.InputErrors, exitCode);
            Assert.Contains(Codes(output), d => d.Code == code && d.Severity == "error");
        }
    }

    private static string English(string plan) => Path.Combine(plan, "translations", "en.yaml");

    private static void Replace(string path, string text, string by)
    {
        var content = File.ReadAllText(path);
        Assert.Contains(text, content);
        File.WriteAllText(path, content.Replace(text, by, StringComparison.Ordinal));
    }

    // An entry is its key's line and the indented lines under it.
    private static void RemoveEntry(string path, string key)
    {
        var lines = File.ReadAllLines(path).ToList();
        var start = lines.FindIndex(l => l.Trim() == key);
        Assert.True(start >= 0, $"no {key} in {path}");
        var end = start + 1;
        while (end < lines.Count && lines[end].StartsWith("    ", StringComparison.Ordinal))
        {
            end++;
        }

        lines.RemoveRange(start, end - start);
        File.WriteAllLines(path, lines);
    }

    private static List<(string Code, string Severity)> Codes(string json) =>
        JsonDocument.Parse(json).RootElement.GetProperty("diagnostics").EnumerateArray()
            .Select(d => (d.GetProperty("code").GetString()!, d.GetProperty("severity").GetString()!)).ToList();

    private static List<string> Errors(List<(string Code, string Severity)> diagnostics) =>
        diagnostics.Where(d => d.Severity == "error").Select(d => d.Code).Distinct().ToList();

    /// <summary>A plan of the corpus in a folder of its own, with its own templates when it breaks them.</summary>
    private sealed class CorpusPlan : IDisposable
    {
        private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("pstm-corpus-");

        public CorpusPlan(string name)
        {
            var (kind, which) = (name[..name.IndexOf(':')], name[(name.IndexOf(':') + 1)..]);
            if (kind == "case")
            {
                Plan = CliRunner.PlanCase(which);
                return;
            }

            if (kind == "fixture")
            {
                Plan = Path.Combine(CliRunner.RepositoryRoot, "tests", "Fixtures", "Plans", which);
                return;
            }

            Plan = Path.Combine(_root.FullName, "plan");
            CopyFolder(CliRunner.ShippedPlan, Plan);
            if (which.StartsWith("template", StringComparison.Ordinal))
            {
                Templates = Path.Combine(_root.FullName, "templates");
                CopyFolder(Path.Combine(CliRunner.RepositoryRoot, "templates"), Templates);
            }

            ShippedPlanVariants[which](Plan, Templates!);
        }

        public string Plan { get; }

        public string? Templates { get; }

        public string Output(string name) => Path.Combine(_root.FullName, name);

        public void Dispose() => _root.Delete(recursive: true);

        private static void CopyFolder(string from, string to)
        {
            foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
            {
                var target = Path.Combine(to, Path.GetRelativePath(from, file));
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.Copy(file, target);
            }
        }
    }
}
