using System.Text;
using Pstm.Diagnostics;

namespace Pstm.Editions;

/// <summary>
/// A file written where the user asked (<c>i18n extract -o</c>, <c>schema --out</c>): its missing parent
/// folders are created, as <c>--out</c> creates its folder; it is written beside its final name and moved
/// into place only when complete, so that a failure leaves the previous file as it was. Every way it can
/// fail is PSTM0714, naming the file, instead of an exception.
/// </summary>
public static class OutputFile
{
    /// <summary>Writes <paramref name="text"/> (UTF-8) into <paramref name="path"/>, given with <paramref name="option"/>; null when written.</summary>
    public static Diagnostic? Write(string path, string text, string option) =>
        Write(path, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetBytes(text), option);

    /// <summary>Writes <paramref name="bytes"/> into <paramref name="path"/>, given with <paramref name="option"/>; null when written.</summary>
    public static Diagnostic? Write(string path, byte[] bytes, string option)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            return Unwritable(option, $"the output file's name is '{path}': empty or blank, it names no file", $"give {option} a file name");
        }

        var full = Path.GetFullPath(path);
        if (Directory.Exists(full))
        {
            return Unwritable(path, $"the output file is a folder: {full}", $"give {option} the name of a file, not of a folder");
        }

        var folder = Path.GetDirectoryName(full)!;
        for (var parent = folder; parent is not null; parent = Path.GetDirectoryName(parent))
        {
            if (File.Exists(parent))
            {
                return Unwritable(path, $"the output file cannot be created inside a file: {parent}", $"give {option} a file whose parents are folders");
            }
        }

        var temporary = Path.Combine(folder, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.tmp");
        try
        {
            Directory.CreateDirectory(folder);

            // A device or the process's own descriptors (/dev/stdout, /dev/fd/3) are written to, never replaced.
            if (IsDevice(full))
            {
                File.WriteAllBytes(full, bytes);
                return null;
            }

            File.WriteAllBytes(temporary, bytes);
            File.Move(temporary, full, overwrite: true);
            return null;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or NotSupportedException)
        {
            return Unwritable(path, $"the output file cannot be written: {exception.Message}", "check that its folder exists or can be created, that you can write to it, and that the disk has room; a previous file is left as it was");
        }
        finally
        {
            if (File.Exists(temporary))
            {
                File.Delete(temporary);
            }
        }
    }

    private static bool IsDevice(string fullPath) =>
        !OperatingSystem.IsWindows() && (fullPath.StartsWith("/dev/", StringComparison.Ordinal) || fullPath.StartsWith("/proc/", StringComparison.Ordinal));

    private static Diagnostic Unwritable(string file, string message, string hint) =>
        EditionDiagnostics.OutputFileUnwritable.Create(SourceSpan.ForFile(file), message, hint);
}
