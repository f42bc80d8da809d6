namespace Pstm.Cli.Console;

/// <summary>A console that keeps what is written, for tests and for embedding pstm.</summary>
public sealed class CapturedConsole(bool isTerminal = false, bool useColor = false) : ICliConsole, IDisposable
{
    private readonly StringWriter _out = new() { NewLine = "\n" };
    private readonly StringWriter _error = new() { NewLine = "\n" };

    public TextWriter Out => _out;

    public TextWriter Error => _error;

    public bool IsOutputTerminal { get; } = isTerminal;

    public bool UseColor { get; } = useColor;

    public string OutText => _out.ToString();

    public string ErrorText => _error.ToString();

    public void Dispose()
    {
        _out.Dispose();
        _error.Dispose();
    }
}
