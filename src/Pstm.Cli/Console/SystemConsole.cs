namespace Pstm.Cli.Console;

/// <summary>The process's real console; colour follows the NO_COLOR convention.</summary>
public sealed class SystemConsole : ICliConsole
{
    public TextWriter Out => System.Console.Out;

    public TextWriter Error => System.Console.Error;

    public bool IsOutputTerminal => !System.Console.IsOutputRedirected;

    public bool UseColor =>
        IsOutputTerminal
        && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR"))
        && Environment.GetEnvironmentVariable("TERM") != "dumb";
}
