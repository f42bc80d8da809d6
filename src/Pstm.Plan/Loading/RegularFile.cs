using Mono.Unix.Native;

namespace Pstm.Plan.Loading;

/// <summary>
/// Whether a path is a regular file, following symbolic links. Reading a named pipe waits for a writer
/// that never comes, and reading a device such as /dev/zero never ends: pstm reads neither, in a plan,
/// its translations, an XLIFF file, the templates or the files it serves.
/// </summary>
public static class RegularFile
{
    public static bool Is(string path)
    {
        // Windows has no named pipes or devices among a folder's files.
        if (OperatingSystem.IsWindows())
        {
            return File.Exists(path);
        }

        return Syscall.stat(path, out var status) == 0 && (status.st_mode & FilePermissions.S_IFMT) == FilePermissions.S_IFREG;
    }
}
