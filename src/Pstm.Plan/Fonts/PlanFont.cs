using System.Globalization;
using System.Security.Cryptography;

namespace Pstm.Plan.Fonts;

/// <summary>
/// A font file a plan brings, read and checked once (<see cref="FontFile.Read"/>): the bytes checked
/// are the ones the deck inlines, the booklet copies and the build's fingerprint counts; its family,
/// weight and style are what the file itself says, for the @font-face rule and for telling a
/// declaration that does not match the file.
/// </summary>
public sealed class PlanFont
{
    internal PlanFont(string fullPath, FontFormat format, byte[] bytes, string family, int weight, bool italic)
    {
        FullPath = fullPath;
        Format = format;
        Bytes = bytes;
        Hash = Convert.ToHexStringLower(SHA256.HashData(bytes));
        Family = family;
        Weight = weight;
        Italic = italic;
    }

    public string FullPath { get; }

    public FontFormat Format { get; }

    public ReadOnlyMemory<byte> Bytes { get; }

    /// <summary>The SHA-256 of the bytes, in lower-case hex.</summary>
    public string Hash { get; }

    /// <summary>
    /// The family name the file gives: its typographic family (name ID 16) when it has one, else its
    /// family (name ID 1), which for a weight outside regular and bold often names the weight too
    /// ("Titillium Web SemiBold"). Text from the file: escape it before writing it into CSS or HTML.
    /// </summary>
    public string Family { get; }

    /// <summary>The weight class the file gives (OS/2 usWeightClass): 400 regular, 700 bold.</summary>
    public int Weight { get; }

    /// <summary>True when the file says it is italic (OS/2 fsSelection bit 0, or head macStyle bit 1).</summary>
    public bool Italic { get; }

    /// <summary>The CSS font-style of the file: italic or normal.</summary>
    public string Style => Italic ? "italic" : "normal";

    /// <summary>What the file is, in the words of a message: "Titillium Web 700 italic".</summary>
    public string Description => string.Create(CultureInfo.InvariantCulture, $"{Family} {Weight} {Style}");

    /// <summary>
    /// Its name among the booklet's assets, by its content: two declarations of one file share it, and
    /// a changed font is a new name, so an edition never shows a stale copy.
    /// </summary>
    public string AssetName => $"fonts/{Hash[..16]}.{Format.Extension}";

    /// <summary>The font as a data URL, for the deck, which is one self-contained file.</summary>
    public string DataUrl => $"data:{Format.MediaType};base64,{Convert.ToBase64String(Bytes.Span)}";
}
