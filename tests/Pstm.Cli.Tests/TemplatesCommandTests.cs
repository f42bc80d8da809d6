namespace Pstm.Cli.Tests;

/// <summary><c>pstm templates list|eject</c>: which layer each file comes from, and copies of the shipped ones.</summary>
public sealed class TemplatesCommandTests : IDisposable
{
    private static readonly Dictionary<string, string> Epoch = new() { ["SOURCE_DATE_EPOCH"] = "1750000000" };

    private readonly TemporaryFolder _work = new("pstm-cli-templates-");

    public void Dispose() => _work.Dispose();

    [Fact]
    public void List_names_each_file_and_the_layer_it_comes_from()
    {
        var layer = Directory.CreateDirectory(Path.Combine(_work.Path, "theme")).FullName;
        File.WriteAllText(Path.Combine(layer, "theme.css"), ":root { --accent: #7a1f3d; }");

        var (exitCode, output, _) = CliRunner.Run($"templates list --templates {layer}");

        Assert.Equal(ExitCodes.Success, exitCode);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Contains($"theme.css  {layer}", lines);
        Assert.Contains("booklet/layout.sbn-html  shipped", lines);
        Assert.Equal(TemplateFileCount(), lines.Length);
    }

    [Fact]
    public void Eject_copies_what_is_asked_keeps_what_exists_and_refuses_an_unknown_path()
    {
        var output = Path.Combine(_work.Path, "mine");
        Directory.CreateDirectory(output);
        File.WriteAllText(Path.Combine(output, "theme.css"), "/* mine */");

        var (exitCode, text, _) = CliRunner.Run($"templates eject theme.css strings --out {output}");

        Assert.Equal(ExitCodes.Success, exitCode);
        Assert.Equal("/* mine */", File.ReadAllText(Path.Combine(output, "theme.css")));
        Assert.Contains("kept", text, StringComparison.Ordinal);
        Assert.Equal(
            File.ReadAllBytes(Path.Combine(CliRunner.RepositoryRoot, "templates", "strings", "it.yaml")),
            File.ReadAllBytes(Path.Combine(output, "strings", "it.yaml")));
        Assert.False(Directory.Exists(Path.Combine(output, "booklet")));

        var (refused, said, error) = CliRunner.Run($"templates eject booklet/nope.css --out {output}");
        Assert.Equal(ExitCodes.InputErrors, refused);
        Assert.Contains("PSTM0512", said + error, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(output, "booklet", "nope.css")));
    }

    [Fact]
    public void A_build_with_every_shipped_file_ejected_is_byte_identical_to_one_without()
    {
        var ejected = Path.Combine(_work.Path, "ejected");
        Assert.Equal(ExitCodes.Success, CliRunner.Run($"templates eject --out {ejected}").ExitCode);
        Assert.Equal(TemplateFileCount(), Directory.GetFiles(ejected, "*", SearchOption.AllDirectories).Length);

        var plain = Path.Combine(_work.Path, "plain");
        var themed = Path.Combine(_work.Path, "themed");
        var first = CliRunner.RunProcess(_work.Path, Epoch, "build", CliRunner.ShippedPlan, "--out", plain, "--locale", "it");
        var second = CliRunner.RunProcess(_work.Path, Epoch, "build", CliRunner.ShippedPlan, "--out", themed, "--locale", "it", "--templates", ejected);

        Assert.Equal((ExitCodes.Success, ExitCodes.Success), (first.ExitCode, second.ExitCode));
        foreach (var output in new[] { "booklet.pdf", "booklet.html", "slides.html", "slides.pdf" })
        {
            Assert.True(
                File.ReadAllBytes(Path.Combine(plain, "it", output)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(themed, "it", output))),
                $"{output} differs");
        }
    }

    [Fact]
    public void A_new_language_without_words_of_its_own_gets_the_english_ones_and_is_told_once()
    {
        var plan = CliRunner.CopyOfShippedPlan();
        try
        {
            Assert.Equal(ExitCodes.Success, CliRunner.Run($"i18n add fr {plan.FullName}").ExitCode);
            var output = Path.Combine(_work.Path, "fr");

            var (exitCode, text, error) = CliRunner.RunProcess(_work.Path, Epoch, "build", plan.FullName, "--out", output, "--locale", "fr");

            Assert.Equal(ExitCodes.Success, exitCode);
            Assert.Single((text + error).Split('\n'), line => line.Contains("PSTM0506", StringComparison.Ordinal) && line.Contains("the words of en are used", StringComparison.Ordinal));
            var booklet = File.ReadAllText(Path.Combine(output, "fr", "booklet.html"));
            Assert.Contains("<h1 id=\"contents\">Contents</h1>", booklet, StringComparison.Ordinal);
            Assert.Contains("<html lang=\"fr\">", booklet, StringComparison.Ordinal);
        }
        finally
        {
            plan.Delete(recursive: true);
        }
    }

    private static int TemplateFileCount() =>
        Directory.GetFiles(Path.Combine(CliRunner.RepositoryRoot, "templates"), "*", SearchOption.AllDirectories).Length;
}
