using System.Globalization;
using System.Text;
using PdfSharp.Pdf;
using PdfSharp.Pdf.Advanced;

namespace Pstm.Pdf;

/// <summary>
/// Marks as artifacts what Chromium draws outside any marked-content sequence (PDF/UA 7.1, Matterhorn 01-005):
/// running heads and folios of the @page margin boxes, aria-hidden decoration, table-of-contents leaders,
/// backgrounds. What lies wholly in the top or bottom 8 % of the page is pagination (a header or footer);
/// anything else is layout. The bytes of the stream are copied unchanged; only the marks are added.
/// </summary>
internal static class ArtifactMarking
{
    private const string Header = "/Artifact <</Type /Pagination /Subtype /Header>> BDC\n";
    private const string Footer = "/Artifact <</Type /Pagination /Subtype /Footer>> BDC\n";
    private const string Layout = "/Artifact <</Type /Layout>> BDC\n";
    private const string Unknown = "/Artifact BMC\n";
    private const string End = "\nEMC";

    /// <summary>The share of the page's height, at its top and at its bottom, that counts as its margin: about the
    /// booklet's 24 mm of A4, and below the first lines of its cover, which has no margin.</summary>
    private const double MarginShare = 0.08;

    private static readonly HashSet<string> PathPainting = ["S", "s", "f", "F", "f*", "B", "B*", "b", "b*", "n"];
    private static readonly HashSet<string> TextShowing = ["Tj", "TJ", "'", "\""];

    /// <summary>Rewrites the content streams of every page.</summary>
    public static void Mark(PdfDocument document)
    {
        foreach (PdfPage page in document.Pages)
        {
            PdfRectangle box = page.MediaBox;
            foreach (PdfDictionary owner in ContentStreams(page))
            {
                byte[] content = owner.Stream.UnfilteredValue;
                byte[] marked = Wrap(content, box.Y1, box.Y2);
                if (!marked.AsSpan().SequenceEqual(content))
                {
                    FlateStreams.Store(owner, marked);
                }
            }
        }
    }

    /// <summary>The content with every run of drawing outside marked content wrapped as an artifact.</summary>
    /// <param name="bottom">The page's lower edge in default user space.</param>
    /// <param name="top">The page's upper edge in default user space.</param>
    public static byte[] Wrap(byte[] content, double bottom, double top)
    {
        var operations = ContentOperations.Read(content);
        var marks = new List<(int Position, string Text)>();
        var state = new Geometry();
        int depth = 0;
        var run = new List<ContentOperation>();
        var heights = new List<double>();
        foreach (var operation in operations)
        {
            // A run ends at a marked-content boundary, and at q, Q, BT and ET: an artifact inside one
            // graphics-state level and one text object can never cross the nesting Chromium wrote.
            bool boundary = operation.Operator is "BDC" or "BMC" or "EMC" or "q" or "Q" or "BT" or "ET";
            if (boundary && depth == 0)
            {
                Close(run, heights, marks, bottom, top);
            }

            depth = operation.Operator switch
            {
                "BDC" or "BMC" => depth + 1,
                "EMC" => Math.Max(0, depth - 1),
                _ => depth,
            };
            var painted = state.Apply(operation);
            if (depth == 0 && !boundary)
            {
                run.Add(operation);
                heights.AddRange(painted ?? [double.NaN]);
            }
        }

        Close(run, heights, marks, bottom, top);
        return Insert(content, marks);
    }

    /// <summary>Marks the run, when it draws anything, by the heights it draws at (NaN where they are unknown).</summary>
    private static void Close(List<ContentOperation> run, List<double> heights, List<(int, string)> marks, double bottom, double top)
    {
        if (run.Any(Draws))
        {
            double margin = (top - bottom) * MarginShare;
            string opening = heights.Count == 0 || heights.Any(double.IsNaN) ? Unknown
                : heights.Min() >= top - margin ? Header
                : heights.Max() <= bottom + margin ? Footer
                : Layout;
            marks.Add((run[0].Start, opening));
            marks.Add((run[^1].End, End));
        }

        run.Clear();
        heights.Clear();
    }

    private static bool Draws(ContentOperation operation)
        => PathPainting.Contains(operation.Operator) || TextShowing.Contains(operation.Operator) || operation.Operator is "Do" or "sh" or "BI";

    private static byte[] Insert(byte[] content, List<(int Position, string Text)> marks)
    {
        if (marks.Count == 0)
        {
            return content;
        }

        using var output = new MemoryStream(content.Length + (marks.Count * 40));
        int copied = 0;
        foreach (var (position, text) in marks)
        {
            output.Write(content, copied, position - copied);
            output.Write(Encoding.ASCII.GetBytes(text));
            copied = position;
        }

        output.Write(content, copied, content.Length - copied);
        return output.ToArray();
    }

    private static IEnumerable<PdfDictionary> ContentStreams(PdfPage page)
    {
        var contents = page.Elements["/Contents"];
        IEnumerable<PdfItem?> items = contents is PdfReference { Value: PdfArray array } ? array.Elements
            : contents is PdfArray direct ? direct.Elements
            : [contents];
        foreach (var item in items)
        {
            if ((item is PdfReference reference ? reference.Value : item) is PdfDictionary { Stream: not null } owner)
            {
                yield return owner;
            }
        }
    }

    /// <summary>
    /// The current transformation and text line matrices, followed through the operations, so that each
    /// drawing operation can say where (which heights of the page, in default user space) it draws.
    /// </summary>
    private sealed class Geometry
    {
        private readonly Stack<Matrix> _saved = new();
        private readonly List<(double X, double Y)> _path = [];
        private Matrix _ctm = Matrix.Identity;
        private Matrix _line = Matrix.Identity;

        /// <summary>Follows the operation; returns the heights it paints at (none for operations that do not paint),
        /// null for drawing whose extent is not known here (an XObject, a shading, an inline image).</summary>
        public double[]? Apply(ContentOperation operation)
        {
            var n = Numbers(operation.Operands);
            switch (operation.Operator)
            {
                case "q": _saved.Push(_ctm); break;
                case "Q" when _saved.Count > 0: _ctm = _saved.Pop(); break;
                case "cm" when n.Length == 6: _ctm = new Matrix(n).Times(_ctm); break;
                case "BT": _line = Matrix.Identity; break;
                case "Tm" when n.Length == 6: _line = new Matrix(n); break;
                case "Td" or "TD" when n.Length == 2: _line = Matrix.Translation(n[0], n[1]).Times(_line); break;
                case "m" or "l" or "c" or "v" or "y":
                    for (int i = 0; i + 1 < n.Length; i += 2)
                    {
                        _path.Add((n[i], n[i + 1]));
                    }

                    break;
                case "re" when n.Length == 4:
                    _path.Add((n[0], n[1]));
                    _path.Add((n[0] + n[2], n[1] + n[3]));
                    break;
                case var op when PathPainting.Contains(op):
                    var painted = _path.Select(p => Height(_ctm, p.X, p.Y)).ToArray();
                    _path.Clear();
                    return painted;
                case var op when TextShowing.Contains(op):
                    return [Height(_line.Times(_ctm), 0, 0)];
                case "Do" or "sh" or "BI":
                    return null;
            }

            return [];
        }

        private static double Height(Matrix m, double x, double y) => (m.B * x) + (m.D * y) + m.F;

        private static double[] Numbers(IReadOnlyList<string> operands)
        {
            var numbers = new double[operands.Count];
            for (int i = 0; i < operands.Count; i++)
            {
                if (!double.TryParse(operands[i], NumberStyles.Float, CultureInfo.InvariantCulture, out numbers[i]))
                {
                    return [];
                }
            }

            return numbers;
        }
    }

    /// <summary>A PDF matrix [a b c d e f].</summary>
    private readonly record struct Matrix(double A, double B, double C, double D, double E, double F)
    {
        public static Matrix Identity => new(1, 0, 0, 1, 0, 0);

        public Matrix(double[] n)
            : this(n[0], n[1], n[2], n[3], n[4], n[5])
        {
        }

        public static Matrix Translation(double x, double y) => new(1, 0, 0, 1, x, y);

        /// <summary>This matrix, then <paramref name="other"/> (PDF's row-vector order: this × other).</summary>
        public Matrix Times(Matrix other) => new(
            (A * other.A) + (B * other.C), (A * other.B) + (B * other.D),
            (C * other.A) + (D * other.C), (C * other.B) + (D * other.D),
            (E * other.A) + (F * other.C) + other.E, (E * other.B) + (F * other.D) + other.F);
    }
}
