namespace Pstm.Cli.Console;

/// <summary>
/// Everything commands print goes through this, so that tests can capture it and decide whether it is a terminal.
/// </summary>
public interface ICliConsole
{
    public TextWriter Out { get; }

    public TextWriter Error { get; }

    /// <summary>True when standard output is a terminal a person reads (then source lines and colour are shown).</summary>
    public bool IsOutputTerminal { get; }

    /// <summary>True when ANSI colour may be used on standard output.</summary>
    public bool UseColor { get; }
}
