using System.Diagnostics;

namespace Pstm.Editions.Tests;

/// <summary>
/// Only regular files are read from the templates folder: a named pipe (whose reading waits for a
/// writer), a device, or a link to either is refused with a diagnostic at its path, and the build ends.
/// </summary>
public class TemplateFileKindTests
{
    [Theory]
    [InlineData("a named pipe")]
    [InlineData("a link to a named pipe")]
    [InlineData("a link to a device")]
    public async Task Something_other_than_a_regular_file_is_refused_and_the_build_does_not_hang(string kind)
    {
        using var output = new TemporaryFolder();
        using var templates = TemporaryFolder.CopyOf(Path.Combine(BuiltBooklet.RepositoryRoot, "templates"));
        using var elsewhere = new TemporaryFolder();
        var pipe = Path.Combine(elsewhere.Path, "pipe");
        var name = Path.Combine("booklet", "extra.sbn-html");
        var path = Path.Combine(templates.Path, name);
        switch (kind)
        {
            case "a named pipe":
                MakeNamedPipe(path);
                pipe = path;
                break;
            case "a link to a named pipe":
                MakeNamedPipe(pipe);
                File.CreateSymbolicLink(path, pipe);
                break;
            default:
                File.CreateSymbolicLink(path, "/dev/zero");
                break;
        }

        // On a thread of its own: a build stuck opening the pipe is stuck before it returns a task.
        var build = Task.Run(() => EditionBuilder.BuildAsync(BuiltBooklet.Request(output.Path, templates: templates.Path), CancellationToken.None));
        try
        {
            // Generous: only a real hang runs this long.
            var result = await build.WaitAsync(TimeSpan.FromSeconds(60));

            var diagnostic = Assert.Single(result.Diagnostics, d => d.IsError);
            Assert.Equal("PSTM0510", diagnostic.Code);
            Assert.EndsWith(name, diagnostic.Span.File, StringComparison.Ordinal);
            Assert.Contains("not a regular file", diagnostic.Message, StringComparison.Ordinal);
            Assert.Empty(BrowserProcesses.EntriesBesidesTheLock(output.Path));
        }
        finally
        {
            if (!build.IsCompleted && File.Exists(pipe))
            {
                // The build hangs opening the pipe: a writer lets it go on, so that no thread stays stuck.
                await using var writer = new FileStream(pipe, FileMode.Open, FileAccess.Write);
            }
        }
    }

    private static void MakeNamedPipe(string path)
    {
        using var mkfifo = Process.Start("mkfifo", [path]);
        mkfifo.WaitForExit();
        Assert.Equal(0, mkfifo.ExitCode);
    }
}
