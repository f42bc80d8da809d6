namespace Pstm.OpenData;

/// <summary>Writes the export's files into a folder, each whole or not at all.</summary>
public static class ExportFiles
{
    /// <summary>
    /// Writes every file beside its final name first, then moves each into place: a reader (or a
    /// portal's harvester) never sees half a file, and a failure leaves the previous file as it was.
    /// </summary>
    public static IReadOnlyList<string> Write(string folder, IEnumerable<(string Name, string Text)> files)
    {
        Directory.CreateDirectory(folder);
        var written = new List<(string Temporary, string Final)>();
        try
        {
            foreach (var (name, text) in files)
            {
                var final = Path.Combine(folder, name);
                var temporary = Path.Combine(folder, $".{name}.{Guid.NewGuid():N}.tmp");
                File.WriteAllText(temporary, text, CsvExport.Encoding);
                written.Add((temporary, final));
            }

            foreach (var (temporary, final) in written)
            {
                File.Move(temporary, final, overwrite: true);
            }
        }
        finally
        {
            foreach (var (temporary, _) in written.Where(w => File.Exists(w.Temporary)))
            {
                File.Delete(temporary);
            }
        }

        return written.Select(w => w.Final).ToList();
    }
}
