using Pstm.Plan.Model;
using Pstm.Rendering.Booklet;
using Pstm.Rendering.Text;

namespace Pstm.Rendering.Slides;

/// <summary>
/// Decides the deck's slides from the booklet's view: one idea per slide, at most about seven lines
/// of list before a continuation slide ("2/2"), long paragraphs split between words.
/// </summary>
public static class SlidePlanner
{
    public const int MaxListItems = 7;
    public const int MaxParagraphWords = 70;

    public static IReadOnlyList<SlideView> Plan(BookletView view, StrategicPlan plan)
    {
        var slides = new List<SlideView>();
        var language = new LanguageOfParts(plan);
        void Add(string kind, string title, string plain, IReadOnlyList<object>? items = null, int part = 1, int parts = 1,
            MissionView? mission = null, DriverView? driver = null, string? text = null, string? notes = null)
        {
            var number = slides.Count + 1;
            var titlePlain = parts > 1 ? $"{plain} {part}/{parts}" : plain;
            slides.Add(new SlideView(number, $"slide-{number}", kind, title, titlePlain, part, parts, mission, driver, items ?? [], text, notes));
        }

        // Titles made of the templates' words: already escaped, with no markup, so title and plain agree.
        void AddParts<T>(string kind, string title, IReadOnlyList<T> items, int perSlide)
            where T : class
        {
            var chunks = Chunk(items, perSlide);
            for (var i = 0; i < chunks.Count; i++)
            {
                Add(kind, title, title, chunks[i], i + 1, chunks.Count);
            }
        }

        Add("title", view.Plan.Title, view.Plan.TitlePlain);
        if (view.Process.Count > 0)
        {
            AddParts("process", view.SectionHeadings["process"], view.Process, 4);
        }

        if (view.Vision.Count > 0)
        {
            AddParts("vision", view.SectionHeadings["vision"], view.Vision, 6);
        }

        if (view.Missions.Count > 0)
        {
            AddParts("missions", view.SectionHeadings["missions"], view.Missions, 6);
            foreach (var (mission, source) in view.Missions.Zip(plan.Missions))
            {
                var chunks = Chunk(mission.Objectives, MaxListItems);
                for (var i = 0; i < chunks.Count; i++)
                {
                    Add("mission", mission.Heading, mission.Heading, chunks[i], i + 1, chunks.Count, mission: mission, notes: source.Notes is null ? null : language.Block($"missions.{source.Id.Value}.notes", source.Notes, topLevel: 3));
                }
            }
        }

        if (view.Drivers.Count > 0)
        {
            AddParts("drivers", view.SectionHeadings["drivers"], view.Drivers, 8);
            foreach (var (driver, source) in view.Drivers.Zip(plan.Drivers))
            {
                var paragraphs = SplitWords(source.Description, MaxParagraphWords, $"drivers.{source.Id.Value}.description", language);
                for (var i = 0; i < paragraphs.Count; i++)
                {
                    Add("driver", driver.Heading, driver.Heading, null, i + 1, paragraphs.Count, driver: driver, text: paragraphs[i], notes: source.Notes is null ? null : language.Block($"drivers.{source.Id.Value}.notes", source.Notes, topLevel: 3));
                }
            }

            AddParts("matrix", view.Strings["matrix"], view.Matrix.Rows, 10);
        }

        Add("closing", view.Plan.ShortTitle ?? view.Plan.Title, view.Plan.ShortTitle is null ? view.Plan.TitlePlain : HtmlText.Escape(plan.ShortTitle is null ? "" : HtmlText.PlainText(plan.ShortTitle)));
        return slides;
    }

    /// <summary>Items in even chunks of at most <paramref name="size"/>: ten become five and five, not seven and three.</summary>
    private static List<IReadOnlyList<object>> Chunk<T>(IReadOnlyList<T> items, int size)
        where T : class
    {
        if (items.Count == 0)
        {
            return [[]];
        }

        var parts = (items.Count + size - 1) / size;
        var even = (items.Count + parts - 1) / parts;
        return items.Chunk(even).Select(c => (IReadOnlyList<object>)c.Cast<object>().ToList()).ToList();
    }

    /// <summary>A paragraph as HTML parts of at most <paramref name="words"/> words, split between words; one empty part when there is none.</summary>
    private static List<string?> SplitWords(string? text, int words, string key, LanguageOfParts language)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return [null];
        }

        var all = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var parts = (all.Length + words - 1) / words;
        var even = (all.Length + parts - 1) / parts;
        return all.Chunk(even)
            .Select((chunk, i) => (string?)language.Inline(key, (i > 0 ? "… " : "") + string.Join(' ', chunk) + (i < parts - 1 ? " …" : "")))
            .ToList();
    }
}
