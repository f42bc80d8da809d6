using System.Security.Cryptography;
using System.Text;
using Pstm.Diagnostics;

namespace Pstm.Plan.Translation;

/// <summary>
/// A text of the plan that translators translate: its stable key (such as <c>missions.M2.title</c>),
/// the source text, where it is written, and whether it is Markdown (chapter bodies, notes) or inline.
/// </summary>
public sealed record TranslatableField(string Key, string Text, SourceSpan Span, bool IsMarkdown)
{
    /// <summary>What a translator should know of where the text appears (the mission of an objective, say).</summary>
    public string? Context { get; init; }

    /// <summary>The hash a translation records of the text it translates: 12 hex digits of SHA-256.</summary>
    public string Hash => HashOf(Text);

    public static string HashOf(string text) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.Replace("\r\n", "\n", StringComparison.Ordinal).Normalize(NormalizationForm.FormC))))[..12];
}
