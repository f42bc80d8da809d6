using System.Text.Json;

namespace Pstm.Rendering.Slides;

/// <summary>
/// pstm's own measuring script for the deck (<c>DeckMeasure.js</c>, never a template's), the argument
/// it is called with, and how its answer is read back into a <see cref="DeckLayout"/>.
/// </summary>
public static class DeckMeasure
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>A JavaScript function of the sections that answers with the layout as JSON text.</summary>
    public static string Script { get; } = ReadScript();

    /// <summary>
    /// What the script needs of each section (the keys of its units, which of them it may cut, whether
    /// its list may have two columns, and whether it may share a slide with its neighbour), and whether the page is kept for the next build
    /// (<paramref name="keep"/>: it then remembers what it measured).
    /// </summary>
    public static object Argument(IReadOnlyList<SlideSection> sections, bool keep = false) => new
    {
        sections = sections.Select(s => new
        {
            units = s.Units.Select(u => new { key = u.Key, split = u.SplitHtml is not null }).ToList(),
            columns = s.Columns,
            join = s.Kind is not ("title" or "closing"),
        }).ToList(),
        keep,
    };

    /// <summary>The layout the script answered with; every section on one slide when the answer cannot be read.</summary>
    public static DeckLayout Read(string? answer, IReadOnlyList<SlideSection> sections)
    {
        try
        {
            if (answer is not null && JsonSerializer.Deserialize<DeckLayout>(answer, Json) is { Sections: not null } layout)
            {
                return layout with { SmallText = layout.SmallText ?? [] };
            }
        }
        catch (JsonException)
        {
        }

        return DeckLayout.Unmeasured(sections);
    }

    private static string ReadScript()
    {
        using var stream = typeof(DeckMeasure).Assembly.GetManifestResourceStream("Pstm.Rendering.Slides.DeckMeasure.js")
            ?? throw new InvalidOperationException("DeckMeasure.js is not embedded");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
