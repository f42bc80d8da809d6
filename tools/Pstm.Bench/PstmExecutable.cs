namespace Pstm.Bench;

/// <summary>The pstm being measured: a published executable, or a pstm.dll run through dotnet.</summary>
internal sealed record PstmExecutable(string Path)
{
    public BenchCommand Command(params string[] arguments) =>
        Path.EndsWith(".dll", StringComparison.OrdinalIgnoreCase)
            ? new BenchCommand("dotnet", [Path, .. arguments])
            : new BenchCommand(Path, arguments);
}
