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
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(fullPath);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            diagnostics.Add(PlanDiagnostics.FileUnreadable.Create(
                SourceSpan.ForFile(displayPath),
                $"the file cannot be read: {exception.Message}",
                "check that the file exists and that you may read it"));
            return null;
        }

        return Decode(bytes, displayPath, diagnostics);
    }

    public static string? Decode(ReadOnlySpan<byte> bytes, string displayPath, DiagnosticBag diagnostics)
    {
        if (bytes.StartsWith("\uFEFF"u8))
        {
            bytes = bytes[3..];
        }

        // The vectorized check is fast; the byte-by-byte search runs only to locate a known error.
        if (System.Text.Unicode.Utf8.IsValid(bytes))
        {
            return StrictUtf8.GetString(bytes);
        }

        var invalidAt = FirstInvalidByte(bytes);

        var before = StrictUtf8.GetString(bytes[..invalidAt]);
        var line = before.Count(c => c == '\n') + 1;
        var column = before.Length - (before.LastIndexOf('\n') + 1) + 1;
        diagnostics.Add(PlanDiagnostics.InvalidUtf8.Create(
            SourceSpan.At(displayPath, line, column),
            $"the file is not valid UTF-8: byte 0x{bytes[invalidAt]:X2} at offset {invalidAt} cannot be decoded",
            "save the file with UTF-8 encoding (it was probably saved as Latin-1 or Windows-1252)"));
        return null;
    }

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
