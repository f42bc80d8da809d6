using Pstm.Cli.Commands;
using Pstm.Cli.Console;
using Pstm.Diagnostics;
using Pstm.Editions;

namespace Pstm.Cli.Tests;

/// <summary>
/// What a watch rebuilds for, and what a rebuild reports: editors' temporary files are no change, a
/// file the build does not read is none either (unless the build failed), and a rebuild names only the
/// diagnostics it adds and those it no longer has.
/// </summary>
public class WatchFilterTests
{
    [Theory]
    [InlineData("sedAb12Cd")]
    [InlineData("sed4kQz9x")]
    [InlineData(".content.yaml.swp")]
    [InlineData(".content.yaml.swo")]
    [InlineData(".swx")]
    [InlineData("4913")]
    [InlineData("5036")]
    [InlineData("content.yaml~")]
    [InlineData(".#content.yaml")]
    [InlineData("#content.yaml#")]
    [InlineData("content.yaml.tmp")]
    [InlineData("content.yaml___jb_tmp___")]
    [InlineData("content.yaml___jb_old___")]
    [InlineData(".goutputstream-XYZ123")]
    [InlineData(".content.yaml.kate-swp")]
    [InlineData(".~lock.budget.ods#")]
    public void An_editor_s_temporary_file_is_no_change(string name) =>
        Assert.True(EditorFiles.IsTemporary(Path.Combine("/plans/my-plan", name)), name);

    [Theory]
    [InlineData("content.yaml")]
    [InlineData("plan.yml")]
    [InlineData("sed.yaml")]
    [InlineData("sedimentation")]
    [InlineData("logo.svg")]
    [InlineData("2025")]
    [InlineData("4914")]
    [InlineData("swp.yaml")]
    [InlineData(".hidden.yaml")]
    public void A_file_of_the_plan_is_not_taken_for_a_temporary_one(string name) =>
        Assert.False(EditorFiles.IsTemporary(Path.Combine("/plans/my-plan", name)), name);

    [Fact]
    public void After_a_good_build_only_the_files_it_read_and_the_templates_count()
    {
        using var root = new TemporaryFolder("pstm-watched-");
        var plan = Path.Combine(root.Path, "plan");
        var layer = Path.Combine(root.Path, "theme");
        var read = new[] { Path.Combine(plan, "plan.yaml"), Path.Combine(plan, "content.yaml"), Path.Combine(plan, "images", "logo.png") };
        var built = new BuildResult([], [], new NoSourceLines()) { Inputs = read };

        var inputs = new WatchedInputs(built, plan, [layer]);

        Assert.All(read, file => Assert.True(inputs.Counts(file), file));
        Assert.True(inputs.Counts(Path.Combine(layer, "booklet", "theme.css")));
        Assert.False(inputs.Counts(Path.Combine(plan, "notes.txt")));
        Assert.False(inputs.Counts(Path.Combine(plan, "draft.yaml")));
        Assert.False(inputs.Counts(Path.Combine(plan, "images", "unused.png")));
        Assert.False(inputs.Counts(Path.Combine(root.Path, "themes", "x.css")));
    }

    [Fact]
    public void After_a_failed_build_any_file_of_the_plan_folder_counts()
    {
        using var root = new TemporaryFolder("pstm-watched-");
        var plan = Path.Combine(root.Path, "plan");
        var failed = new BuildResult([new Diagnostic("PSTM0005", Severity.Error, SourceSpan.At(Path.Combine(plan, "plan.yaml"), 3, 5), "missions.yaml is missing")], [], new NoSourceLines())
        {
            Inputs = [Path.Combine(plan, "plan.yaml")],
        };

        var inputs = new WatchedInputs(failed, plan, []);

        Assert.True(inputs.Counts(Path.Combine(plan, "missions.yaml")));
        Assert.False(inputs.Counts(Path.Combine(root.Path, "elsewhere.yaml")));
    }

    [Fact]
    public void A_rebuild_names_the_diagnostics_it_adds_and_those_it_no_longer_has_not_those_that_stay()
    {
        var stays = Warning("PSTM0404", "drivers.yaml", 14, "chapter C2 has no body");
        var movedDown = Warning("PSTM0404", "drivers.yaml", 20, "chapter C2 has no body");
        var fixedOne = Warning("PSTM0403", "drivers.yaml", 119, "driver D8 has no subtitle yet");
        var added = Warning("PSTM0417", "plan.yaml", 2, "no publication date");
        var secondOfTheSame = Warning("PSTM0404", "drivers.yaml", 40, "chapter C2 has no body");

        var (newOnes, fixedOnes) = DiagnosticChanges.Between([stays, fixedOne], [movedDown, added, secondOfTheSame]);

        Assert.Equal([added, secondOfTheSame], newOnes);
        Assert.Equal([fixedOne], fixedOnes);
    }

    [Fact]
    [System.Runtime.Versioning.SupportedOSPlatform("linux")]
    public void The_process_holding_a_port_is_named_from_proc()
    {
        using var proc = new TemporaryFolder("pstm-proc-");
        Directory.CreateDirectory(Path.Combine(proc.Path, "net"));
        File.WriteAllText(Path.Combine(proc.Path, "net", "tcp"),
            "  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode\n"
            + "   0: 0100007F:1F90 00000000:0000 0A 00000000:00000000 00:00000000 00000000  1000        0 424242 1 0000000000000000 100 0 0 10 0\n"
            + "   1: 0100007F:1F91 00000000:0000 0A 00000000:00000000 00:00000000 00000000  1000        0 515151 1 0000000000000000 100 0 0 10 0\n"
            + "   2: 0100007F:1F90 0100007F:C350 01 00000000:00000000 00:00000000 00000000  1000        0 616161 1 0000000000000000 100 0 0 10 0\n");
        var fds = Directory.CreateDirectory(Path.Combine(proc.Path, "4242", "fd")).FullName;
        File.CreateSymbolicLink(Path.Combine(fds, "0"), "/dev/null");
        File.CreateSymbolicLink(Path.Combine(fds, "7"), "socket:[424242]");
        File.WriteAllText(Path.Combine(proc.Path, "4242", "comm"), "webserver\n");
        File.WriteAllText(Path.Combine(proc.Path, "4242", "cmdline"), "/usr/bin/webserver\0--port\08080\0\u001b[31m\0");

        Assert.Equal("held by process 4242 (webserver: /usr/bin/webserver --port 8080 \\u001B[31m)", PortHolder.Describe(8080, proc.Path));
        Assert.Contains("not readable by this user", PortHolder.Describe(8081, proc.Path));
        Assert.Contains("no listening socket on it was found", PortHolder.Describe(8082, proc.Path));
        Assert.Contains("cannot be known on this system", PortHolder.Describe(8080, Path.Combine(proc.Path, "missing")));
    }

    private static Diagnostic Warning(string code, string file, int line, string message) =>
        new(code, Severity.Warning, SourceSpan.At(file, line, 5), message);
}
