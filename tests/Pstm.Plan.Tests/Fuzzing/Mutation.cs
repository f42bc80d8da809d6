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

    public byte[] ApplyTo(byte[] bytes) => ByteMutations.Apply(bytes, Kind, Position, Value, Tokens, value => new string('[', value % 200));

    public override string ToString() => $"{Kind}@{Position}:{Value}";
}
