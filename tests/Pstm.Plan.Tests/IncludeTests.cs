namespace Pstm.Plan.Tests;

public class IncludeTests
{
    [Fact]
    public void A_link_that_leads_outside_the_plan_folder_is_refused()
    {
        // Given: a plan whose included file is a link to a file outside its folder
        using var root = new TemporaryFolder();
        var plan = Directory.CreateDirectory(Path.Combine(root.Path, "plan"));
        File.WriteAllText(Path.Combine(root.Path, "secret.yaml"), "missions: []\n");
        File.WriteAllText(
            Path.Combine(plan.FullName, "plan.yaml"),
            "id: p\ntitle: T\nentity: E\nperiod: { from: 2025, to: 2027 }\nlanguage: it\ninclude: [linked.yaml]\n");
        File.CreateSymbolicLink(Path.Combine(plan.FullName, "linked.yaml"), Path.Combine(root.Path, "secret.yaml"));

        // When
        var check = PlanCheck.Run(plan.FullName, root.Path);

        // Then
        var diagnostic = Assert.Single(check.Diagnostics);
        Assert.Equal("PSTM0007", diagnostic.Code);
        Assert.Equal("plan/plan.yaml", diagnostic.Span.File);
        Assert.DoesNotContain(check.Sources.Files, f => f.FullPath.EndsWith("secret.yaml", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_named_pipe_among_the_plan_s_files_is_refused_not_waited_on()
    {
        // Given: a plan that includes a named pipe, and a translation file that is one
        using var root = new TemporaryFolder();
        var plan = Directory.CreateDirectory(Path.Combine(root.Path, "plan"));
        File.WriteAllText(
            Path.Combine(plan.FullName, "plan.yaml"),
            "id: p\ntitle: T\nentity: E\nperiod: { from: 2025, to: 2027 }\nlanguage: it\nlocales: [it, en]\ninclude: [pipe.yaml]\n");
        Assert.Equal(0, Mono.Unix.Native.Syscall.mkfifo(Path.Combine(plan.FullName, "pipe.yaml"), Mono.Unix.Native.FilePermissions.DEFFILEMODE));
        Directory.CreateDirectory(Path.Combine(plan.FullName, "translations"));
        Assert.Equal(0, Mono.Unix.Native.Syscall.mkfifo(Path.Combine(plan.FullName, "translations", "en.yaml"), Mono.Unix.Native.FilePermissions.DEFFILEMODE));

        // When (a guard against the hang a pipe causes: opened, it waits for a writer that never comes)
        var check = await Task.Run(() => PlanCheck.Run(plan.FullName, root.Path)).WaitAsync(TimeSpan.FromSeconds(60));
        var translationProblems = new Pstm.Diagnostics.DiagnosticBag();
        await Task.Run(() => Translation.TranslationFile.Load(plan.FullName, "en", root.Path, translationProblems)).WaitAsync(TimeSpan.FromSeconds(60));

        // Then
        var diagnostic = Assert.Single(check.Diagnostics, d => d.Code == "PSTM0003");
        Assert.Equal("plan/pipe.yaml", diagnostic.Span.File);
        Assert.Contains("not a regular file", diagnostic.Message, StringComparison.Ordinal);
        Assert.Contains(translationProblems.ToSortedList(), d => d.Code == "PSTM0003" && d.Span.File.EndsWith("en.yaml", StringComparison.Ordinal));
    }
}
