using System.Text;

namespace Pstm.Plan.Tests.Fuzzing;

/// <summary>One hostile change to a file's bytes, at a position taken modulo the file's length.</summary>
internal sealed record Mutation(MutationKind Kind, int Position, int Value)
{
    /// <summary>What editors, bad merges and attackers put into YAML.</summary>
    public static readonly string[] Tokens =
    [
        "&a ", "*a", "&a [x, y] ", "*b", "&b {k: *a} ", "[", "]", "{", "}", ":", ": ", "- ", ", ", "\t", "\0", "\"", "'", "|", ">-",
        "#", "\n", "\r", "\r\n", "---\n", "...\n", "!!str ", "!!binary ", "!x ", "%YAML 1.2\n", "? ", "<<: *a\n", "~", "null",
        "\u202E", "\u0085", "\u2028", "\uFEFF", "\u001B[2J", "\u009B", "é", "😀", "\\", "include: [../x.yaml]\n", "id: M1\n",
        "missions: [M9]\n", "number: 99999999999999999999\n", "from: -1\n", "date: 2025-02-30\n",
    ];

    public byte[] ApplyTo(byte[] bytes)
    {
        var at = bytes.Length == 0 ? 0 : Position % bytes.Length;
        return Kind switch
        {
            MutationKind.FlipByte when bytes.Length > 0 => [.. bytes[..at], (byte)(bytes[at] ^ (1 << (Value % 8))), .. bytes[(at + 1)..]],
            MutationKind.SetByte when bytes.Length > 0 => [.. bytes[..at], (byte)Value, .. bytes[(at + 1)..]],
            MutationKind.Truncate => bytes[..at],
            MutationKind.InsertToken => [.. bytes[..at], .. Encoding.UTF8.GetBytes(Tokens[Value % Tokens.Length]), .. bytes[at..]],
            MutationKind.DuplicateLine => DuplicateLine(bytes, at, 1 + (Value % 3)),
            MutationKind.Delete => [.. bytes[..at], .. bytes[Math.Min(bytes.Length, at + 1 + (Value % 60))..]],
            MutationKind.Nest => [.. bytes[..at], .. Encoding.UTF8.GetBytes(new string('[', Value % 200)), .. bytes[at..]],
            _ => bytes,
        };
    }

    private static byte[] DuplicateLine(byte[] bytes, int at, int times)
    {
        var start = Array.LastIndexOf(bytes, (byte)'\n', Math.Max(0, at - 1)) + 1;
        var end = Array.IndexOf(bytes, (byte)'\n', at);
        end = end < 0 ? bytes.Length : end + 1;
        var line = bytes[start..end];
        return [.. bytes[..end], .. Enumerable.Repeat(line, times).SelectMany(l => l), .. bytes[end..]];
    }

    public override string ToString() => $"{Kind}@{Position}:{Value}";
}

internal enum MutationKind
{
    FlipByte,
    SetByte,
    Truncate,
    InsertToken,
    DuplicateLine,
    Delete,
    Nest,
}
