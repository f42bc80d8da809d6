namespace Pstm.Cli;

/// <summary>What pstm's exit status means; documented in docs/cli.md, stable across versions.</summary>
public static class ExitCodes
{
    /// <summary>Done, with no errors (warnings may have been reported).</summary>
    public const int Success = 0;

    /// <summary>The input has errors (or warnings under --warnings-as-errors).</summary>
    public const int InputErrors = 1;

    /// <summary>The command line itself is wrong: unknown command or option, bad value.</summary>
    public const int Usage = 2;

    /// <summary>pstm failed by its own fault: a bug to report.</summary>
    public const int InternalError = 3;

    /// <summary>Stopped by Ctrl+C or SIGTERM (128 + SIGINT, as shells report it).</summary>
    public const int Cancelled = 130;
}
