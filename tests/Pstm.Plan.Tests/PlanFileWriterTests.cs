using Pstm.Diagnostics;
using Pstm.Plan.Translation;

namespace Pstm.Plan.Tests;

public class PlanFileWriterTests
{
    private const string PlanYaml = BilingualPlan.Yaml;

    /// <summary>A plan folder with its English translation file, and a file beside the plan, outside it.</summary>
    private sealed class Folders : IDisposable
    {
        private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("pstm-write-");

        public Folders()
        {
            Directory.CreateDirectory(Plan);
            File.WriteAllText(Path.Combine(Plan, "plan.yaml"), PlanYaml);
            Directory.CreateDirectory(Path.Combine(Plan, "translations"));
            File.WriteAllText(English, "language: en\nentries:\n  missions.M1.title:\n    source: 000000000000\n    text: \"Health\"\n");
            File.WriteAllText(Outside, "language: en\nentries: {}\n");
        }

        public string Plan => Path.Combine(_root.FullName, "plan");

        public string English => Path.Combine(Plan, "translations", "en.yaml");

        public string Outside => Path.Combine(_root.FullName, "outside.yaml");

        public string[] Temporaries => Directory.GetFiles(Path.Combine(Plan, "translations"), "*.tmp");

        public void Dispose() => _root.Delete(recursive: true);
    }

    /// <summary>A stream that takes some bytes and then fails as a full disk does.</summary>
    private sealed class FullDisk(string path) : FileStream(path, FileMode.CreateNew, FileAccess.Write)
    {
        public override void Write(ReadOnlySpan<byte> buffer)
        {
            base.Write(buffer[..Math.Min(buffer.Length, 10)]);
            throw new IOException("No space left on device");
        }
    }

    [Fact]
    public void A_write_that_fails_like_a_full_disk_leaves_the_old_file_byte_identical_and_is_a_diagnostic()
    {
        using var folders = new Folders();
        var before = File.ReadAllBytes(folders.English);
        var diagnostics = new DiagnosticBag();

        var written = new PlanFileWriter(folders.Plan, folders.Plan, path => new FullDisk(path)).Write(folders.English, "language: en\nentries: {}\n", diagnostics);

        Assert.False(written);
        Assert.Equal(before, File.ReadAllBytes(folders.English));
        Assert.Empty(folders.Temporaries);
        var error = Assert.Single(diagnostics.ToSortedList());
        Assert.Equal("PSTM0014", error.Code);
        Assert.Equal("translations/en.yaml", error.Span.File);
        Assert.Contains("No space left on device", error.Message);
    }

    [Fact]
    public void A_text_over_the_size_limit_of_a_plan_file_is_refused_and_nothing_is_written()
    {
        using var folders = new Folders();
        var before = File.ReadAllBytes(folders.English);
        var diagnostics = new DiagnosticBag();

        var written = new PlanFileWriter(folders.Plan, folders.Plan).Write(folders.English, new string('x', Loading.PlanLimits.MaxFileBytes + 1), diagnostics);

        Assert.False(written);
        Assert.Equal(before, File.ReadAllBytes(folders.English));
        Assert.Empty(folders.Temporaries);
        Assert.Equal("PSTM0010", Assert.Single(diagnostics.ToSortedList()).Code);
    }

    [Fact]
    public void A_text_pstm_would_refuse_to_read_is_not_written()
    {
        using var folders = new Folders();
        var before = File.ReadAllBytes(folders.English);
        var diagnostics = new DiagnosticBag();

        var written = new PlanFileWriter(folders.Plan, folders.Plan).Write(folders.English, "language: en\u2028\n", diagnostics);

        Assert.False(written);
        Assert.Equal(before, File.ReadAllBytes(folders.English));
        Assert.Equal("PSTM0015", Assert.Single(diagnostics.ToSortedList()).Code);
    }

    [Fact]
    public void A_file_linked_outside_the_plan_is_neither_read_nor_written_through_its_link()
    {
        using var folders = new Folders();
        File.Delete(folders.English);
        File.CreateSymbolicLink(folders.English, folders.Outside);
        var outside = File.ReadAllBytes(folders.Outside);
        var (read, write) = (new DiagnosticBag(), new DiagnosticBag());

        var translations = TranslationFile.Load(folders.Plan, "en", folders.Plan, read);
        var written = new PlanFileWriter(folders.Plan, folders.Plan).Write(folders.English, "language: en\nentries: {}\n", write);

        Assert.Equal("PSTM0007", Assert.Single(read.ToSortedList()).Code);
        Assert.Empty(translations.Entries);
        Assert.False(written);
        Assert.Equal("PSTM0007", Assert.Single(write.ToSortedList()).Code);
        Assert.Equal(outside, File.ReadAllBytes(folders.Outside));
        Assert.NotNull(new FileInfo(folders.English).LinkTarget);
    }

    [Fact]
    public void A_translations_folder_linked_outside_the_plan_is_neither_read_nor_written()
    {
        using var folders = new Folders();
        var elsewhere = Path.Combine(Path.GetDirectoryName(folders.Outside)!, "elsewhere");
        Directory.Move(Path.Combine(folders.Plan, "translations"), elsewhere);
        Directory.CreateSymbolicLink(Path.Combine(folders.Plan, "translations"), elsewhere);
        var before = File.ReadAllBytes(Path.Combine(elsewhere, "en.yaml"));
        var diagnostics = new DiagnosticBag();

        var translations = TranslationFile.Load(folders.Plan, "en", folders.Plan, diagnostics);
        var written = new PlanFileWriter(folders.Plan, folders.Plan).Write(TranslationFile.PathFor(folders.Plan, "fr"), "language: fr\n", diagnostics);

        Assert.Empty(translations.Entries);
        Assert.False(written);
        Assert.Equal(["PSTM0007", "PSTM0007"], diagnostics.ToSortedList().Select(d => d.Code));
        Assert.Equal(["en.yaml"], Directory.GetFiles(elsewhere).Select(Path.GetFileName));
        Assert.Equal(before, File.ReadAllBytes(Path.Combine(elsewhere, "en.yaml")));
    }

    [Fact]
    public void Translations_with_characters_a_plan_file_may_not_hold_are_not_written()
    {
        using var folders = new Folders();
        var check = PlanCheck.Run(folders.Plan, folders.Plan);
        var fields = TranslatableFields.Of(check.Plan!);
        var before = File.ReadAllBytes(folders.English);
        foreach (var character in "\u0085\u2028\u007F\u009B\uFEFF\u001B")
        {
            var translations = fields.ToDictionary(
                f => f.Key, f => new TranslationEntry(f.Key, $"{f.Key}: before{character}after", f.Hash, default), StringComparer.Ordinal);
            var diagnostics = new DiagnosticBag();

            var written = TranslationWriter.WriteFile(new PlanFileWriter(folders.Plan, folders.Plan), folders.English, "en", "it", fields, translations, diagnostics);

            Assert.False(written);
            Assert.Contains(diagnostics.ToSortedList(), d => d.Code == "PSTM0015");
            Assert.Equal(before, File.ReadAllBytes(folders.English));
        }
    }

    [Fact]
    public void Translations_with_quotes_backslashes_tabs_and_escapes_read_back_unchanged()
    {
        using var folders = new Folders();
        var check = PlanCheck.Run(folders.Plan, folders.Plan);
        var fields = TranslatableFields.Of(check.Plan!);
        var translations = fields.ToDictionary(
            f => f.Key, f => new TranslationEntry(f.Key, $"{f.Key}: \"quoted\" \\u2028 back\\slash\ttab # not a comment", f.Hash, default), StringComparer.Ordinal);
        var diagnostics = new DiagnosticBag();

        var written = TranslationWriter.WriteFile(new PlanFileWriter(folders.Plan, folders.Plan), folders.English, "en", "it", fields, translations, diagnostics);
        var read = TranslationFile.Load(folders.Plan, "en", folders.Plan, diagnostics);

        Assert.True(written, string.Join("\n", diagnostics.ToSortedList()));
        Assert.Empty(diagnostics.ToSortedList());
        Assert.Equal(fields.Count, read.Entries.Count);
        Assert.All(translations, t => Assert.Equal(t.Value.Text, read.Entries[t.Key].Text));
    }

    [Fact]
    public void A_link_that_stays_inside_the_plan_is_written_through_and_kept()
    {
        using var folders = new Folders();
        var shared = Path.Combine(folders.Plan, "shared.yaml");
        File.Move(folders.English, shared);
        File.CreateSymbolicLink(folders.English, "../shared.yaml");
        var diagnostics = new DiagnosticBag();

        var written = new PlanFileWriter(folders.Plan, folders.Plan).Write(folders.English, "language: en\nentries: {}\n", diagnostics);

        Assert.True(written, string.Join("\n", diagnostics.ToSortedList()));
        Assert.Equal("../shared.yaml", new FileInfo(folders.English).LinkTarget);
        Assert.Equal("language: en\nentries: {}\n", File.ReadAllText(shared));
    }
}
