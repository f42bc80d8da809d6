using System.Globalization;
using System.Reflection;

namespace Pstm.Rendering.Text.Hyphenation;

/// <summary>
/// Where a word may break, by Liang's algorithm (TeX's) over a language's patterns: each pattern gives
/// every gap between its letters a number, the highest number found for a gap wins, and odd numbers
/// allow a break. No NuGet package served here does this; the algorithm is short and the patterns are
/// the ones TeX and LibreOffice use (see README.md beside this file).
/// </summary>
public sealed class Hyphenator
{
    private readonly Dictionary<string, byte[]>.AlternateLookup<ReadOnlySpan<char>> _lookup;
    private readonly int _longestPattern;

    private Hyphenator(Dictionary<string, byte[]> patterns, int leftMin, int rightMin)
    {
        _lookup = patterns.GetAlternateLookup<ReadOnlySpan<char>>();
        _longestPattern = patterns.Keys.Max(k => k.Length);
        LeftMin = leftMin;
        RightMin = rightMin;
    }

    /// <summary>Letters a word keeps before its first break.</summary>
    public int LeftMin { get; }

    /// <summary>Letters a word keeps after its last break.</summary>
    public int RightMin { get; }

    /// <summary>The shipped patterns for a language ("it", "en-GB"…), or null when pstm has none for it.</summary>
    public static Hyphenator? ForLanguage(string language)
    {
        ArgumentNullException.ThrowIfNull(language);
        var primary = language.Split('-', '_')[0].ToLowerInvariant();
        return Shipped.TryGetValue(primary, out var hyphenator) ? hyphenator.Value : null;
    }

    private static readonly Dictionary<string, Lazy<Hyphenator>> Shipped = new(StringComparer.Ordinal)
    {
        // Italian syllables allow two letters at either end ("me-tro-po-li-ta-no"); the English table's header says 2 and 3.
        ["it"] = new(() => FromResource("hyph_it_IT.dic", leftMin: 2, rightMin: 2)),
        ["en"] = new(() => FromResource("hyph_en_US.dic", leftMin: 2, rightMin: 3)),
    };

    private static Hyphenator FromResource(string name, int leftMin, int rightMin)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Pstm.Rendering.Text.Hyphenation." + name)
            ?? throw new InvalidOperationException($"The hyphenation patterns {name} are not embedded.");
        using var reader = new StreamReader(stream);
        return Read(reader, leftMin, rightMin);
    }

    /// <summary>
    /// Reads patterns in LibreOffice's .dic form: a charset line, optional LEFTHYPHENMIN/RIGHTHYPHENMIN
    /// lines (which override the defaults given), then one pattern a line (<c>.a1nti3m2n</c>).
    /// </summary>
    public static Hyphenator Read(TextReader reader, int leftMin, int rightMin)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var patterns = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        var letters = new System.Text.StringBuilder();
        var values = new List<byte>();
        while (reader.ReadLine() is { } line)
        {
            var text = line.Trim();
            if (text.Length == 0 || text.StartsWith('%') || text.Equals("UTF-8", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            if (text.StartsWith("LEFTHYPHENMIN ", StringComparison.Ordinal))
            {
                leftMin = int.Parse(text.AsSpan(14), CultureInfo.InvariantCulture);
                continue;
            }

            if (text.StartsWith("RIGHTHYPHENMIN ", StringComparison.Ordinal))
            {
                rightMin = int.Parse(text.AsSpan(15), CultureInfo.InvariantCulture);
                continue;
            }

            if (char.IsUpper(text[0]))
            {
                continue; // other header keywords (NOHYPHEN, COMPOUNDLEFTHYPHENMIN…): not used by these files
            }

            letters.Clear();
            values.Clear();
            values.Add(0);
            foreach (var c in text)
            {
                if (char.IsAsciiDigit(c))
                {
                    values[^1] = (byte)(c - '0');
                }
                else
                {
                    letters.Append(c);
                    values.Add(0);
                }
            }

            patterns[letters.ToString()] = [.. values];
        }

        return new Hyphenator(patterns, leftMin, rightMin);
    }

    /// <summary>
    /// The offsets in <paramref name="word"/> (letters only, any case) before which it may break, in order;
    /// none for a word shorter than <see cref="LeftMin"/> + <see cref="RightMin"/>.
    /// </summary>
    public IReadOnlyList<int> BreakPoints(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        if (word.Length < LeftMin + RightMin)
        {
            return [];
        }

        var dotted = "." + word.ToLowerInvariant() + ".";
        var score = new byte[dotted.Length + 1];
        var span = dotted.AsSpan();
        for (var start = 0; start < dotted.Length; start++)
        {
            for (var length = 1; length <= Math.Min(_longestPattern, dotted.Length - start); length++)
            {
                if (_lookup.TryGetValue(span.Slice(start, length), out var values))
                {
                    for (var k = 0; k < values.Length; k++)
                    {
                        score[start + k] = Math.Max(score[start + k], values[k]);
                    }
                }
            }
        }

        // score[i] is the gap before dotted[i]; the word's letter at offset p is dotted[p + 1].
        var points = new List<int>();
        for (var p = LeftMin; p <= word.Length - RightMin; p++)
        {
            if (score[p + 1] % 2 == 1)
            {
                points.Add(p);
            }
        }

        return points;
    }

    /// <summary>The word with a soft hyphen (U+00AD) at each break point.</summary>
    public string Hyphenate(string word)
    {
        var points = BreakPoints(word);
        if (points.Count == 0)
        {
            return word;
        }

        var result = new System.Text.StringBuilder(word.Length + points.Count);
        var last = 0;
        foreach (var point in points)
        {
            result.Append(word, last, point - last).Append('\u00AD');
            last = point;
        }

        return result.Append(word, last, word.Length - last).ToString();
    }
}
