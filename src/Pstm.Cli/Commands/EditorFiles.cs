using System.Text.RegularExpressions;

namespace Pstm.Cli.Commands;

/// <summary>
/// The files editors and tools make beside the file they save, and take away again: a watch that
/// rebuilt for each would rebuild for nothing, and name them as "changed".
/// </summary>
internal static partial class EditorFiles
{
    /// <summary>Whether the file at <paramref name="path"/> is an editor's temporary, backup, swap or lock file.</summary>
    public static bool IsTemporary(string path)
    {
        var name = Path.GetFileName(path);
        return name.Length == 0
            || name.EndsWith('~')                                                       // backups: Emacs, vim, gedit, nano
            || name.StartsWith(".#", StringComparison.Ordinal)                          // Emacs's lock
            || (name.StartsWith('#') && name.EndsWith('#'))                             // Emacs's auto-save
            || name.EndsWith(".tmp", StringComparison.OrdinalIgnoreCase)
            || name.EndsWith(".temp", StringComparison.OrdinalIgnoreCase)
            || name.EndsWith(".bak", StringComparison.OrdinalIgnoreCase)
            || name.EndsWith(".orig", StringComparison.OrdinalIgnoreCase)
            || name.EndsWith(".kate-swp", StringComparison.Ordinal)                     // Kate
            || name.Contains("___jb_tmp___", StringComparison.Ordinal)                  // JetBrains' safe write
            || name.Contains("___jb_old___", StringComparison.Ordinal)
            || name.StartsWith(".goutputstream-", StringComparison.Ordinal)             // GNOME's (gedit) safe write
            || name.StartsWith(".~lock.", StringComparison.Ordinal)                     // LibreOffice's lock
            || name is ".DS_Store" or "Thumbs.db"
            || VimSwap().IsMatch(name)
            || SedInPlace().IsMatch(name)
            || IsVimProbe(name);
    }

    // vim probes whether it may write in the folder with a file named 4913, or 5036, 5159 … (each 123 more) when taken.
    private static bool IsVimProbe(string name) =>
        name.Length is 4 or 5 && name[0] != '0' && name.All(char.IsAsciiDigit)
        && int.Parse(name, System.Globalization.CultureInfo.InvariantCulture) is var number && number >= 4913 && (number - 4913) % 123 == 0;

    // vim's swap files: .name.swp, then .swo, .swn … .swa, and .swx for a file not yet named.
    [GeneratedRegex(@"\.sw[a-px]$")]
    private static partial Regex VimSwap();

    // GNU sed -i writes sedXXXXXX beside the file, then renames it over the file.
    [GeneratedRegex(@"^sed[A-Za-z0-9]{6}$")]
    private static partial Regex SedInPlace();
}
