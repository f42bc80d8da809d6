using System.Formats.Tar;
using Pstm.Diagnostics;
using Pstm.Plan;
using Pstm.Plan.Loading;

namespace Pstm.Cli.Commands;

/// <summary>
/// Takes a plan folder out of the tar that <c>git archive</c> streams, entry by entry and never whole in
/// memory: only regular files inside the plan folder (links, devices and names that leave it are left
/// out), each no larger than a file of a plan may be, all together no larger than a plan. So a revision
/// that holds a huge file costs no more than the plan limits.
/// </summary>
internal static class RevisionArchive
{
    /// <summary>
    /// Writes the files of <paramref name="tar"/> inside <paramref name="planPath"/> into the empty folder
    /// <paramref name="target"/>. Null when done; else the limit passed, located at REVISION:PATH, as soon as
    /// an entry's header shows it, the rest of the stream left unread.
    /// </summary>
    public static Diagnostic? Extract(Stream tar, string planPath, string target, string revision)
    {
        var root = Path.GetFullPath(target);
        var plan = Path.GetFullPath(Path.Combine(root, planPath));
        long total = 0;
        using var reader = new TarReader(tar, leaveOpen: true);
        while (reader.GetNextEntry() is { } entry)
        {
            if (entry.Length > PlanLimits.MaxFileBytes)
            {
                return PlanDiagnostics.FileTooLarge.Create(
                    SourceSpan.ForFile($"{revision}:{entry.Name}"),
                    $"the file is larger than {PlanLimits.MaxFileBytes / (1024 * 1024)} MiB, the limit for one file of a plan; the revision is not taken out of git",
                    "keep only the plan's files in its folder, or compare a folder of the working tree");
            }

            total += entry.Length;
            if (total > PlanLimits.MaxPlanBytes)
            {
                return PlanDiagnostics.PlanTooLarge.Create(
                    SourceSpan.ForFile($"{revision}:{planPath}"),
                    $"the folder's files are larger than {PlanLimits.MaxPlanBytes / (1024 * 1024)} MiB together, the limit for a plan; the revision is not taken out of git",
                    "keep only the plan's files in its folder, or compare a folder of the working tree");
            }

            var path = Path.GetFullPath(Path.Combine(root, entry.Name));
            if (entry.EntryType is TarEntryType.RegularFile or TarEntryType.V7RegularFile && IsInside(path, plan))
            {
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                using var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write);
                entry.DataStream?.CopyTo(file);
            }
        }

        return null;
    }

    private static bool IsInside(string path, string folder) =>
        path.StartsWith(Path.TrimEndingDirectorySeparator(folder) + Path.DirectorySeparatorChar, StringComparison.Ordinal);
}
