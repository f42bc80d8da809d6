namespace Pstm.Diagnostics;

/// <summary>What a SARIF log says of the tool: its version, its documentation, and each rule's.</summary>
/// <param name="HelpUri">The documentation of one code, or null when there is none to point to.</param>
public sealed record SarifTool(string Version, Uri? InformationUri, Func<string, Uri?> HelpUri);
