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
    public async Task Its_button_opens_the_presenter_view_beside_the_slide_when_no_window_can_open_and_no_single_key_does()
    {
        await using var page = await deck.OpenAsync();
        const string presenting = "document.documentElement.classList.contains('presenting')";

        // A single character key does nothing (WCAG 2.1.4)
        await page.Page.Keyboard.PressAsync("p");
        Assert.False(await page.Page.EvaluateExpressionAsync<bool>(presenting));

        // Given a browser that blocks the window
        await page.Page.EvaluateExpressionAsync("window.open = () => null");
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
    public async Task Its_button_and_alt_p_open_a_presenter_window_and_the_two_windows_follow_each_other()
    {
        await using var page = await deck.OpenAsync(fragment: "#slide-11");
        var opened = new TaskCompletionSource<PuppeteerSharp.ITarget>();
        deck.Browser.TargetCreated += (_, e) => { if (e.Target.Url.Contains("?presenter", StringComparison.Ordinal)) { opened.TrySetResult(e.Target); } };

        await page.Page.Keyboard.DownAsync("Alt");
        await page.Page.Keyboard.PressAsync("KeyP");
        await page.Page.Keyboard.UpAsync("Alt");
        var target = await opened.Task.WaitAsync(TimeSpan.FromSeconds(20));
        var popup = await target.PageAsync();
        await popup.WaitForFunctionAsync("() => document.readyState === 'complete' && document.querySelector('.slide.current') !== null");
        await using var presenter = await deck.AdoptAsync(popup);

        // The window opens at the slide shown, with its notes, the next slide and a timer
        Assert.Equal("slide-11", await presenter.CurrentAsync());
        Assert.Equal("true", await page.Page.EvaluateExpressionAsync<string>("document.querySelector('.control-presenter').getAttribute('aria-pressed')"));
        Assert.Equal(await TitleAsync(page, 12), await popup.EvaluateExpressionAsync<string>("document.querySelector('.presenter-next-title').textContent"));

        // A slide change in either window moves the other
        await page.Page.Keyboard.PressAsync("ArrowRight");
        await WaitForAsync(presenter, "slide-12");
        Assert.Equal("slide-12", await presenter.CurrentAsync());
        await popup.Keyboard.PressAsync("End");
        await WaitForAsync(page, $"slide-{SlideCount}");
        Assert.Equal($"slide-{SlideCount}", await page.CurrentAsync());
        Assert.Empty(presenter.Errors);
        Assert.Empty(page.Errors);
    }

    [Fact]
    public async Task The_presenter_window_has_landmarks_a_heading_the_notes_the_next_slide_and_a_timer_to_pause_and_reset()
    {
        await using var page = await deck.OpenAsync(fragment: "?presenter#slide-2");
        // The shipped plan has no speaker notes yet: the third slide gets some, as the template writes them
        await page.Page.EvaluateExpressionAsync("document.getElementById('slide-3').insertAdjacentHTML('beforeend', '<aside class=\"notes\"><p>Nota di prova</p></aside>'); location.hash = '#slide-3'");
        await page.Page.WaitForFunctionAsync("() => document.querySelector('.slide.current').id === 'slide-3'");

        Assert.True(await page.Page.EvaluateExpressionAsync<bool>("document.documentElement.classList.contains('presenter-window')"));
        Assert.Equal("Vista per chi presenta", await page.Page.EvaluateExpressionAsync<string>("document.querySelector('aside.presenter h2').textContent"));
        Assert.Equal("presenter-heading", await page.Page.EvaluateExpressionAsync<string>("document.querySelector('aside.presenter').getAttribute('aria-labelledby')"));
        Assert.True(await page.Page.EvaluateExpressionAsync<bool>("document.querySelector('main.deck') !== null && document.querySelector('nav.controls') !== null"));
        Assert.Equal("Nota di prova", await page.Page.EvaluateExpressionAsync<string>("document.querySelector('.presenter-notes').textContent.trim()"));
        Assert.True(await page.Page.EvaluateExpressionAsync<bool>("document.querySelector('.presenter-next-slide .slide') !== null && document.querySelector('.presenter-next-slide').getBoundingClientRect().height > 50"));
        Assert.Equal(["timer", "off"], await page.Page.EvaluateExpressionAsync<string[]>("[document.querySelector('.presenter-clock').getAttribute('role'), document.querySelector('.presenter-clock').getAttribute('aria-live')]"));

        // Paused, the time stands; reset, it starts again from nothing
        await page.Page.ClickAsync(".presenter-pause");
        Assert.Equal("Riprendi", await page.Page.EvaluateExpressionAsync<string>("document.querySelector('.presenter-pause').textContent"));
        await page.Page.ClickAsync(".presenter-reset");
        Assert.StartsWith("Tempo trascorso: 0:00", await page.Page.EvaluateExpressionAsync<string>("document.querySelector('.presenter-clock').textContent"));
        Assert.Empty(page.Errors);
        await page.Page.EmulateMediaFeaturesAsync([new PuppeteerSharp.MediaFeatureValue { MediaFeature = PuppeteerSharp.MediaFeature.PrefersReducedMotion, Value = "reduce" }]);
        await page.Page.ScreenshotAsync(Path.Combine(Screenshots(), "presenter-window.png"));
    }

    [Fact]
    public async Task Two_windows_of_the_same_deck_follow_each_other_through_their_channel()
    {
        await using var first = await deck.OpenAsync();
        await using var second = await deck.OpenAsync();

        await first.Page.Keyboard.PressAsync("ArrowRight");
        await first.Page.Keyboard.PressAsync("ArrowRight");

        await WaitForAsync(second, "slide-3");
        Assert.Equal("slide-3", await second.CurrentAsync());
    }

    [Fact]
    public async Task At_320_css_pixels_the_slides_reflow_into_a_document_with_no_horizontal_scrolling()
    {
        await using var page = await deck.OpenAsync(320, 640);

        Assert.True(await page.Page.EvaluateExpressionAsync<bool>("document.documentElement.classList.contains('document-view')"));
        Assert.True(await page.Page.EvaluateExpressionAsync<bool>("document.scrollingElement.scrollWidth <= document.scrollingElement.clientWidth"));
        // Every slide is shown, and every text of it within the page's width (a table scrolls within itself)
        var hidden = await page.Page.EvaluateExpressionAsync<string[]>("""
            [...document.querySelectorAll('.deck > .slide')].flatMap(slide => {
              const width = document.scrollingElement.clientWidth;
              const out = [...slide.querySelectorAll('.slide-inner *')]
                .filter(e => !e.closest('.matrix') && Array.from(e.childNodes).some(n => n.nodeType === 3 && n.textContent.trim()))
                .filter(e => { const r = e.getBoundingClientRect(); return r.width === 0 || r.right > width + 1 || r.left < -1 || getComputedStyle(e).visibility !== 'visible'; })
                .map(e => slide.id + ' ' + e.tagName + ' ' + e.textContent.slice(0, 30));
              const table = slide.querySelector('.matrix');
              if (table && table.getBoundingClientRect().right > width + 1) { out.push(slide.id + ' matrix'); }
              return getComputedStyle(slide).visibility === 'visible' && slide.getBoundingClientRect().height > 0 ? out : [slide.id + ' hidden'];
            })
            """);
        Assert.Empty(hidden);
        await page.Page.ScreenshotAsync(Path.Combine(Screenshots(), "narrow-320.png"), new PuppeteerSharp.ScreenshotOptions { FullPage = false });
    }

    // The size of an objective's text on the screen, in device pixels: its font size, times the canvas's
    // scale or the document view's zoom, times the device pixels per CSS pixel.
    private const string BodyText = """
        (() => {
          const li = document.querySelector('.slide-mission .objectives li');
          const slide = li.closest('.slide');
          const scale = slide.getBoundingClientRect().width / slide.offsetWidth;
          return parseFloat(getComputedStyle(li).fontSize) * scale * devicePixelRatio;
        })()
        """;

    private const string InDocumentView = "document.documentElement.classList.contains('document-view')";

    [Fact]
    public async Task Zoomed_to_200_percent_the_text_is_larger_on_screen_than_at_100()
    {
        await using var normal = await deck.OpenAsync(1280, 720, fragment: "#slide-5", window: (1280, 720));
        var atOne = await normal.Page.EvaluateExpressionAsync<double>(BodyText);

        // The same screen at 200%: half the CSS pixels, each two device pixels
        await using var zoomed = await deck.OpenAsync(640, 360, fragment: "#slide-5", zoom: 2);
        var atTwo = await zoomed.Page.EvaluateExpressionAsync<double>(BodyText);

        Assert.True(atTwo > atOne * 1.2, $"body text is {atTwo} device pixels at 200%, {atOne} at 100%");
        Assert.True(await zoomed.Page.EvaluateExpressionAsync<bool>("document.scrollingElement.scrollWidth <= document.scrollingElement.clientWidth"));

        // Zooming in after the deck opened (Ctrl+: the window as it was, fewer and larger CSS pixels)
        // shows the document view as well, at the slide shown
        await normal.Page.SetViewportAsync(new PuppeteerSharp.ViewPortOptions { Width = 853, Height = 480, DeviceScaleFactor = 1.5 });
        await normal.Page.WaitForFunctionAsync("() => document.documentElement.classList.contains('document-view')");
        Assert.True(await normal.Page.EvaluateExpressionAsync<double>(BodyText) > atOne);
        Assert.Equal("slide-5", await normal.CurrentAsync());
    }

    [Fact]
    public async Task Opened_already_zoomed_in_the_text_is_as_large_as_the_zoom_makes_it_and_a_sharper_screen_keeps_the_canvas()
    {
        // Given a 1920×1080 window at 100%, where the canvas is scaled to the window
        await using var normal = await deck.OpenAsync(1920, 1080, fragment: "#slide-5", window: (1920, 1080));
        Assert.False(await normal.Page.EvaluateExpressionAsync<bool>(InDocumentView));
        var atOne = await normal.Page.EvaluateExpressionAsync<double>(BodyText);

        // A window moved to a sharper screen (more device pixels per CSS pixel, its size as it was) is not zoomed
        await normal.Page.SetViewportAsync(new PuppeteerSharp.ViewPortOptions { Width = 1920, Height = 1080, DeviceScaleFactor = 2 });
        await normal.Page.EvaluateExpressionAsync("window.dispatchEvent(new Event('resize'))");
        Assert.False(await normal.Page.EvaluateExpressionAsync<bool>(InDocumentView), "a sharper screen was taken for a zoom");

        foreach (var zoom in new[] { 1.25, 1.5, 2 })
        {
            // When a browser that remembers the zoom opens the deck zoomed: the same window, fewer and larger CSS pixels
            await using var zoomed = await deck.OpenAsync((int)(1920 / zoom), (int)(1080 / zoom), fragment: "#slide-5", zoom: zoom, window: (1920, 1080));

            // Then the slides are a document whose text the zoom enlarges, with no horizontal scrolling. The
            // window's bounds reach the page asynchronously (a busy machine can load the page first): the deck
            // follows them on resize, so the view is awaited, not read once.
            var becameDocument = await zoomed.Page.WaitForFunctionAsync($"() => {InDocumentView}", new PuppeteerSharp.WaitForFunctionOptions { Timeout = 10_000 })
                .ContinueWith(t => t.IsCompletedSuccessfully, TaskScheduler.Default);
            Assert.True(becameDocument, $"at {zoom:P0} the canvas is kept");
            var size = await zoomed.Page.EvaluateExpressionAsync<double>(BodyText);
            Assert.True(size >= atOne * zoom * 0.85, $"body text is {size:0.#} device pixels at {zoom:P0}, {atOne:0.#} at 100%");
            Assert.True(await zoomed.Page.EvaluateExpressionAsync<bool>("document.scrollingElement.scrollWidth <= document.scrollingElement.clientWidth"), $"at {zoom:P0} the page scrolls sideways");
            Assert.Equal("slide-5", await zoomed.CurrentAsync());
            if (zoom == 2)
            {
                // And Ctrl+0 brings the canvas back
                await zoomed.Page.SetViewportAsync(new PuppeteerSharp.ViewPortOptions { Width = 1920, Height = 1080, DeviceScaleFactor = 1 });
                await zoomed.Page.WaitForFunctionAsync($"() => !{InDocumentView}");
            }
        }

        // A sharper screen (two device pixels per CSS pixel) unzoomed is no zoom: the canvas stays; nor is
        // a page shown smaller than its window with no more device pixels (a tab that emulates a viewport)
        await using var sharp = await deck.OpenAsync(1920, 1080, fragment: "#slide-5", zoom: 2, window: (1920, 1080));
        Assert.False(await sharp.Page.EvaluateExpressionAsync<bool>(InDocumentView));
        await using var emulated = await deck.OpenAsync(1280, 720, fragment: "#slide-5", window: (1920, 1080));
        Assert.False(await emulated.Page.EvaluateExpressionAsync<bool>(InDocumentView));
    }

    [Theory]
    [InlineData(800, 450)]
    [InlineData(1024, 576)]
    [InlineData(1280, 720)]
    public async Task The_controls_cover_no_text_of_any_slide(int width, int height)
    {
        await using var page = await deck.OpenAsync(width, height);

        // Each slide's text (its lines, as the browser draws them), images and the matrix's dots, against the controls' box
        var covered = await page.Page.EvaluateFunctionAsync<string[]>("""
            () => Array.from(document.querySelectorAll('.deck > .slide')).flatMap(slide => {
              location.hash = '#' + slide.id;
              const bar = document.querySelector('.controls').getBoundingClientRect();
              const boxes = [];
              const walker = document.createTreeWalker(slide, NodeFilter.SHOW_TEXT);
              for (let node = walker.nextNode(); node; node = walker.nextNode()) {
                if (!node.data.trim() || node.parentElement.closest('.notes')) { continue; }
                const range = document.createRange();
                range.selectNodeContents(node);
                boxes.push(...Array.from(range.getClientRects()).map(r => [r, node.data.trim().slice(0, 30)]));
              }
              slide.querySelectorAll('img, .dot').forEach(e => boxes.push([e.getBoundingClientRect(), e.className]));
              return boxes.filter(([r]) => r.width > 0 && r.left < bar.right && r.right > bar.left && r.top < bar.bottom && r.bottom > bar.top)
                .map(([, what]) => slide.id + ': ' + what);
            })
            """);

        Assert.Empty(covered);
        Assert.True(await page.Page.EvaluateExpressionAsync<bool>(
            "(() => { const r = document.querySelector('.deck').getBoundingClientRect(); return r.top >= -1 && r.left >= -1 && r.bottom <= innerHeight + 1 && r.right <= innerWidth + 1; })()"));
    }

    [Fact]
    public async Task A_link_to_a_driver_lands_on_its_slide_even_when_it_shares_the_slide()
    {
        foreach (Match driver in Regex.Matches(deck.Html, """<div class="slide-inner[^"]*" id="(driver-[^"]+)">"""))
        {
            await using var page = await deck.OpenAsync(fragment: "#" + driver.Groups[1].Value);
            Assert.True(
                await page.Page.EvaluateExpressionAsync<bool>($"document.querySelector('.slide.current').contains(document.getElementById('{driver.Groups[1].Value}'))"),
                $"#{driver.Groups[1].Value} does not land on its slide");
        }

        Assert.Equal(10, Regex.Count(deck.Html, """<div class="slide-inner[^"]*" id="driver-"""));
        Assert.Equal(6, Regex.Count(deck.Html, """<div class="slide-inner[^"]*" id="mission-"""));
    }

    private static async Task<string> TitleAsync(DeckPage page, int number) =>
        await page.Page.EvaluateExpressionAsync<string>($"document.getElementById('slide-{number}').getAttribute('data-title')");

    private static string Screenshots()
    {
        var folder = Path.Combine(BuiltBooklet.RepositoryRoot, "artifacts", "screenshots");
        Directory.CreateDirectory(folder);
        return folder;
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
    public async Task The_menu_of_slides_lists_every_slide_by_title_and_goes_to_the_one_chosen()
    {
        await using var page = await deck.OpenAsync();
        Assert.Equal("false", await page.Page.EvaluateExpressionAsync<string>("document.querySelector('.control-menu').getAttribute('aria-expanded')"));
        Assert.False(await page.Page.EvaluateExpressionAsync<bool>("document.querySelector('.slide-menu-list').checkVisibility()"));

        await page.Page.ClickAsync(".control-menu");

        Assert.Equal("true", await page.Page.EvaluateExpressionAsync<string>("document.querySelector('.control-menu').getAttribute('aria-expanded')"));
        Assert.True(await page.Page.EvaluateExpressionAsync<bool>("document.querySelector('.slide-menu-list').checkVisibility()"));
        // (The entries' text has the typographer's dashes and quotes, the slides' data-title attributes the plan's.)
        var entries = await page.Page.EvaluateExpressionAsync<string[]>(
            "[...document.querySelectorAll('.slide-menu-list a')].map(a => a.getAttribute('href') + ' ' + a.textContent.replace(/\\u2013/g, '-').replace(/[\\u2018\\u2019]/g, \"'\"))");
        var slides = await page.Page.EvaluateExpressionAsync<string[]>("[...document.querySelectorAll('.deck > .slide')].map(s => '#' + s.id + ' ' + s.dataset.title)");
        Assert.Equal(slides, entries);
        // The current slide's entry has the focus, so the keyboard starts from where the deck is.
        Assert.Equal("#slide-1", await page.Page.EvaluateExpressionAsync<string>("document.activeElement.getAttribute('href')"));

        await page.Page.ClickAsync(".slide-menu-list li:nth-child(4) a");
        await WaitForAsync(page, "slide-4");
        Assert.Equal("slide-4", await page.CurrentAsync());
        Assert.Equal("false", await page.Page.EvaluateExpressionAsync<string>("document.querySelector('.control-menu').getAttribute('aria-expanded')"));

        // Escape closes it and gives the focus back to its button; the arrows inside it do not turn slides.
        await page.Page.ClickAsync(".control-menu");
        await page.Page.Keyboard.PressAsync("ArrowRight");
        Assert.Equal("slide-4", await page.CurrentAsync());
        await page.Page.Keyboard.PressAsync("Escape");
        Assert.False(await page.Page.EvaluateExpressionAsync<bool>("document.querySelector('.slide-menu-list').checkVisibility()"));
        Assert.Equal("control control-menu", await page.Page.EvaluateExpressionAsync<string>("document.activeElement.className"));
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
            ["Precedente", "Successiva", "Diapositive", "Vista per chi presenta"],
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
            // One heading per section the slide carries (a short one may share the slide), each labelling it
            var headings = Regex.Matches(section.Value, "<h[12] id=\"([^\"]+)\"").Select(m => m.Groups[1].Value).ToList();
            Assert.Equal(Regex.Count(section.Value, """<div class="slide-inner"""), headings.Count);
            Assert.Equal(string.Join(" ", headings), Regex.Match(section.Value, """aria-labelledby="([^"]*)" """).Groups[1].Value);
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
        // One entry per heading: a slide that carries two short sections has two.
        var expected = SlideHeading().Matches(deck.Html)
            .Select(m => Regex.Replace(System.Net.WebUtility.HtmlDecode(Regex.Replace(m.Groups[1].Value, "<[^>]*>", "")), @"\s+", " ").Trim().ToUpperInvariant()).ToList();
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

    [GeneratedRegex("""<h[12] id="slide-[0-9-]+-title"[^>]*>(.*?)</h[12]>""", RegexOptions.Singleline)]
    private static partial Regex SlideHeading();
}
