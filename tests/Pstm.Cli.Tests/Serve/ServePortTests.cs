using System.Net;
using System.Net.Sockets;

namespace Pstm.Cli.Tests.Serve;

/// <summary>
/// A port that is no port, or one already in use, is told at once as a located error (PSTM0711, exit 2;
/// PSTM0710, exit 1), before anything is built: the output folder is not even created.
/// </summary>
public class ServePortTests
{
    [Theory]
    [InlineData("serve {plan} --port 70000")]
    [InlineData("serve {plan} --port -1")]
    [InlineData("serve {plan} --port 65536")]
    [InlineData("build {plan} --watch --serve -1")]
    [InlineData("build {plan} --watch --serve 65536")]
    public void A_port_out_of_range_is_a_usage_error_before_building(string command)
    {
        using var root = new TemporaryFolder("pstm-port-");
        var output = Path.Combine(root.Path, "dist");

        var (exitCode, stdout, stderr) = CliRunner.Run($"{command} --out {output}");

        Assert.Equal(ExitCodes.Usage, exitCode);
        var option = command.StartsWith("serve", StringComparison.Ordinal) ? "--port" : "--serve";
        Assert.Contains($"{option}: error PSTM0711: ", stdout);
        Assert.Contains("  hint: ", stdout);
        Assert.DoesNotContain("bug in pstm", stdout + stderr);
        Assert.False(Directory.Exists(output), "the build started before the port was checked");
    }

    [Fact]
    public void A_busy_port_is_a_located_error_before_building()
    {
        using var root = new TemporaryFolder("pstm-port-");
        using var busy = new TcpListener(IPAddress.Loopback, 0);
        busy.Start();
        var port = ((IPEndPoint)busy.LocalEndpoint).Port;
        var output = Path.Combine(root.Path, "dist");

        var (exitCode, stdout, stderr) = CliRunner.Run($"serve {{plan}} --out {output} --port {port}");

        Assert.Equal(ExitCodes.InputErrors, exitCode);
        Assert.Contains($"--port: error PSTM0710: cannot serve on 127.0.0.1:{port}", stdout);
        Assert.Contains("  hint: ", stdout);
        Assert.DoesNotContain("bug in pstm", stdout + stderr);
        Assert.False(Directory.Exists(output), "the build started before the port was checked");
    }
}
