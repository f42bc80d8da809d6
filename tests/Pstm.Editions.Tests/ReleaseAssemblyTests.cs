using System.Text;
using Pstm.Diagnostics;

namespace Pstm.Editions.Tests;

/// <summary>
/// <c>pstm release assemble</c> and <c>release verify</c> on parts made here, without a browser: what is merged,
/// and what is refused (each refusal leaves the output folder without a release). The parts of real builds,
/// and their comparison with one build of every locale, are in the CLI's <c>ReleaseBuildTests</c>.
/// </summary>
public class ReleaseAssemblyTests
{
    private static readonly string Commit = new('a', 40);

    private static ReleaseHeader Header(params string[] locales) =>
        new("pstm 1.0.0", "1.0.0", "demo-plan", "1.4.0", "2025-02-27", null, Commit, 1750000000, locales);

    private static readonly (string Path, string Text)[] Italian =
    [
        ("it/demo-plan_it_booklet_1.4.0.html", "<p>libretto</p>"),
        ("it/demo-plan_it_slides_1.4.0.html", "<p>diapositive</p>"),
        ("it/assets/theme.css", "body { color: black }"),
    ];

    private static readonly (string Path, string Text)[] English =
    [
        ("en/demo-plan_en_booklet_1.4.0.html", "<p>booklet</p>"),
        ("en/demo-plan_en_slides_1.4.0.html", "<p>slides</p>"),
        ("en/assets/theme.css", "body { color: black }"),
    ];

    /// <summary>A release folder as a build writes it: the files, then manifest.json and SHA256SUMS made from them.</summary>
    private static string Part(string root, string name, ReleaseHeader header, IEnumerable<(string Path, string Text)> files)
    {
        var folder = Path.Combine(root, name);
        using var staging = new OutputStaging(folder);
        foreach (var (path, text) in files)
        {
            staging.WriteAllText(path, text);
        }

        ReleaseManifest.Write(staging, header);
        Assert.NotEmpty(staging.Commit(new DiagnosticBag()));
        return folder;
    }

    private static (IReadOnlyList<string> Written, IReadOnlyList<Diagnostic> Diagnostics) Assemble(string output, params string[] parts)
    {
        var diagnostics = new DiagnosticBag();
        var written = ReleaseAssembly.AssembleAsync(parts, output, diagnostics, null, CancellationToken.None).GetAwaiter().GetResult();
        return (written, diagnostics.ToSortedList());
    }

    private static Dictionary<string, byte[]> Shipped(string folder) =>
        Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .Select(path => Path.GetRelativePath(folder, path).Replace('\\', '/'))
            .Where(relative => !relative.Split('/').Any(part => part.StartsWith('.')))
            .ToDictionary(relative => relative, relative => File.ReadAllBytes(Path.Combine(folder, relative)), StringComparer.Ordinal);

    [Fact]
    public void Parts_assemble_into_the_bytes_of_one_release_of_every_locale()
    {
        using var root = new TemporaryFolder();
        var whole = Part(root.Path, "whole", Header("it", "en"), Italian.Concat(English));
        var it = Part(root.Path, "part-it", Header("it"), Italian);
        var en = Part(root.Path, "part-en", Header("en"), English);
        var output = Path.Combine(root.Path, "assembled");

        var (written, diagnostics) = Assemble(output, en, it);

        Assert.Empty(diagnostics);
        Assert.NotEmpty(written);
        var expected = Shipped(whole);
        var actual = Shipped(output);
        Assert.Equal(expected.Keys.Order(StringComparer.Ordinal), actual.Keys.Order(StringComparer.Ordinal));
        Assert.All(expected, file => Assert.Equal(file.Value, actual[file.Key]));
        var manifest = Encoding.UTF8.GetString(actual[ReleaseManifest.ManifestFile]);
        Assert.Contains("\"locales\": [\n    \"en\",\n    \"it\"\n  ]", manifest.Replace("\r\n", "\n"));
        Assert.Contains("\"artifact\": \"it/assets/theme.css\"", manifest);
        Assert.Contains("\"kind\": \"asset\"", manifest);
        Assert.Contains("\"kind\": \"booklet\"", manifest);
        Assert.Contains("\"source_commit\": \"" + Commit + "\"", manifest);
        Assert.Contains("\"source_date_epoch\": 1750000000,", manifest);
        Assert.Contains("  it/assets/theme.css\n", Encoding.UTF8.GetString(actual[ReleaseManifest.SumsFile]));
    }

    [Fact]
    public void A_file_changed_since_its_part_was_built_is_refused_and_nothing_is_written()
    {
        using var root = new TemporaryFolder();
        var it = Part(root.Path, "part-it", Header("it"), Italian);
        var en = Part(root.Path, "part-en", Header("en"), English);
        File.AppendAllText(Path.Combine(en, "en", "demo-plan_en_slides_1.4.0.html"), "<!-- cut -->");
        var output = Path.Combine(root.Path, "assembled");

        var (written, diagnostics) = Assemble(output, it, en);

        Assert.Empty(written);
        var mismatch = Assert.Single(diagnostics);
        Assert.Equal("PSTM0635", mismatch.Code);
        Assert.Contains("en/demo-plan_en_slides_1.4.0.html does not match its checksum", mismatch.Message);
        Assert.Equal(Path.Combine(en, "SHA256SUMS"), mismatch.Span.File);
        Assert.True(mismatch.Span.StartLine > 0);
        Assert.False(Directory.Exists(output));
    }

    [Theory]
    [InlineData("version", "1.4.1")]
    [InlineData("source_commit", "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb")]
    [InlineData("plan", "another-plan")]
    [InlineData("pstm_version", "1.0.1")]
    [InlineData("source_date_epoch", "1750000001")]
    public void Parts_of_different_builds_are_refused_by_what_they_differ_in(string field, string value)
    {
        using var root = new TemporaryFolder();
        var other = field switch
        {
            "version" => Header("en") with { Version = value },
            "source_commit" => Header("en") with { SourceCommit = value },
            "plan" => Header("en") with { Plan = value },
            "pstm_version" => Header("en") with { PstmVersion = value },
            _ => Header("en") with { SourceDateEpoch = long.Parse(value, System.Globalization.CultureInfo.InvariantCulture) },
        };
        var it = Part(root.Path, "part-it", Header("it"), Italian);
        var en = Part(root.Path, "part-en", other, English);
        var output = Path.Combine(root.Path, "assembled");

        var (written, diagnostics) = Assemble(output, it, en);

        Assert.Empty(written);
        var disagreement = Assert.Single(diagnostics);
        Assert.Equal("PSTM0636", disagreement.Code);
        Assert.Contains($"this part's {field} is '{value}'", disagreement.Message);
        Assert.Equal(Path.Combine(en, "manifest.json"), disagreement.Span.File);
        Assert.False(Directory.Exists(output));
    }

    [Fact]
    public void Two_parts_with_different_files_under_one_name_conflict_and_the_same_file_twice_does_not()
    {
        using var root = new TemporaryFolder();
        var it = Part(root.Path, "part-it", Header("it"), Italian);
        var again = Part(root.Path, "part-it-again", Header("it"), Italian);
        var changed = Part(root.Path, "part-it-changed", Header("it"), Italian.Select(f => f.Path.EndsWith(".css", StringComparison.Ordinal) ? (f.Path, "body { color: red }") : f));

        var (same, sameDiagnostics) = Assemble(Path.Combine(root.Path, "same"), it, again);
        var (conflicting, conflictDiagnostics) = Assemble(Path.Combine(root.Path, "conflict"), it, changed);

        Assert.Empty(sameDiagnostics);
        Assert.NotEmpty(same);
        Assert.Empty(conflicting);
        var conflict = Assert.Single(conflictDiagnostics);
        Assert.Equal("PSTM0637", conflict.Code);
        Assert.Contains("it/assets/theme.css is in", conflict.Message);
    }

    [Fact]
    public void A_file_the_checksums_do_not_list_is_told_and_left_out()
    {
        using var root = new TemporaryFolder();
        var it = Part(root.Path, "part-it", Header("it"), Italian);
        File.WriteAllText(Path.Combine(it, "it", "booklet.pdf"), "left from an earlier build");
        var output = Path.Combine(root.Path, "assembled");

        var (written, diagnostics) = Assemble(output, it);

        Assert.NotEmpty(written);
        var unlisted = Assert.Single(diagnostics);
        Assert.Equal("PSTM0638", unlisted.Code);
        Assert.Equal(Severity.Warning, unlisted.Severity);
        Assert.False(File.Exists(Path.Combine(output, "it", "booklet.pdf")));
    }

    [Theory]
    [InlineData("../outside.html")]
    [InlineData("/etc/passwd")]
    [InlineData("it/../../outside.html")]
    [InlineData(".pstm-build.json")]
    [InlineData("it\\..\\x.html")]
    public void Checksums_that_name_a_path_out_of_the_part_are_refused(string path)
    {
        using var root = new TemporaryFolder();
        var it = Part(root.Path, "part-it", Header("it"), Italian);
        File.AppendAllText(Path.Combine(it, "SHA256SUMS"), $"{new string('0', 64)}  {path}\n");

        var (written, diagnostics) = Assemble(Path.Combine(root.Path, "assembled"), it);

        Assert.Empty(written);
        Assert.Equal("PSTM0634", Assert.Single(diagnostics).Code);
    }

    [Fact]
    public void A_part_whose_manifest_and_checksums_disagree_is_refused()
    {
        using var root = new TemporaryFolder();
        var it = Part(root.Path, "part-it", Header("it"), Italian);
        var sums = File.ReadAllLines(Path.Combine(it, "SHA256SUMS"));
        File.WriteAllLines(Path.Combine(it, "SHA256SUMS"), sums.Where(line => !line.EndsWith("theme.css", StringComparison.Ordinal)));

        var (written, diagnostics) = Assemble(Path.Combine(root.Path, "assembled"), it);

        Assert.Empty(written);
        Assert.Contains(diagnostics, d => d.Code == "PSTM0635" && d.Message.Contains("manifest.json lists it/assets/theme.css, which SHA256SUMS does not", StringComparison.Ordinal));
    }

    [Fact]
    public void A_file_of_the_part_that_is_a_symbolic_link_is_refused()
    {
        using var root = new TemporaryFolder();
        var it = Part(root.Path, "part-it", Header("it"), Italian);
        var css = Path.Combine(it, "it", "assets", "theme.css");
        var elsewhere = Path.Combine(root.Path, "theme.css");
        File.Move(css, elsewhere);
        File.CreateSymbolicLink(css, elsewhere);

        var (written, diagnostics) = Assemble(Path.Combine(root.Path, "assembled"), it);

        Assert.Empty(written);
        var link = Assert.Single(diagnostics);
        Assert.Equal("PSTM0635", link.Code);
        Assert.Contains("symbolic link", link.Message);
    }

    [Fact]
    public void A_folder_that_is_no_release_and_a_manifest_of_an_older_pstm_are_refused()
    {
        using var root = new TemporaryFolder();
        var empty = Directory.CreateDirectory(Path.Combine(root.Path, "empty")).FullName;
        var old = Part(root.Path, "old", Header("it"), Italian);
        File.WriteAllText(Path.Combine(old, "manifest.json"), "{\n  \"generator\": \"pstm 0.1.0\",\n  \"artifacts\": []\n}\n");

        var (written, diagnostics) = Assemble(Path.Combine(root.Path, "assembled"), empty, old, Path.Combine(root.Path, "missing"));

        Assert.Empty(written);
        Assert.Equal(3, diagnostics.Count(d => d.Code == "PSTM0634"));
        Assert.Contains(diagnostics, d => d.Message.Contains("it has no 'pstm_version'", StringComparison.Ordinal));
    }

    [Fact]
    public void The_output_folder_may_not_be_a_part_nor_lie_inside_one()
    {
        using var root = new TemporaryFolder();
        var it = Part(root.Path, "part-it", Header("it"), Italian);

        var (intoPart, intoDiagnostics) = Assemble(it, it);
        var (inside, insideDiagnostics) = Assemble(Path.Combine(it, "release"), it);

        Assert.Empty(intoPart);
        Assert.Empty(inside);
        Assert.Equal("PSTM0704", Assert.Single(intoDiagnostics).Code);
        Assert.Equal("PSTM0704", Assert.Single(insideDiagnostics).Code);
        Assert.False(Directory.Exists(Path.Combine(it, "release")));
    }

    [Fact]
    public void Verify_reads_a_release_back_and_tells_every_changed_file()
    {
        using var root = new TemporaryFolder();
        var whole = Part(root.Path, "whole", Header("it", "en"), Italian.Concat(English));
        var good = new DiagnosticBag();
        var release = ReleaseFolder.Read(whole, good);

        File.WriteAllText(Path.Combine(whole, "it", "assets", "theme.css"), "changed");
        File.Delete(Path.Combine(whole, "en", "demo-plan_en_booklet_1.4.0.html"));
        var bad = new DiagnosticBag();
        var broken = ReleaseFolder.Read(whole, bad);

        Assert.NotNull(release);
        Assert.Empty(good.ToSortedList());
        Assert.Equal(6, release.Files.Count);
        Assert.Equal(["en", "it"], release.Header.Locales);
        Assert.Null(broken);
        Assert.Equal(2, bad.ToSortedList().Count(d => d.Code == "PSTM0635"));
    }
}
