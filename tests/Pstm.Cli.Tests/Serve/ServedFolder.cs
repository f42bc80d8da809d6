using Pstm.Cli.Commands;

namespace Pstm.Cli.Tests.Serve;

/// <summary>
/// A built output folder as pstm leaves it (an edition, its assets, the build's dotfiles), plus what a
/// hostile folder may hold: symbolic links to a file and a folder outside it, a named pipe. Served on a free port.
/// </summary>
internal sealed class ServedFolder : IAsyncDisposable
{
    public const string Booklet = "<!DOCTYPE html><html lang=\"en\"><body><h1>Booklet</h1></body></html>";
    public const string Secret = "secret outside the output folder";

    private readonly DirectoryInfo _root;

    private ServedFolder(DirectoryInfo root, LiveReloadServer server, int port)
    {
        _root = root;
        Server = server;
        Port = port;
    }

    public LiveReloadServer Server { get; }

    public int Port { get; }

    public string Output => Path.Combine(_root.FullName, "dist");

    public static async Task<ServedFolder> StartAsync(TimeSpan? heartbeat = null)
    {
        var root = Directory.CreateTempSubdirectory("pstm-served-");
        var output = Directory.CreateDirectory(Path.Combine(root.FullName, "dist")).FullName;
        var outside = Directory.CreateDirectory(Path.Combine(root.FullName, "outside")).FullName;
        File.WriteAllText(Path.Combine(outside, "secret.txt"), Secret);
        Directory.CreateDirectory(Path.Combine(output, "en", "assets"));
        File.WriteAllText(Path.Combine(output, "en", "booklet.html"), Booklet);
        File.WriteAllText(Path.Combine(output, "en", "assets", "booklet.css"), "body { margin: 0 }");
        File.WriteAllText(Path.Combine(output, ".pstm-build.json"), "{}");
        File.WriteAllText(Path.Combine(output, ".pstm-lock"), "");
        Directory.CreateDirectory(Path.Combine(output, ".pstm-staging-1", "en"));
        File.WriteAllText(Path.Combine(output, ".pstm-staging-1", "en", "booklet.html"), Booklet);
        File.CreateSymbolicLink(Path.Combine(output, "en", "secret.txt"), Path.Combine(outside, "secret.txt"));
        File.CreateSymbolicLink(Path.Combine(output, "en", "secret.html"), Path.Combine(outside, "secret.txt"));
        Directory.CreateSymbolicLink(Path.Combine(output, "linked"), outside);
        Assert.Equal(0, Mono.Unix.Native.Syscall.mkfifo(Path.Combine(output, "en", "pipe.html"), Mono.Unix.Native.FilePermissions.DEFFILEMODE));
        var port = RawHttp.FreePort();
        return new ServedFolder(root, await LiveReloadServer.StartAsync(output, port, heartbeat), port);
    }

    public async ValueTask DisposeAsync()
    {
        await Server.DisposeAsync();
        _root.Delete(recursive: true);
    }
}
