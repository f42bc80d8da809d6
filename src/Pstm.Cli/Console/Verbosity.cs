namespace Pstm.Cli.Console;

/// <summary>How much of the text report is printed: <c>--verbosity</c>, <c>--quiet</c>, <c>--verbose</c>.</summary>
internal enum Verbosity
{
    /// <summary>Errors only, and no progress lines.</summary>
    Quiet,

    /// <summary>Errors, warnings and the command's summaries.</summary>
    Normal,

    /// <summary>Everything, infos included.</summary>
    Detailed,
}
