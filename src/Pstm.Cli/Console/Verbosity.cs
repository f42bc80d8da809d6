namespace Pstm.Cli.Console;

/// <summary>How much of the text report is printed: <c>--verbosity</c>, <c>--quiet</c>, <c>--verbose</c>.</summary>
internal enum Verbosity
{
    /// <summary>Errors, warnings and the command's summaries: the default, so the first value.</summary>
    Normal,

    /// <summary>Errors only, and no progress lines.</summary>
    Quiet,

    /// <summary>Everything, infos included.</summary>
    Detailed,
}
