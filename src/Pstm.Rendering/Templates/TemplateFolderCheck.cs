using System.Globalization;
using System.IO.Enumeration;
using Pstm.Diagnostics;
using Pstm.Plan;

namespace Pstm.Rendering.Templates;

/// <summary>
/// Whether a folder given as <c>--templates</c> is one: it holds a layout (booklet or slides), or, as a
/// layer over the shipped templates, a part of one (the theme, or one of their folders), and few
/// enough files, small enough, for every build to hash them all. Told before anything is read, so that
/// <c>--templates /</c> or a home folder fails at once instead of reading the whole disk.
/// </summary>
internal static class TemplateFolderCheck
{
    /// <summary>Far above the shipped templates (45 files, 0.3 MB), fonts for several scripts included.</summary>
    public const int FileLimit = 1000;

    public const long SizeLimit = 256L * 1024 * 1024;

    private static readonly string[] Layouts = ["booklet/layout.sbn-html", "slides/layout.sbn-html"];

    // What a templates folder is made of: its theme and its folders.
    private const string Theme = "theme.css";

    private static readonly string[] Parts = ["booklet", "slides", "changes", "strings", "fonts", "identity"];

    /// <summary>Why <paramref name="folder"/> is no templates folder pstm can use, or null; a <paramref name="complete"/> one must hold a layout.</summary>
    public static Diagnostic? Problem(string folder, string display, bool complete = true)
    {
        var span = SourceSpan.ForFile(display);
        if (complete && !Layouts.Any(layout => File.Exists(Path.Combine(folder, layout))))
        {
            return RenderingDiagnostics.TemplatesNotFound.Create(
                span,
                $"'{display}' is not a templates folder: it holds neither {Layouts[0]} nor {Layouts[1]}",
                "pass --templates a copy of the shipped templates folder, or leave it out to use the shipped templates");
        }

        // A layer laid over the shipped templates holds a part of them: a folder with none (the plan's, a
        // home folder, /) is a mistake, told before anything under it is read.
        if (!complete && !File.Exists(Path.Combine(folder, Theme)) && !Parts.Any(part => Directory.Exists(Path.Combine(folder, part))))
        {
            return RenderingDiagnostics.TemplatesNotFound.Create(
                span,
                $"'{display}' is not a templates folder: it holds none of {Theme}, {string.Join(", ", Parts.Select(p => p + "/"))}",
                "pass --templates a folder with the files to use instead of the shipped ones, at the same paths (theme.css, booklet/booklet.css, strings/fr.yaml…), or leave it out to use the shipped templates");
        }

        try
        {
            var (files, bytes) = (0, 0L);
            foreach (var (_, length) in FilesOf(folder))
            {
                bytes += length;
                if (++files > FileLimit || bytes > SizeLimit)
                {
                    return RenderingDiagnostics.TemplatesTooLarge.Create(
                        span,
                        string.Create(CultureInfo.InvariantCulture, $"the templates folder holds more than {FileLimit:N0} files or {SizeLimit / 1024 / 1024} MiB, which every build reads"),
                        "keep only the templates, their stylesheets, scripts and fonts in the folder");
                }
            }

            return null;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return PlanDiagnostics.FileUnreadable.Create(span, $"the templates folder cannot be read: {exception.Message}", "check the permissions of the folder and its files");
        }
    }

    /// <summary>
    /// The folder's files and their sizes, links to files included, links to folders not followed: they
    /// may lead anywhere on the disk, and templates cannot include through them anyway.
    /// </summary>
    public static IEnumerable<(string Path, long Length)> FilesOf(string folder) =>
        new FileSystemEnumerable<(string, long)>(
            folder,
            (ref FileSystemEntry entry) => (entry.ToFullPath(), entry.Length),
            new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0, IgnoreInaccessible = false })
        {
            ShouldIncludePredicate = (ref FileSystemEntry entry) => !entry.IsDirectory,
            ShouldRecursePredicate = (ref FileSystemEntry entry) => (entry.Attributes & FileAttributes.ReparsePoint) == 0,
        };
}
