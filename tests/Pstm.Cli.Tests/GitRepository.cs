using System.Diagnostics;

namespace Pstm.Cli.Tests;

/// <summary>A new git repository in a temporary folder, holding a copy of a plan folder as ROOT/plan, committed; deleted on dispose.</summary>
internal sealed class GitRepository : IDisposable
{
    public GitRepository(string plan)
    {
        Root = Directory.CreateTempSubdirectory("pstm-git-test-").FullName;
        foreach (var file in Directory.GetFiles(plan, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(Plan, Path.GetRelativePath(plan, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        Git("init", "-q");
        Commit("first edition");
    }

    public string Root { get; }

    public string Plan => Path.Combine(Root, "plan");

    public void Commit(string message)
    {
        Git("add", ".");
        Git("-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "-q", "-m", message);
    }

    /// <summary>Runs git in the repository; its standard output, trimmed.</summary>
    public string Git(params string[] arguments)
    {
        var start = new ProcessStartInfo("git") { WorkingDirectory = Root, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var git = Process.Start(start)!;
        var error = git.StandardError.ReadToEndAsync();
        var output = git.StandardOutput.ReadToEnd();
        git.WaitForExit();
        Assert.True(git.ExitCode == 0, error.Result);
        return output.Trim();
    }

    public void Dispose() => Directory.Delete(Root, recursive: true);
}
