namespace Pstm.Diagnostics;

/// <summary>How serious a diagnostic is: errors stop a build, warnings and infos do not.</summary>
public enum Severity
{
    Error,
    Warning,
    Info,
}

/// <summary>The words used for a severity in every output format.</summary>
public static class SeverityNames
{
    public static string ToName(this Severity severity) => severity switch
    {
        Severity.Error => "error",
        Severity.Warning => "warning",
        _ => "info",
    };
}
