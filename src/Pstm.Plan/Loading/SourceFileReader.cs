using System.Buffers;
using System.Text;
using Pstm.Diagnostics;

namespace Pstm.Plan.Loading;

/// <summary>Reads a file's bytes as strict UTF-8, reporting the position of the first invalid byte.</summary>
public static class SourceFileReader
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The decoded text, or null after reporting why the file could not be used.</summary>
    public static string? Read(string fullPath, string displayPath, DiagnosticBag diagnostics)
    {
        byte[]? bytes;
        try
        {
            bytes = ReadAtMost(fullPath, PlanLimits.MaxFileBytes);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            diagnostics.Add(PlanDiagnostics.FileUnreadable.Create(
                SourceSpan.ForFile(displayPath),
                $"the file cannot be read: {exception.Message}",
                "check that the file exists and that you may read it"));
            return null;
        }

        if (bytes is null)
        {
            diagnostics.Add(PlanDiagnostics.FileTooLarge.Create(
                SourceSpan.At(displayPath, 1, 1),
                $"the file is larger than {PlanLimits.MaxFileBytes / (1024 * 1024)} MiB, the limit for one file of a plan",
                "split it into several files and include them from plan.yaml"));
            return null;
        }

        return Decode(bytes, displayPath, diagnostics);
    }

    /// <summary>
    /// The file's bytes, or null when it holds more than <paramref name="limit"/>. Reads at most one byte
    /// past the limit, so that a huge file, or a device that never ends, costs no more than the limit.
    /// </summary>
    internal static byte[]? ReadAtMost(string fullPath, int limit)
    {
        // Opening a named pipe waits for a writer that never comes: anything but a regular file is refused
        // before it is opened (a file that does not exist is left to FileStream, which says so).
        if (File.Exists(fullPath) && !RegularFile.Is(fullPath))
        {
            throw new IOException("it is not a regular file but a named pipe, a device or a socket, which pstm does not read");
        }

        using var stream = new FileStream(fullPath, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1);
        if (stream.CanSeek && stream.Length > limit)
        {
            return null;
        }

        var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = stream.Read(chunk)) > 0)
        {
            if (buffer.Length + read > limit)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    public static string? Decode(ReadOnlySpan<byte> bytes, string displayPath, DiagnosticBag diagnostics)
    {
        if (bytes.StartsWith("\uFEFF"u8))
        {
            bytes = bytes[3..];
        }
        else if (OtherEncoding(bytes) is { } encoding)
        {
            diagnostics.Add(PlanDiagnostics.InvalidUtf8.Create(
                SourceSpan.At(displayPath, 1, 1),
                $"the file is {encoding} (it starts with that encoding's byte-order mark), not UTF-8",
                "save the file with UTF-8 encoding; in most editors: Save with encoding, UTF-8"));
            return null;
        }

        // The vectorized check is fast; the byte-by-byte search runs only to locate a known error.
        if (System.Text.Unicode.Utf8.IsValid(bytes))
        {
            var text = StrictUtf8.GetString(bytes);
            return CharacterCheck.IsClean(text, displayPath, diagnostics) ? text : null;
        }

        var invalidAt = FirstInvalidByte(bytes);

        var before = StrictUtf8.GetString(bytes[..invalidAt]);
        var (line, column) = LinePosition.Of(before, before.Length);
        diagnostics.Add(PlanDiagnostics.InvalidUtf8.Create(
            SourceSpan.At(displayPath, line, column),
            $"the file is not valid UTF-8: byte 0x{bytes[invalidAt]:X2} at offset {invalidAt} cannot be decoded",
            "save the file with UTF-8 encoding (it was probably saved as Latin-1 or Windows-1252)"));
        return null;
    }

    // UTF-32 LE first: its mark starts with UTF-16 LE's.
    private static string? OtherEncoding(ReadOnlySpan<byte> bytes) => bytes switch
    {
        [0xFF, 0xFE, 0x00, 0x00, ..] => "UTF-32 (little-endian)",
        [0x00, 0x00, 0xFE, 0xFF, ..] => "UTF-32 (big-endian)",
        [0xFF, 0xFE, ..] => "UTF-16 (little-endian)",
        [0xFE, 0xFF, ..] => "UTF-16 (big-endian)",
        _ => null,
    };

    private static int FirstInvalidByte(ReadOnlySpan<byte> bytes)
    {
        var offset = 0;
        while (offset < bytes.Length)
        {
            var status = Rune.DecodeFromUtf8(bytes[offset..], out _, out var consumed);
            if (status != OperationStatus.Done)
            {
                return offset;
            }

            offset += consumed;
        }

        return -1;
    }
}
