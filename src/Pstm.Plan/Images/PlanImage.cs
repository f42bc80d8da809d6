using System.Security.Cryptography;

namespace Pstm.Plan.Images;

/// <summary>
/// An image a plan text shows, read and checked once: the bytes checked are the ones the deck inlines
/// and the build's fingerprint counts; the booklet copies the file beside its HTML.
/// </summary>
public sealed class PlanImage(string fullPath, ImageFormat format, byte[] bytes)
{
    public string FullPath { get; } = fullPath;

    public ImageFormat Format { get; } = format;

    public ReadOnlyMemory<byte> Bytes { get; } = bytes;

    /// <summary>The SHA-256 of the bytes, in lower-case hex.</summary>
    public string Hash { get; } = Convert.ToHexStringLower(SHA256.HashData(bytes));

    /// <summary>
    /// Its name among the booklet's assets, by its content: two texts showing one file share it, and
    /// a changed image is a new name, so an edition never shows a stale copy.
    /// </summary>
    public string AssetName => $"images/{Hash[..16]}.{Format.Extension}";

    /// <summary>The image as a data URL, for the deck, which is one self-contained file.</summary>
    public string DataUrl => $"data:{Format.MediaType};base64,{Convert.ToBase64String(Bytes.Span)}";
}
