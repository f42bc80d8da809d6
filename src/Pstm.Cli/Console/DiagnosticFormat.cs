namespace Pstm.Cli.Console;

/// <summary>How a command prints its diagnostics: <c>--format</c> or <c>--diagnostics-format</c>.</summary>
internal enum DiagnosticFormat
{
    /// <summary><c>file(line,col): severity CODE: message</c>, a hint, and the source line on a terminal.</summary>
    Text,

    /// <summary>One JSON document: the command, its success, a summary and every diagnostic.</summary>
    Json,

    /// <summary>GitHub Actions workflow commands, one annotation per diagnostic.</summary>
    GitHub,

    /// <summary>A SARIF 2.1.0 log, for code-scanning tools.</summary>
    Sarif,
}
