using Pstm.Diagnostics;
using PuppeteerSharp;

namespace Pstm.Pdf.Tests;

public class BrowserFailureTests
{
    public static TheoryData<string, string> Failures() => new()
    {
        { "timeout", "PSTM0603" },
        { "navigation timeout", "PSTM0603" },
        { "navigation error", "PSTM0602" },
    };

    [Theory]
    [MemberData(nameof(Failures))]
    public void A_timeout_is_reported_as_a_timeout_however_PuppeteerSharp_wraps_it(string failure, string expectedCode)
    {
        Exception exception = failure switch
        {
            "timeout" => new TimeoutException("Navigation timeout of 5000 ms exceeded"),
            // What GoToAsync throws when its lifecycle watcher times out first.
            "navigation timeout" => new NavigationException("Navigation timeout of 5000 ms exceeded", new TimeoutException("Navigation timeout of 5000 ms exceeded")),
            _ => new NavigationException("net::ERR_BLOCKED_BY_CLIENT", "file:///x.html"),
        };
        var diagnostics = new DiagnosticBag();

        BrowserFailure.Report(diagnostics, "/out/booklet.html", "loading the page", exception, TimeSpan.FromSeconds(5), browserEnded: false);

        var diagnostic = Assert.Single(diagnostics.ToSortedList());
        Assert.Equal(expectedCode, diagnostic.Code);
    }

    [Fact]
    public void A_browser_that_ended_is_the_cause_whatever_the_exception()
    {
        var diagnostics = new DiagnosticBag();

        BrowserFailure.Report(diagnostics, "/out/booklet.html", "printing", new TimeoutException(), TimeSpan.FromSeconds(5), browserEnded: true);

        var diagnostic = Assert.Single(diagnostics.ToSortedList());
        Assert.Equal("PSTM0602", diagnostic.Code);
        Assert.Contains("ended", diagnostic.Message);
    }
}
