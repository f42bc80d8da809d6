using System.Text;

namespace Pstm.Pdf;

/// <summary>One operator of a content stream with its operands, and where it lies in the stream's bytes.</summary>
/// <param name="Start">The first byte of its first operand (of the operator, when it has none).</param>
/// <param name="End">Just after the operator (after "EI" for an inline image, which is read as one "BI" operation).</param>
internal sealed record ContentOperation(string Operator, IReadOnlyList<string> Operands, int Start, int End);

/// <summary>
/// Splits a decoded content stream into its operations, so that a caller can copy the bytes between them
/// unchanged: PDFsharp's ContentReader rewrites what it reads (numbers, strings), and a rewriting finish
/// would risk changing what is drawn. Operands are kept as their source text; arrays and dictionaries as
/// one operand each.
/// </summary>
internal static class ContentOperations
{
    public static IReadOnlyList<ContentOperation> Read(byte[] content)
    {
        var operations = new List<ContentOperation>();
        var operands = new List<string>();
        int position = 0, start = -1;
        while (NextToken(content, ref position) is var (tokenStart, tokenEnd))
        {
            start = start < 0 ? tokenStart : start;
            string token = Encoding.Latin1.GetString(content, tokenStart, tokenEnd - tokenStart);
            if (IsOperand(content[tokenStart], token))
            {
                operands.Add(token);
                continue;
            }

            if (token == "BI")
            {
                tokenEnd = position = EndOfInlineImage(content, tokenEnd);
            }

            operations.Add(new ContentOperation(token, operands.ToArray(), start, tokenEnd));
            operands.Clear();
            start = -1;
        }

        return operations;
    }

    private static bool IsOperand(byte first, string token)
        => first is (byte)'/' or (byte)'(' or (byte)'<' or (byte)'[' or (byte)'+' or (byte)'-' or (byte)'.' or (>= (byte)'0' and <= (byte)'9')
           || token is "true" or "false" or "null";

    /// <summary>The next token's bounds, skipping white space and comments; null at the end.</summary>
    private static (int Start, int End)? NextToken(byte[] content, ref int position)
    {
        while (position < content.Length)
        {
            byte current = content[position];
            if (IsWhiteSpace(current))
            {
                position++;
            }
            else if (current == '%')
            {
                while (position < content.Length && content[position] is not ((byte)'\n' or (byte)'\r'))
                {
                    position++;
                }
            }
            else
            {
                break;
            }
        }

        if (position >= content.Length)
        {
            return null;
        }

        int start = position;
        position = content[position] switch
        {
            (byte)'(' => EndOfLiteralString(content, position),
            (byte)'<' when position + 1 < content.Length && content[position + 1] == '<' => EndOfNested(content, position),
            (byte)'<' => EndOf(content, position, (byte)'>'),
            (byte)'[' => EndOfNested(content, position),
            (byte)'/' => EndOfRegular(content, position + 1),
            _ when IsDelimiter(content[position]) => position + 1, // a stray delimiter: one byte, so the reader moves on
            _ => EndOfRegular(content, position),
        };
        return (start, position);
    }

    private static int EndOfRegular(byte[] content, int position)
    {
        while (position < content.Length && !IsWhiteSpace(content[position]) && !IsDelimiter(content[position]))
        {
            position++;
        }

        return position;
    }

    private static int EndOf(byte[] content, int position, byte last)
    {
        int found = Array.IndexOf(content, last, position + 1);
        return found < 0 ? content.Length : found + 1;
    }

    /// <summary>After a literal string: parentheses nest, and a backslash escapes the byte after it.</summary>
    private static int EndOfLiteralString(byte[] content, int position)
    {
        int depth = 0;
        for (; position < content.Length; position++)
        {
            switch (content[position])
            {
                case (byte)'\\': position++; break;
                case (byte)'(': depth++; break;
                case (byte)')' when --depth == 0: return position + 1;
            }
        }

        return content.Length;
    }

    /// <summary>After an array or a dictionary, which may hold strings, arrays and dictionaries of their own.</summary>
    private static int EndOfNested(byte[] content, int position)
    {
        int depth = 0;
        while (position < content.Length)
        {
            byte current = content[position];
            if (current == '(')
            {
                position = EndOfLiteralString(content, position);
                continue;
            }

            bool dictionaryMark = position + 1 < content.Length && content[position + 1] == current && current is (byte)'<' or (byte)'>';
            if (current == '[' || (current == '<' && dictionaryMark))
            {
                depth++;
            }
            else if (current == ']' || (current == '>' && dictionaryMark))
            {
                depth--;
            }
            else if (current == '<')
            {
                position = EndOf(content, position, (byte)'>');
                continue;
            }

            position += dictionaryMark ? 2 : 1;
            if (depth == 0)
            {
                return position;
            }
        }

        return content.Length;
    }

    /// <summary>After "EI" of an inline image whose dictionary started at <paramref name="position"/>: the data
    /// after "ID" is binary, so "EI" counts only between white space.</summary>
    private static int EndOfInlineImage(byte[] content, int position)
    {
        while (NextToken(content, ref position) is var (start, end))
        {
            if (end - start == 2 && content[start] == 'I' && content[start + 1] == 'D')
            {
                break;
            }
        }

        for (position++; position + 1 < content.Length; position++)
        {
            if (content[position] == 'E' && content[position + 1] == 'I' && IsWhiteSpace(content[position - 1])
                && (position + 2 == content.Length || IsWhiteSpace(content[position + 2])))
            {
                return position + 2;
            }
        }

        return content.Length;
    }

    private static bool IsWhiteSpace(byte value) => value is 0 or 9 or 10 or 12 or 13 or 32;

    private static bool IsDelimiter(byte value) => value is (byte)'(' or (byte)')' or (byte)'<' or (byte)'>' or (byte)'[' or (byte)']' or (byte)'{' or (byte)'}' or (byte)'/' or (byte)'%';
}
