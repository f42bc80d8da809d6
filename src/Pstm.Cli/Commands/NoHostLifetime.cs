using Microsoft.Extensions.Hosting;

namespace Pstm.Cli.Commands;

/// <summary>A host lifetime that listens to no signal: the command that started the server stops it.</summary>
internal sealed class NoHostLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
