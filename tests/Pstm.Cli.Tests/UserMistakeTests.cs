namespace Pstm.Cli.Tests;

/// <summary>
/// Mistakes in what a user passes (output paths, SOURCE_DATE_EPOCH, --templates, TMPDIR) are located
/// diagnostics with a code and exit 1, told before the long work, never pstm's "internal error".
/// </summary>
public sealed class UserMistakeTests : IDisposable
{
    private static readonly TimeSpan Generous = TimeSpan.FromMinutes(2);

    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("pstm-mistakes-");

    public void Dispose() => _folder.Delete(recursive: true);

    [Fact]
    public void Import_given_the_plan_folder_alone_says_a_file_is_wanted_not_that_the_folder_is_missing()
    {
        var (exitCode, output, error) = CliRunner.RunWith("i18n", "import", CliRunner.ShippedPlan);

        Assert.Equal(ExitCodes.Usage, exitCode);
        Assert.Contains("is a folder, not an XLIFF file", error, StringComparison.Ordinal);
        Assert.DoesNotContain("does not exist", error, StringComparison.Ordinal);
        AssertNoBug(output, error);
    }

    [Fact]
    public void Run_inside_the_plan_folder_a_command_reads_that_plan()
    {
        var plan = CliRunner.CopyOfShippedPlan();
        try
        {
            var (exitCode, output, error) = CliRunner.RunProcess(plan.FullName, "validate");
            var (translated, status, _) = CliRunner.RunProcess(plan.FullName, "i18n", "status");

            Assert.Equal(ExitCodes.Success, exitCode);
            Assert.Contains("psttm-2025-2027", output + error, StringComparison.Ordinal);
            Assert.DoesNotContain("does not exist", output + error, StringComparison.Ordinal);
            Assert.Equal(ExitCodes.Success, translated);
            Assert.Contains("en", status, StringComparison.Ordinal);
        }
        finally
        {
            plan.Delete(recursive: true);
        }
    }

    [Fact]
    public void Extract_into_a_missing_folder_creates_it_as_out_does()
    {
        var xliff = Path.Combine(_folder.FullName, "translations", "new", "en.xlf");

        var (exitCode, output, error) = CliRunner.RunWith("i18n", "extract", CliRunner.ShippedPlan, "--locale", "en", "-o", xliff);

        Assert.Equal(ExitCodes.Success, exitCode);
        Assert.Contains("<xliff", File.ReadAllText(xliff));
        AssertNoBug(output, error);
    }

    [Fact]
    public void Extract_onto_a_folder_is_a_diagnostic()
    {
        var (exitCode, output, error) = CliRunner.RunWith("i18n", "extract", CliRunner.ShippedPlan, "--locale", "en", "-o", _folder.FullName);

        AssertDiagnosed(ExitCodes.InputErrors, "PSTM0714", exitCode, output, error);
        Assert.Contains("is a folder", output);
    }

    [Fact]
    public void Extract_onto_a_full_device_is_a_diagnostic()
    {
        var (exitCode, output, error) = CliRunner.RunWith("i18n", "extract", CliRunner.ShippedPlan, "--locale", "en", "-o", "/dev/full");

        AssertDiagnosed(ExitCodes.InputErrors, "PSTM0714", exitCode, output, error);
        Assert.True(File.Exists("/dev/full"));
    }

    [Fact]
    public void Schema_out_onto_a_file_is_a_diagnostic()
    {
        var file = Path.Combine(_folder.FullName, "schemas");
        File.WriteAllText(file, "a file");

        var (exitCode, output, error) = CliRunner.RunWith("schema", "--out", file);

        AssertDiagnosed(ExitCodes.InputErrors, "PSTM0704", exitCode, output, error);
        Assert.Equal("a file", File.ReadAllText(file));
    }

    [Theory]
    [InlineData("build")]
    [InlineData("export")]
    [InlineData("schema")]
    [InlineData("diff")]
    [InlineData("extract")]
    public void An_empty_output_name_is_a_diagnostic(string command)
    {
        string[] args = command switch
        {
            "diff" => ["diff", CliRunner.ShippedPlan, CliRunner.ShippedPlan, "--booklet-appendix", "--out", ""],
            "extract" => ["i18n", "extract", CliRunner.ShippedPlan, "--locale", "en", "-o", ""],
            "schema" => ["schema", "--out", ""],
            _ => [command, CliRunner.ShippedPlan, "--out", ""],
        };

        var (exitCode, output, error) = CliRunner.RunWith(args);

        AssertDiagnosed(ExitCodes.InputErrors, command == "extract" ? "PSTM0714" : "PSTM0704", exitCode, output, error);
        Assert.Contains("empty", output);
    }

    [Theory]
    [InlineData("253402300800")]
    [InlineData("99999999999999999999")]
    [InlineData("-1")]
    [InlineData("soon")]
    public void A_source_date_epoch_beyond_the_dates_pstm_can_write_is_a_diagnostic(string value)
    {
        var environment = new Dictionary<string, string> { ["SOURCE_DATE_EPOCH"] = value };
        foreach (var command in new[] { "build", "export" })
        {
            var (exitCode, output, error) = CliRunner.RunProcess(
                _folder.FullName, environment, Generous, command, CliRunner.ShippedPlan, "--out", Path.Combine(_folder.FullName, command));

            AssertDiagnosed(ExitCodes.InputErrors, "PSTM0703", exitCode, output, error);
            Assert.Contains("SOURCE_DATE_EPOCH: error PSTM0703", output);
        }
    }

    [Fact]
    public void The_root_folder_as_templates_fails_at_once_without_reading_the_disk()
    {
        var (exitCode, output, error) = CliRunner.RunProcess(
            _folder.FullName, new Dictionary<string, string>(), Generous, "build", CliRunner.ShippedPlan, "--out", Path.Combine(_folder.FullName, "dist"), "--templates", "/");

        AssertDiagnosed(ExitCodes.InputErrors, "PSTM0501", exitCode, output, error);
        Assert.Contains("is not a templates folder", output);
    }

    [Fact]
    public void A_templates_folder_with_too_many_files_is_a_diagnostic()
    {
        using var templates = TemporaryFolder.CopyOf(Path.Combine(CliRunner.RepositoryRoot, "templates"));
        var extra = Directory.CreateDirectory(Path.Combine(templates.Path, "node_modules")).FullName;
        for (var i = 0; i < 1000; i++)
        {
            File.WriteAllText(Path.Combine(extra, $"{i}.js"), "");
        }

        var (exitCode, output, error) = CliRunner.RunWith("build", CliRunner.ShippedPlan, "--out", Path.Combine(_folder.FullName, "dist"), "--templates", templates.Path);

        AssertDiagnosed(ExitCodes.InputErrors, "PSTM0023", exitCode, output, error);
        Assert.False(Directory.Exists(Path.Combine(_folder.FullName, "dist", "it")));
    }

    [Theory]
    [InlineData("build")]
    [InlineData("diff")]
    public void A_tmpdir_that_does_not_exist_is_a_diagnostic_naming_it(string command)
    {
        var environment = new Dictionary<string, string> { ["TMPDIR"] = Path.Combine(_folder.FullName, "no-such-folder") };
        string[] args = command == "diff"
            ? ["diff", "HEAD:plan", "plan"]
            : ["build", "plan", "--out", Path.Combine(_folder.FullName, "dist"), "--locale", "it", "--target", "booklet"];

        var (exitCode, output, error) = CliRunner.RunProcess(CliRunner.RepositoryRoot, environment, Generous, args);

        AssertDiagnosed(ExitCodes.InputErrors, "PSTM0715", exitCode, output, error);
        Assert.Contains("TMPDIR: error PSTM0715", output);
        Assert.Contains("no-such-folder", output);
    }

    [Theory]
    [InlineData("validate")]
    [InlineData("build")]
    [InlineData("export")]
    [InlineData("explain")]
    [InlineData("diff")]
    [InlineData("i18n status")]
    [InlineData("i18n extract")]
    public void An_empty_plan_folder_name_is_a_diagnostic(string command)
    {
        string[] args = command switch
        {
            "validate" => ["validate", ""],
            "explain" => ["explain", "M1", ""],
            "diff" => ["diff", "", CliRunner.ShippedPlan],
            "i18n status" => ["i18n", "status", ""],
            "i18n extract" => ["i18n", "extract", "", "--locale", "en", "-o", Path.Combine(_folder.FullName, "en.xlf")],
            _ => [command, "", "--out", Path.Combine(_folder.FullName, "out")],
        };
        var (exitCode, output, error) = CliRunner.RunWith(args);

        AssertDiagnosed(ExitCodes.InputErrors, "PSTM0001", exitCode, output, error);
        Assert.Contains("PLAN_DIR: error PSTM0001", output);
    }

    [Theory]
    [InlineData("--templates", "PSTM0501")]
    [InlineData("--changes-since", "PSTM0705")]
    public void An_empty_folder_name_for_a_build_option_is_a_diagnostic(string option, string code)
    {
        var (exitCode, output, error) = CliRunner.RunWith("build", CliRunner.ShippedPlan, "--out", Path.Combine(_folder.FullName, "dist"), option, "");

        AssertDiagnosed(ExitCodes.InputErrors, code, exitCode, output, error);
        Assert.Contains($"{option}: error {code}", output);
    }

    [Fact]
    public void A_timeout_beyond_what_the_browser_can_wait_is_a_usage_error()
    {
        var (exitCode, output, error) = CliRunner.RunWith("build", CliRunner.ShippedPlan, "--out", Path.Combine(_folder.FullName, "dist"), "--timeout", "2147483647");

        Assert.Equal(ExitCodes.Usage, exitCode);
        Assert.Contains("--timeout is at most 86400 seconds", error);
        Assert.False(Directory.Exists(Path.Combine(_folder.FullName, "dist")));
        AssertNoBug(output, error);
    }

    private static void AssertDiagnosed(int expectedExit, string code, int exitCode, string output, string error)
    {
        Assert.True(expectedExit == exitCode, $"exit {exitCode}, expected {expectedExit}:\n{output}\n{error}");
        Assert.Contains($"error {code}:", output);
        Assert.Contains("hint:", output);
        AssertNoBug(output, error);
    }

    private static void AssertNoBug(string output, string error)
    {
        Assert.DoesNotContain("bug in pstm", output + error);
        Assert.DoesNotContain("internal error", output + error);
        Assert.DoesNotContain("   at ", output + error);
    }
}
