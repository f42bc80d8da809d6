using System.Text;

namespace Pstm.Testing;

/// <summary>The kinds of hostile change the fuzzers make to a file's bytes.</summary>
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

/// <summary>
/// One hostile change to a file's bytes, at a position taken modulo the file's length: shared by the
/// fuzzers of plans and of XLIFF, which differ only in the tokens they insert and in how they nest.
/// </summary>
internal static class ByteMutations
{
    public static byte[] Apply(byte[] bytes, MutationKind kind, int position, int value, IReadOnlyList<string> tokens, Func<int, string> nested)
    {
        var at = bytes.Length == 0 ? 0 : position % bytes.Length;
        return kind switch
        {
            MutationKind.FlipByte when bytes.Length > 0 => [.. bytes[..at], (byte)(bytes[at] ^ (1 << (value % 8))), .. bytes[(at + 1)..]],
            MutationKind.SetByte when bytes.Length > 0 => [.. bytes[..at], (byte)value, .. bytes[(at + 1)..]],
            MutationKind.Truncate => bytes[..at],
            MutationKind.InsertToken => [.. bytes[..at], .. Encoding.UTF8.GetBytes(tokens[value % tokens.Count]), .. bytes[at..]],
            MutationKind.DuplicateLine => DuplicateLine(bytes, at, 1 + (value % 3)),
            MutationKind.Delete => [.. bytes[..at], .. bytes[Math.Min(bytes.Length, at + 1 + (value % 60))..]],
            MutationKind.Nest => [.. bytes[..at], .. Encoding.UTF8.GetBytes(nested(value)), .. bytes[at..]],
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
}
