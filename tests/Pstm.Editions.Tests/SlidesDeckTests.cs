using System.Text.Json;
using System.Text.RegularExpressions;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Tokens;

namespace Pstm.Editions.Tests;

/// <summary>The deck in a real browser, as a presenter and a screen-reader user meet it.</summary>
public partial class SlidesDeckTests(BuiltDeck deck) : IClassFixture<BuiltDeck>
{
    private int SlideCount => SlideSection().Count(deck.Html);

    [Fact]
    public async Task It_opens_from_a_file_with_no_error_and_no_request_leaving_the_file()
    {
        await using var page = await deck.OpenAsync();
        foreach (var key in new[] { "ArrowRight", "ArrowRight", "End", "Home", "p", "p" })
        {
            await page.Page.Keyboard.PressAsync(key);
        }

        Assert.Empty(page.Errors);
        Assert.Empty(page.LeavingRequests);
        Assert.Equal("slide-1", await page.CurrentAsync());
    }

    [Fact]
    public async Task Each_key_moves_as_described_and_the_address_names_the_slide()
    {
        await using var page = await deck.OpenAsync();
        var last = $"slide-{SlideCount}";

        foreach (var (key, expected) in new[]
        {
            ("ArrowRight", "slide-2"), (" ", "slide-3"), ("ArrowLeft", "slide-2"), ("PageDown", "slide-3"),
            ("PageUp", "slide-2"), ("End", last), ("ArrowRight", last), ("Home", "slide-1"), ("ArrowLeft", "slide-1"),
        })
        {
            await page.Page.Keyboard.PressAsync(key == " " ? "Space" : key);
            Assert.Equal(expected, await page.CurrentAsync());
        }

        await page.Page.Keyboard.TypeAsync("12");
        await page.Page.Keyboard.PressAsync("Enter");
        Assert.Equal("slide-12", await page.CurrentAsync());
        Assert.Equal("#slide-12", await page.HashAsync());
    }

    [Fact]
    public async Task Its_button_opens_the_presenter_view_with_the_next_slides_title_and_a_clock_and_no_single_key_does()
    {
        await using var page = await deck.OpenAsync();
        const string presenting = "document.documentElement.classList.contains('presenting')";

        // A single character key does nothing (WCAG 2.1.4)
        await page.Page.Keyboard.PressAsync("p");
        Assert.False(await page.Page.EvaluateExpressionAsync<bool>(presenting));

        await page.Page.ClickAsync(".control-presenter");

        Assert.True(await page.Page.EvaluateExpressionAsync<bool>(presenting));
        Assert.Equal("true", await page.Page.EvaluateExpressionAsync<string>("document.querySelector('.control-presenter').getAttribute('aria-pressed')"));
        Assert.True(await page.Page.EvaluateExpressionAsync<bool>("getComputedStyle(document.querySelector('.presenter')).display !== 'none'"));
        Assert.Equal("Processo di Piano", await page.Page.EvaluateExpressionAsync<string>("document.querySelector('.presenter-next-title').textContent"));
        Assert.StartsWith("Tempo trascorso: 0:0", await page.Page.EvaluateExpressionAsync<string>("document.querySelector('.presenter-clock').textContent"));
        await page.Page.ClickAsync(".control-presenter");
        Assert.False(await page.Page.EvaluateExpressionAsync<bool>(presenting));
    }

    [Fact]
    public async Task A_mouse_user_moves_with_the_controls_a_click_on_the_slide_and_the_wheel()
    {
        await using var page = await deck.OpenAsync();

        await page.Page.ClickAsync(".control-next");
        Assert.Equal("slide-2", await page.CurrentAsync());
        await page.Page.ClickAsync(".control-previous");
        Assert.Equal("slide-1", await page.CurrentAsync());

        // A click on the slide itself goes on
        await page.Page.Mouse.ClickAsync(640, 300);
        Assert.Equal("slide-2", await page.CurrentAsync());

        // One turn of the wheel is one slide, however many events it sends
        await page.Page.Mouse.MoveAsync(640, 300);
        await page.Page.Mouse.WheelAsync(0, 120);
        await page.Page.Mouse.WheelAsync(0, 120);
        await WaitForAsync(page, "slide-3");
        Assert.Equal("slide-3", await page.CurrentAsync());
        await Task.Delay(400);
        await page.Page.Mouse.WheelAsync(0, -120);
        await WaitForAsync(page, "slide-2");
        Assert.Equal("slide-2", await page.CurrentAsync());
    }

    [Fact]
    public async Task Tab_reaches_the_controls_with_a_visible_focus_ring_and_they_say_what_they_do()
    {
        await using var page = await deck.OpenAsync();

        string focused = "";
        for (var i = 0; i < 20 && !focused.Contains("control", StringComparison.Ordinal); i++)
        {
            await page.Page.Keyboard.PressAsync("Tab");
            focused = await page.Page.EvaluateExpressionAsync<string>("document.activeElement.className");
        }

        Assert.Contains("control-previous", focused, StringComparison.Ordinal);
        Assert.NotEqual("none", await page.Page.EvaluateExpressionAsync<string>("getComputedStyle(document.activeElement).outlineStyle"));
        Assert.Equal(
            ["Precedente", "Successiva", "Vista per chi presenta"],
            await page.Page.EvaluateExpressionAsync<string[]>("[...document.querySelectorAll('.controls button')].map(b => b.getAttribute('aria-label') || b.textContent)"));
        await page.Page.Keyboard.PressAsync("Tab");
        await page.Page.Keyboard.PressAsync("Enter");
        Assert.Equal("slide-2", await page.CurrentAsync());
    }

    [Fact]
    public async Task Without_javascript_every_slide_is_readable_in_order_one_under_the_other()
    {
        await using var page = await deck.OpenAsync(script: false);

        // Every slide is visible, each below the one before, and none covers another
        var boxes = await page.Page.EvaluateExpressionAsync<double[][]>(
            "[...document.querySelectorAll('.slide')].map(s => { const r = s.getBoundingClientRect(); return [r.top, r.bottom, getComputedStyle(s).visibility === 'visible' ? 1 : 0]; })");
        Assert.Equal(SlideCount, boxes.Length);
        Assert.All(boxes, box => Assert.Equal(1, box[2]));
        for (var i = 1; i < boxes.Length; i++)
        {
            Assert.True(boxes[i][0] >= boxes[i - 1][1], $"slide {i + 1} starts above the end of slide {i}");
        }

        // The page scrolls to them, and the controls that need the script are not shown
        Assert.True(await page.Page.EvaluateExpressionAsync<bool>($"document.scrollingElement.scrollHeight >= {SlideCount} * 720"));
        Assert.Equal("none", await page.Page.EvaluateExpressionAsync<string>("getComputedStyle(document.querySelector('.controls')).display"));
    }

    private static async Task WaitForAsync(DeckPage page, string slide)
    {
        for (var i = 0; i < 20 && await page.CurrentAsync() != slide; i++)
        {
            await Task.Delay(50);
        }
    }

    [Fact]
    public async Task A_link_with_a_slides_fragment_opens_that_slide()
    {
        await using var page = await deck.OpenAsync(fragment: "#slide-4");

        Assert.Equal("slide-4", await page.CurrentAsync());
        Assert.Contains("4", await page.Page.EvaluateExpressionAsync<string>("document.querySelector('.counter').textContent"));
    }

    [Fact]
    public async Task A_swipe_to_the_left_shows_the_next_slide_and_to_the_right_the_previous()
    {
        await using var page = await deck.OpenAsync();
        const string swipe = """
            (from, to) => {
              const touch = x => new Touch({ identifier: 1, target: document.body, clientX: x, clientY: 300 });
              document.dispatchEvent(new TouchEvent('touchstart', { changedTouches: [touch(from)], bubbles: true }));
              document.dispatchEvent(new TouchEvent('touchend', { changedTouches: [touch(to)], bubbles: true }));
            }
            """;

        await page.Page.EvaluateFunctionAsync(swipe, 900, 300);
        Assert.Equal("slide-2", await page.CurrentAsync());
        await page.Page.EvaluateFunctionAsync(swipe, 300, 900);
        Assert.Equal("slide-1", await page.CurrentAsync());
    }

    [Theory]
    [InlineData(1280, 720)]
    [InlineData(1920, 1080)]
    public async Task No_slide_overflows_and_no_text_is_smaller_than_24px_on_the_canvas(int width, int height)
    {
        await using var page = await deck.OpenAsync(width, height);
        const string measure = """
            () => Array.from(document.querySelectorAll('.slide')).map(slide => {
              location.hash = '#' + slide.id;
              const box = slide.getBoundingClientRect();
              const clipped = Array.from(slide.querySelectorAll('.slide-inner *'))
                .map(e => e.getBoundingClientRect())
                .filter(r => r.width > 0 && (r.bottom > box.bottom + 1 || r.right > box.right + 1 || r.left < box.left - 1 || r.top < box.top - 1));
              const small = Array.from(slide.querySelectorAll('*'))
                .filter(e => Array.from(e.childNodes).some(n => n.nodeType === 3 && n.textContent.trim()))
                .filter(e => !e.closest('.notes'))
                .map(e => parseFloat(getComputedStyle(e).fontSize))
                .filter(size => size < 24);
              const deckBox = document.querySelector('.deck').getBoundingClientRect();
              return {
                id: slide.id,
                overflow: clipped.length > 0 || slide.scrollHeight > slide.clientHeight || slide.scrollWidth > slide.clientWidth,
                small: small.length,
                fits: deckBox.left >= -1 && deckBox.top >= -1 && deckBox.right <= innerWidth + 1 && deckBox.bottom <= innerHeight + 1,
              };
            })
            """;

        var slides = await page.Page.EvaluateFunctionAsync<JsonElement>(measure);

        Assert.Equal(SlideCount, slides.GetArrayLength());
        foreach (var slide in slides.EnumerateArray())
        {
            var id = slide.GetProperty("id").GetString();
            Assert.False(slide.GetProperty("overflow").GetBoolean(), $"{id} overflows");
            Assert.Equal(0, slide.GetProperty("small").GetInt32());
            Assert.True(slide.GetProperty("fits").GetBoolean(), $"{id} is not scaled into the window");
        }
    }

    [Fact]
    public async Task Axe_finds_no_serious_or_critical_violation_on_any_slide()
    {
        await using var page = await deck.OpenAsync();

        // Without motion: the slides then appear at once (prefers-reduced-motion), so contrast is measured as read.
        await page.Page.EmulateMediaFeaturesAsync([new PuppeteerSharp.MediaFeatureValue { MediaFeature = PuppeteerSharp.MediaFeature.PrefersReducedMotion, Value = "reduce" }]);
        await page.Page.AddScriptTagAsync(new PuppeteerSharp.AddTagOptions { Content = AxeScript() });
        var problems = new List<string>();
        for (var number = 1; number <= SlideCount; number++)
        {
            await page.Page.EvaluateExpressionAsync($"location.hash = '#slide-{number}'");
            var violations = await page.Page.EvaluateExpressionAsync<JsonElement>(
                "axe.run(document, { resultTypes: ['violations'] }).then(r => r.violations.map(v => ({ id: v.id, impact: v.impact, nodes: v.nodes.length })))");
            problems.AddRange(violations.EnumerateArray()
                .Where(v => v.GetProperty("impact").GetString() is "serious" or "critical")
                .Select(v => $"slide {number}: {v.GetProperty("id").GetString()} ({v.GetProperty("nodes").GetInt32()} nodes)"));
        }

        Assert.Empty(problems);
    }

    [Fact]
    public void The_deck_is_one_file_with_the_language_set_and_one_heading_per_slide()
    {
        Assert.Contains("<html lang=\"it\">", deck.Html);
        Assert.DoesNotMatch("<link |<script src=|url\\((?!data:)", deck.Html);
        foreach (Match section in SlideSection().Matches(deck.Html))
        {
            var headings = Regex.Count(section.Value, "<h[12] ");
            Assert.Equal(1, headings);
            Assert.Contains("aria-labelledby=", section.Value);
        }
    }

    [Fact]
    public void The_pdf_has_one_16_by_9_page_per_slide_with_an_outline_of_their_titles()
    {
        using var document = PdfDocument.Open(deck.Pdf);

        Assert.Equal(SlideCount, document.NumberOfPages);
        Assert.All(document.GetPages(), p => Assert.Equal(16.0 / 9.0, p.Width / p.Height, 2));
        Assert.True(document.TryGetBookmarks(out var bookmarks));
        var titles = bookmarks.GetNodes().Select(n => n.Title.ToUpperInvariant()).ToList();
        // Compared in capitals: the stylesheet sets the missions' kickers in capitals, and the outline shows them so.
        var expected = SlideTitle().Matches(deck.Html).Select(m => System.Net.WebUtility.HtmlDecode(m.Groups[1].Value).ToUpperInvariant()).ToList();
        Assert.Equal(expected, titles);
        Assert.All(document.GetPages().SelectMany(p => p.Letters).Select(l => l.FontName).Distinct(), f => Assert.Matches("TitilliumWeb|RobotoMono", f));
        Assert.Equal("it", (document.Structure.Catalog.CatalogDictionary.Data["Lang"] as StringToken)?.Data);
    }

    [Fact]
    public async Task Screenshots_of_a_few_slides_are_kept_for_a_person_to_look_at()
    {
        var folder = Path.Combine(BuiltBooklet.RepositoryRoot, "artifacts", "screenshots");
        Directory.CreateDirectory(folder);
        await using var page = await deck.OpenAsync();
        await page.Page.EmulateMediaFeaturesAsync([new PuppeteerSharp.MediaFeatureValue { MediaFeature = PuppeteerSharp.MediaFeature.PrefersReducedMotion, Value = "reduce" }]);
        foreach (var number in new[] { 1, 2, 5, 9, SlideCount - 1 })
        {
            await page.Page.EvaluateExpressionAsync($"location.hash = '#slide-{number}'");
            var path = Path.Combine(folder, $"slide-{number:00}.png");
            await page.Page.ScreenshotAsync(path);
            Assert.True(new FileInfo(path).Length > 10_000, $"{path} looks empty");
        }
    }

    private static string AxeScript()
    {
        using var stream = typeof(Deque.AxeCore.Commons.AxeResultItem).Assembly.GetManifestResourceStream("Deque.AxeCore.Commons.Resources.axe.min.js")!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    [GeneratedRegex("""<section class="slide [^>]*>.*?</section>""", RegexOptions.Singleline)]
    private static partial Regex SlideSection();

    [GeneratedRegex("""data-title="([^"]*)""")]
    private static partial Regex SlideTitle();
}
