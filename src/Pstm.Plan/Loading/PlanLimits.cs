namespace Pstm.Plan.Loading;

/// <summary>
/// Bounds on what one plan may ask of pstm, so that a hostile or broken plan costs seconds and
/// megabytes, never minutes or gigabytes. Each is far above what a real plan needs (the shipped plan
/// is 14 KB in 6 files; the benchmark's 1000× plan 10 MB in 104 files) and each, when exceeded, is
/// a diagnostic of its own that names the limit.
/// </summary>
public static class PlanLimits
{
    /// <summary>Bytes of one YAML file.</summary>
    public const int MaxFileBytes = 16 * 1024 * 1024;

    /// <summary>Bytes of all the plan's files together.</summary>
    public const long MaxPlanBytes = 64L * 1024 * 1024;

    /// <summary>Files a plan may include, besides plan.yaml.</summary>
    public const int MaxIncludedFiles = 1000;

    /// <summary>Lists and mappings nested inside one another; a plan needs about six.</summary>
    public const int MaxNestingDepth = 64;

    /// <summary>Diagnostics reported for one file; past them, one says that more were left out.</summary>
    public const int MaxDiagnosticsPerFile = 1000;

    /// <summary>Bytes of one image a plan text shows: a full-page photograph fits in far less.</summary>
    public const int MaxImageBytes = 5 * 1024 * 1024;

    /// <summary>Bytes of one font file a plan brings: a family's largest WOFF2 or TTF style takes far less.</summary>
    public const int MaxFontBytes = 10 * 1024 * 1024;

    /// <summary>
    /// Bytes of a WOFF or WOFF2 font's tables once decompressed, so that a small file cannot claim
    /// gigabytes (FreeType bounds WOFF2 the same way).
    /// </summary>
    public const int MaxFontTablesBytes = 64 * 1024 * 1024;

    /// <summary>Nodes that the aliases of one file may stand for, counted as if written out.</summary>
    public const int MaxAliasNodes = 100_000;
}
