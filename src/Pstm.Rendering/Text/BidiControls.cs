namespace Pstm.Rendering.Text;

/// <summary>
/// Closes the bidirectional embeddings, overrides and isolates a plan text leaves open. An unclosed
/// RIGHT-TO-LEFT OVERRIDE in a title would otherwise reverse, on screen and on paper, whatever the
/// template prints after it in the same paragraph: the page would show text the plan does not say.
/// The controls the text does close, and the marks (LRM, RLM), stay as written.
/// </summary>
internal static class BidiControls
{
    private const char PopDirectionalFormatting = '\u202C';
    private const char PopDirectionalIsolate = '\u2069';

    public static string Balance(string text)
    {
        if (!text.AsSpan().ContainsAnyInRange('\u202A', '\u202E') && !text.AsSpan().ContainsAnyInRange('\u2066', '\u2069'))
        {
            return text;
        }

        var open = new Stack<char>();
        foreach (var c in text)
        {
            switch (c)
            {
                case '\u202A' or '\u202B' or '\u202D' or '\u202E':
                    open.Push(PopDirectionalFormatting);
                    break;
                case '\u2066' or '\u2067' or '\u2068':
                    open.Push(PopDirectionalIsolate);
                    break;
                case PopDirectionalFormatting when open.TryPeek(out var top) && top == PopDirectionalFormatting:
                    open.Pop();
                    break;
                case PopDirectionalIsolate when open.Contains(PopDirectionalIsolate):
                    // Closing an isolate also ends the embeddings opened inside it.
                    while (open.Pop() != PopDirectionalIsolate)
                    {
                    }

                    break;
            }
        }

        return open.Count == 0 ? text : text + string.Concat(open);
    }
}
