using Pstm.Diagnostics;

namespace Pstm.Pdf.Tests;

/// <summary>The browser the PDF tests print with: the one pstm would find, started as pstm starts it.</summary>
internal static class TestBrowser
{
    public static async Task<ChromiumBrowser> LaunchAsync()
    {
        var diagnostics = new DiagnosticBag();
        var executable = BrowserLocator.Locate(null, diagnostics);
        Assert.True(executable is not null, "the PDF tests need Chromium: " + (diagnostics.ToSortedList() is [var first, ..] ? first.Hint : null));
        var browser = await ChromiumBrowser.LaunchAsync(executable, TimeSpan.FromSeconds(60), diagnostics, CancellationToken.None);
        Assert.True(browser is not null, "the browser did not start: " + (diagnostics.ToSortedList() is [var problem, ..] ? problem.Message : null));
        return browser;
    }
}
