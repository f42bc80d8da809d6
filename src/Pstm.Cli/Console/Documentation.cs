using System.Reflection;

namespace Pstm.Cli.Console;

/// <summary>
/// Where pstm's documentation is, for the links a SARIF log gives: a published copy when the package
/// was made with <c>-p:PstmDocumentationUrl=https://…/</c>, else the copy that ships beside pstm.
/// </summary>
internal static class Documentation
{
    private static readonly Uri? Root = FindRoot();

    /// <summary>The README: what pstm is, and links to every guide.</summary>
    public static Uri? Home => Root is null ? null : new Uri(Root, "README.md");

    /// <summary>A diagnostic code's entry in docs/diagnostics.md (its anchor is the code in lower case).</summary>
    public static Uri? Diagnostic(string code) =>
        Root is null ? null : new UriBuilder(new Uri(Root, "docs/diagnostics.md")) { Fragment = code.ToLowerInvariant() }.Uri;

    private static Uri? FindRoot()
    {
        var published = typeof(Documentation).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "PstmDocumentationUrl")?.Value;
        if (!string.IsNullOrWhiteSpace(published) && Uri.TryCreate(published.TrimEnd('/') + "/", UriKind.Absolute, out var address))
        {
            return address;
        }

        var shipped = AppContext.BaseDirectory;
        return File.Exists(Path.Combine(shipped, "docs", "diagnostics.md")) ? new Uri(Path.TrimEndingDirectorySeparator(shipped) + Path.DirectorySeparatorChar) : null;
    }
}
