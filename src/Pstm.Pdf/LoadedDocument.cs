using Pstm.Diagnostics;
using PuppeteerSharp;

namespace Pstm.Pdf;

/// <summary>
/// An HTML file loaded in a tab of the build's browser, ready to print. It can be printed again after
/// changing its table of contents' page numbers in place, without loading it again.
/// </summary>
public sealed class LoadedDocument : IAsyncDisposable
{
    private readonly BrowserTab _tab;
    private readonly string _htmlPath;
    private readonly BrowserSteps _steps;
    private readonly HashSet<string> _reported = new(StringComparer.Ordinal);

    private readonly ChromiumBrowser _browser;
    private bool _failed;

    internal LoadedDocument(ChromiumBrowser browser, BrowserTab tab, string htmlPath, BrowserSteps steps)
    {
        _browser = browser;
        _tab = tab;
        _htmlPath = htmlPath;
        _steps = steps;
    }

    /// <summary>Whether a step failed: the tab is not to be used again.</summary>
    internal bool Failed => _failed;

    /// <summary>Whether the page asked for anything outside the build's files (blocked).</summary>
    internal bool AskedOutside => _tab.Blocked.Count > 0;

    /// <summary>The window and media the document is shown in now.</summary>
    public PageView View => _tab.View;

    /// <summary>
    /// Shows the document in <paramref name="view"/> to measure it there (nothing changes when it is
    /// shown so already); false after reporting why it failed. A print is laid out for its pages whatever the view.
    /// </summary>
    public async Task<bool> ShowAsync(PageView view, string doing, DiagnosticBag diagnostics, CancellationToken cancellation) =>
        (await RunAsync(async _ => { await _tab.ShowAsync(view, cancellation); return true; }, doing, diagnostics, cancellation)).Done;

    /// <summary>Prints the document as it is now; null after reporting why it failed.</summary>
    public async Task<byte[]?> PrintAsync(DiagnosticBag diagnostics, CancellationToken cancellation)
    {
        try
        {
            await _steps.RunAsync(_tab.Page.EvaluateExpressionAsync(OtherLanguageParts.Mark), cancellation);
            var pdf = await _steps.RunAsync(_tab.Page.PdfDataAsync(Options()), cancellation);
            await _steps.RunAsync(_tab.Page.EvaluateExpressionAsync(OtherLanguageParts.Unmark), cancellation);
            ReportBlocked(diagnostics);
            return pdf;
        }
        catch (Exception exception) when (BrowserFailure.Is(exception) || BrowserFailure.MayComeFromItsEnd(exception))
        {
            if (!await _steps.IsFailureAsync(exception))
            {
                throw;
            }

            _failed = true;
            BrowserFailure.Report(diagnostics, _htmlPath, "printing", exception, _steps.Timeout, _browser.HasEnded);

            // A page that tried to leave for the network fails to print: what it asked for says why.
            ReportBlocked(diagnostics);
            return null;
        }
    }

    private void ReportBlocked(DiagnosticBag diagnostics) => ReportBlocked(diagnostics, _htmlPath, _tab.Blocked.Where(_reported.Add));

    /// <summary>Reports each of the requests the page made that were blocked (PSTM0604).</summary>
    internal static void ReportBlocked(DiagnosticBag diagnostics, string htmlPath, IEnumerable<string> urls)
    {
        foreach (var url in urls.Order(StringComparer.Ordinal))
        {
            diagnostics.Add(PdfDiagnostics.RequestBlocked.Create(
                SourceSpan.ForFile(htmlPath),
                $"the page asked for {Shorten(url)}, which is not a file of the build; it was blocked",
                "templates may use only their own files (stylesheets, fonts, images in the templates folder); they cannot reach the network"));
        }
    }

    /// <summary>
    /// Lays the document out as for printing and returns the page of each link target, without
    /// painting: every element is hidden for the moment (which leaves the layout as it is), and the PDF
    /// is not tagged, so that the browser does not draw, embed fonts or build the structure tree, which
    /// is most of a print's time in a long document.
    /// Null after reporting why it failed.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, int>?> LayOutAsync(DiagnosticBag diagnostics, CancellationToken cancellation)
    {
        try
        {
            await _steps.RunAsync(_tab.Page.EvaluateExpressionAsync(HideEverything), cancellation);
            var pdf = await _steps.RunAsync(_tab.Page.PdfDataAsync(new PdfOptions
            {
                PreferCSSPageSize = true,

                // Only the pages of the link targets are read from it: no structure tree (tagging is on by default).
                Tagged = false,
                Timeout = (int)_steps.Timeout.TotalMilliseconds,
            }), cancellation);
            await _steps.RunAsync(_tab.Page.EvaluateExpressionAsync(ShowEverything), cancellation);
            return PdfDestinations.PagesByName(pdf);
        }
        catch (Exception exception) when (BrowserFailure.Is(exception) || BrowserFailure.MayComeFromItsEnd(exception))
        {
            if (!await _steps.IsFailureAsync(exception))
            {
                throw;
            }

            _failed = true;
            BrowserFailure.Report(diagnostics, _htmlPath, "laying the page out", exception, _steps.Timeout, _browser.HasEnded);
            return null;
        }
    }

    /// <summary>
    /// Writes the page numbers into the table of contents in place, as <see cref="TocPageNumbers.Fill"/>
    /// does in the file; false after reporting why it failed.
    /// </summary>
    public async Task<bool> SetPageNumbersAsync(IReadOnlyDictionary<string, int> pages, DiagnosticBag diagnostics, CancellationToken cancellation)
    {
        try
        {
            await _steps.RunAsync(_tab.Page.EvaluateExpressionAsync(TocPageNumbers.Script(pages)), cancellation);
            return true;
        }
        catch (Exception exception) when (BrowserFailure.Is(exception) || BrowserFailure.MayComeFromItsEnd(exception))
        {
            if (!await _steps.IsFailureAsync(exception))
            {
                throw;
            }

            _failed = true;
            BrowserFailure.Report(diagnostics, _htmlPath, "writing the page numbers", exception, _steps.Timeout, _browser.HasEnded);
            return false;
        }
    }

    /// <summary>
    /// Calls pstm's own <paramref name="function"/> (JavaScript, not a template's) in the page with
    /// <paramref name="argument"/> and returns its answer, a string; null after reporting why it failed.
    /// </summary>
    public async Task<string?> EvaluateAsync(string function, object argument, DiagnosticBag diagnostics, CancellationToken cancellation) =>
        (await RunAsync(page => page.EvaluateFunctionAsync<string>(function, argument), "measuring the page", diagnostics, cancellation)).Result;

    /// <summary>
    /// Runs <paramref name="step"/> on the loaded page (a measure, a change of viewport), reporting a
    /// failure as <paramref name="doing"/>; default after reporting why it failed.
    /// </summary>
    internal async Task<(bool Done, T? Result)> RunAsync<T>(Func<IPage, Task<T>> step, string doing, DiagnosticBag diagnostics, CancellationToken cancellation)
    {
        try
        {
            return (true, await _steps.RunAsync(step(_tab.Page), cancellation));
        }
        catch (Exception exception) when (BrowserFailure.Is(exception) || BrowserFailure.MayComeFromItsEnd(exception))
        {
            if (!await _steps.IsFailureAsync(exception))
            {
                throw;
            }

            _failed = true;
            BrowserFailure.Report(diagnostics, _htmlPath, doing, exception, _steps.Timeout, _browser.HasEnded);
            return (false, default);
        }
    }

    /// <summary>Gives the tab back for the next document, or closes it after a failure.</summary>
    public ValueTask DisposeAsync()
    {
        if (_failed)
        {
            // Not awaited: closing takes a moment the build need not wait for; ending the browser ends it anyway.
            _ = _tab.CloseAsync();
        }
        else
        {
            _browser.Release(_tab);
        }

        return ValueTask.CompletedTask;
    }

    // A constructed stylesheet, not a style element, which would take a DOM node of the document.
    private const string HideEverything = """
        (() => { const sheet = new CSSStyleSheet();
          sheet.replaceSync('*, *::before, *::after, *::marker { visibility: hidden !important; }');
          window.pstmLayoutOnly = sheet;
          document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet]; })()
        """;

    private const string ShowEverything =
        "document.adoptedStyleSheets = document.adoptedStyleSheets.filter(s => s !== window.pstmLayoutOnly)";

    private PdfOptions Options() => new()
    {
        PreferCSSPageSize = true,
        PrintBackground = true,
        Outline = true,
        Tagged = true,
        DisplayHeaderFooter = false,
        WaitForFonts = true,
        Timeout = (int)_steps.Timeout.TotalMilliseconds,
    };

    private static string Shorten(string url) => url.Length <= 120 ? url : url[..117] + "…";
}
