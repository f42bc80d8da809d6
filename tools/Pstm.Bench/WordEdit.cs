using System.Text.RegularExpressions;

namespace Pstm.Bench;

/// <summary>
/// A one-word edit of a driver's paragraph, as an editor would make it: each run swaps the word for
/// the other of two, so that every run is a real change and the text comes back to what it was.
/// </summary>
internal sealed partial class WordEdit
{
    private readonly string _file;
    private readonly int _line;
    private readonly string _original;
    private readonly string _other;

    private WordEdit(string file, int line, string original, string other)
    {
        _file = file;
        _line = line;
        _original = original;
        _other = other;
    }

    public string Description => $"'{_original}' ↔ '{_other}' in {Path.GetFileName(_file)}, line {_line + 1}";

    /// <summary>The first word of five letters or more in the first driver paragraph (<c>description:</c>) of the plan's files.</summary>
    public static WordEdit? Find(string planFolder)
    {
        foreach (var file in Directory.EnumerateFiles(planFolder, "*.yaml", SearchOption.TopDirectoryOnly).Order(StringComparer.Ordinal))
        {
            var lines = File.ReadAllText(file).Split('\n');
            if (!lines.Any(l => l.StartsWith("drivers:", StringComparison.Ordinal)))
            {
                continue;
            }

            for (var i = 0; i < lines.Length; i++)
            {
                if (!lines[i].TrimStart().StartsWith("description:", StringComparison.Ordinal))
                {
                    continue;
                }

                // A folded block (description: >-) has its text on the next line.
                var line = lines[i].TrimEnd().EndsWith(':') || lines[i].Contains('>') || lines[i].Contains('|') ? i + 1 : i;
                if (line < lines.Length && Word().Match(lines[line]) is { Success: true } word)
                {
                    return new WordEdit(file, line, word.Value, word.Value == "parola" ? "termine" : "parola");
                }
            }
        }

        return null;
    }

    /// <summary>Writes the file with the word of run <paramref name="run"/> (0, 2, … the other word; 1, 3, … the original).</summary>
    public void Apply(int run)
    {
        var (from, to) = run % 2 == 0 ? (_original, _other) : (_other, _original);
        var lines = File.ReadAllText(_file).Split('\n');
        lines[_line] = new Regex($@"\b{Regex.Escape(from)}\b").Replace(lines[_line], to, 1);
        File.WriteAllText(_file, string.Join('\n', lines));
    }

    [GeneratedRegex(@"\b\p{L}{5,}\b")]
    private static partial Regex Word();
}
