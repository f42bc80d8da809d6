namespace Pstm.Cli.Tests;

/// <summary><c>pstm explain</c> as a command: its exit codes, its diagnostics and its place in the help.</summary>
public class ExplainCommandTests
{
    [Fact]
    public void An_unknown_id_exits_1_with_PSTM0210_and_the_nearest_id()
    {
        var (exitCode, output, _) = CliRunner.Run("explain D11 {plan}");

        Assert.Equal(ExitCodes.InputErrors, exitCode);
        Assert.Contains("error PSTM0210: no item of the plan has the id 'D11'. Did you mean 'D1'?", output, StringComparison.Ordinal);
        Assert.Contains("drivers D1…D10", output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_renamed_id_says_what_it_became()
    {
        var (exitCode, output, _) = CliRunner.Run($"explain M1.4 {Path.Combine(Golden.ProjectDirectory, "Editions", "edited")}");

        Assert.Equal(ExitCodes.InputErrors, exitCode);
        Assert.Contains("no item of the plan has the id 'M1.4': it was renamed M2.9", output);
        Assert.DoesNotContain("Did you mean", output);
    }

    [Fact]
    public void A_known_id_exits_0_and_names_where_it_is_defined()
    {
        var (exitCode, output, _) = CliRunner.Run("explain M2 {plan} --out no-such-dist");

        Assert.Equal(ExitCodes.Success, exitCode);
        Assert.StartsWith("mission M2: Rivoluzione verde e transizione ecologica\n", output, StringComparison.Ordinal);
        Assert.Contains("missions.yaml(14,9)", output, StringComparison.Ordinal);
        Assert.Contains("build first to see booklet pages", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Json_output_is_one_document_with_the_item_and_the_slides_of_the_built_deck()
    {
        // The numbers are the built deck's: a slide whose element carries the objective's key.
        using var dist = new TemporaryFolder("pstm-explain-");
        Directory.CreateDirectory(Path.Combine(dist.Path, "it"));
        File.WriteAllText(Path.Combine(dist.Path, "it", "slides.html"), """
            <main class="deck"><section class="slide slide-mission" id="slide-5" data-title="Missione 1"><ul><li data-item="objectives.M1.4">Valorizzare</li></ul></section>
            <section class="slide slide-closing" id="slide-6" data-title="Fine"></section></main>
            """);
        var (exitCode, output, _) = CliRunner.Run($"explain M1.4 {{plan}} --out {dist.Path} --format json");

        Assert.Equal(ExitCodes.Success, exitCode);
        using var json = System.Text.Json.JsonDocument.Parse(output);
        var root = json.RootElement;
        Assert.Equal("explain", root.GetProperty("command").GetString());
        Assert.Equal("objective", root.GetProperty("item").GetProperty("kind").GetString());
        Assert.Equal(5, root.GetProperty("slides")[0].GetProperty("number").GetInt32());
        Assert.Equal(0, root.GetProperty("matrix").GetArrayLength());
        Assert.False(root.GetProperty("booklet").GetProperty("buildRecorded").GetBoolean());
    }

    [Fact]
    public void A_plan_with_errors_is_reported_and_not_explained()
    {
        var (exitCode, output, _) = CliRunner.Run($"explain M1 {CliRunner.PlanCase("PSTM0203-unknown-mission")}");

        Assert.Equal(ExitCodes.InputErrors, exitCode);
        Assert.Contains("error PSTM0203", output, StringComparison.Ordinal);
        Assert.Contains("pstm explain: the plan has errors", output, StringComparison.Ordinal);
    }

    [Fact]
    public void The_help_lists_explain_and_explain_has_its_own_help_with_examples()
    {
        var (_, rootHelp, _) = CliRunner.Run("--help");
        var (exitCode, help, _) = CliRunner.Run("explain --help");

        Assert.Contains("explain <ID>", rootHelp, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Success, exitCode);
        Assert.Contains("pstm explain M1.4", help, StringComparison.Ordinal);
    }
}
