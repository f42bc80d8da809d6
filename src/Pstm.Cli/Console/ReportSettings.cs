namespace Pstm.Cli.Console;

/// <summary>The diagnostics options of one run of a command, read once from its command line.</summary>
internal sealed record ReportSettings(DiagnosticFormat Format, Verbosity Verbosity, bool WarningsAsErrors)
{
    /// <summary>Progress lines go with a text report a person reads, never with a document a tool reads.</summary>
    public bool ShowsProgress => Format == DiagnosticFormat.Text && Verbosity != Verbosity.Quiet;
}
