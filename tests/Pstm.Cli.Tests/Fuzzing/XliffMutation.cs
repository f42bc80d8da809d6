namespace Pstm.Cli.Tests.Fuzzing;

/// <summary>One hostile change to an XLIFF file's bytes, at a position taken modulo the file's length.</summary>
internal sealed record XliffMutation(MutationKind Kind, int Position, int Value)
{
    /// <summary>What translation tools, bad merges and attackers put into XLIFF.</summary>
    public static readonly string[] Tokens =
    [
        "<", ">", "&", "&amp;", "&#0;", "&#xD;", "&#x1F600;", "&#xFFFE;", "&x;", "]]>", "<![CDATA[**]]>", "<!-- c -->", "<?pi x?>",
        "<!DOCTYPE x [<!ENTITY a \"b\">]>", "<!ENTITY e SYSTEM \"file:///etc/hostname\">",
        "<pc id=\"9\" type=\"fmt\" subType=\"xlf:b\">", "</pc>", "<pc id=\"8\" type=\"link\">", "<ph id=\"1\"/>", "<sc id=\"1\"/>", "<ec startRef=\"1\"/>",
        "<mrk id=\"m\" translate=\"no\">", "</mrk>", "<sm id=\"s\"/>", "<cp hex=\"0001\"/>",
        "<target>", "</target>", "<source>", "</source>", "<segment>", "</segment>", "<unit id=\"plan.title\">", "</unit>",
        "<group id=\"g\">", "</group>", "<ignorable><source> </source></ignorable>", "<x:unit xmlns:x=\"urn:x\" id=\"plan.title\"/>",
        "state=\"final\" ", "state=\"initial\" ", "state=\"done\" ", "xmlns=\"urn:x\" ", "xml:space=\"preserve\" ", "id=\"plan.title\" ",
        "trgLang=\"it\" ", "trgLang=\"../x\" ", "srcLang=\"en\" ", "version=\"1.2\" ", "<?xml version=\"1.0\" encoding=\"utf-16\"?>",
        "**", "\\*\\*", "\\", "\r", "\r\n", "\n", "\t", "\0", "\uFEFF", "\u202E", "\u0085", "\u2028", "\u001B[2J", "é", "😀", "\"", "'", "=", " ",
    ];

    public byte[] ApplyTo(byte[] bytes) =>
        ByteMutations.Apply(bytes, Kind, Position, Value, Tokens, value => Nested(value % 2 == 0 ? "mrk" : "group", value));

    /// <summary>Elements nested <paramref name="depth"/> deep, balanced: the file stays well-formed where it was.</summary>
    private static string Nested(string name, int depth) =>
        string.Concat(Enumerable.Repeat($"<{name} id=\"n\">", depth)) + string.Concat(Enumerable.Repeat($"</{name}>", depth));

    public override string ToString() => $"{Kind}@{Position}:{Value}";
}
