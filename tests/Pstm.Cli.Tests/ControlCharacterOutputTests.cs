using Pstm.Diagnostics;

namespace Pstm.Cli.Tests;

/// <summary>
/// Control characters from a plan reach no output raw: YAML escapes that decode to them are refused,
/// and every text output shows what is left (a body's line breaks, a direction override) as escapes,
/// so that neither a terminal nor a CI runner reading the lines (<c>::add-mask::</c>) acts on them.
/// </summary>
public sealed class ControlCharacterOutputTests : IDisposable
{
    private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("pstm-controls-");

    public void Dispose() => _root.Delete(recursive: true);

    private const string Injection = "::add-mask::segreto";

    private string Plan(string name, string missionTitle = "Salute", string body = "Testo.", string missionId = "M1", string? translation = null)
    {
        var folder = Path.Combine(_root.FullName, name);
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "plan.yaml"), $$"""
            id: p
            title: Piano
            entity: Ente
            period: { from: 2025, to: 2027 }
            language: it
            locales: [it, en]
            chapters:
              - { id: C1, number: 1, title: Capitolo, sections: [missions], body: "{{body}}" }
            missions:
              - id: "{{missionId}}"
                number: 1
                title: "{{missionTitle}}"
                objectives: [{ id: O1, text: Obiettivo }]
            """);
        if (translation is not null)
        {
            Directory.CreateDirectory(Path.Combine(folder, "translations"));
            File.WriteAllText(Path.Combine(folder, "translations", "en.yaml"), translation);
        }

        return folder;
    }

    private static void AssertNoRawControl(string output)
    {
        var lines = output.Split('\n');
        Assert.DoesNotContain(lines, line => line.Any(PrintableText.IsActedOn));
        Assert.DoesNotContain(lines, line => line.StartsWith(Injection, StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_refuses_a_title_with_escaped_controls_and_prints_them_as_escapes()
    {
        var plan = Plan("p", missionTitle: "\\e[31mRosso\\a");

        var (exitCode, output, _) = CliRunner.Run($"validate {plan}", terminal: true);

        Assert.Equal(ExitCodes.InputErrors, exitCode);
        Assert.Contains("error PSTM0110: the value holds a control character (U+001B)", output, StringComparison.Ordinal);
        AssertNoRawControl(output);
    }

    [Fact]
    public void Under_the_github_format_each_diagnostic_is_one_line_whatever_its_message_holds()
    {
        // Given an id (quoted in its diagnostic's message) with a direction override and a line break
        var plan = Plan("p", missionId: "M1\u202E\\n" + Injection);

        // When
        var (exitCode, output, _) = CliRunner.Run($"validate {plan} --format github");

        // Then every line is one of pstm's commands, or its verdict
        Assert.Equal(ExitCodes.InputErrors, exitCode);
        var lines = output.TrimEnd('\n').Split('\n');
        Assert.All(lines, line => Assert.Matches("^(::(error|warning|notice) file=|plan .* invalid: )", line));
        Assert.Contains(lines, line => line.Contains("title=PSTM0202::'M1\\u202E%0A::add-mask::segreto'", StringComparison.Ordinal));
        AssertNoRawControl(output);
    }

    [Fact]
    public void Diff_shows_a_body_s_line_breaks_as_escapes_so_that_each_change_is_one_line()
    {
        var before = Plan("old");
        var after = Plan("new", body: $"Testo.\\n{Injection}\\n::error file=README.md::owned");

        var (exitCode, output, _) = CliRunner.Run($"diff {before} {after}");

        Assert.Equal(ExitCodes.Success, exitCode);
        Assert.Contains($"chapter C1 reworded body: Testo.{{+\\n{Injection}\\n::error file=README.md::owned+}}", output, StringComparison.Ordinal);
        Assert.Equal(3, output.TrimEnd('\n').Split('\n').Length);
        AssertNoRawControl(output);
    }

    [Fact]
    public void Explain_prints_a_direction_override_of_a_title_as_an_escape()
    {
        // A direction override is a plan's to write (the booklet closes it); a terminal would reverse the line.
        var plan = Plan("p", missionTitle: "Salute \u202Eetunim");

        var (exitCode, output, _) = CliRunner.Run($"explain M1 {plan} --out no-such-dist");

        Assert.Equal(ExitCodes.Success, exitCode);
        Assert.StartsWith("mission M1: Salute \\u202Eetunim\\u202C\n", output, StringComparison.Ordinal);
        AssertNoRawControl(output);
    }

    [Fact]
    public void I18n_status_refuses_a_translation_with_an_escaped_control_at_its_line()
    {
        var plan = Plan("p", translation: "language: en\nentries:\n  missions.M1.title:\n    source: 0\n    text: \"Health\\e]0;owned\\a\"\n");

        var (exitCode, output, _) = CliRunner.Run($"i18n status {plan}");

        Assert.Equal(ExitCodes.InputErrors, exitCode);
        Assert.Matches(@"translations/en\.yaml\(5,11\): error PSTM0110: the value holds a control character \(U\+001B\)", output);
        AssertNoRawControl(output);
    }
}
