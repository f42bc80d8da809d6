namespace Pstm.Cli.Commands;

/// <summary>The format of a command's own report (explain, i18n status): <c>--format text|json</c>.</summary>
internal enum ReportFormat
{
    Text,
    Json,
}

/// <summary>What <c>pstm diff</c> prints: <c>--format text|json|html</c>.</summary>
internal enum DiffFormat
{
    /// <summary>A line per change, reworded texts as a word diff.</summary>
    Text,

    /// <summary>Every change, its words, and a summary, as one document.</summary>
    Json,

    /// <summary>A page that stands on its own, for readers.</summary>
    Html,
}

/// <summary>What <c>pstm export</c> writes: <c>--format json|csv|all</c>.</summary>
internal enum ExportFormat
{
    /// <summary>JSON and CSV.</summary>
    All,

    /// <summary>plan.json and its JSON Schema.</summary>
    Json,

    /// <summary>The CSV files of missions, objectives, drivers and links.</summary>
    Csv,
}
