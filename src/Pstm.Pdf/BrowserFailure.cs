using Pstm.Diagnostics;
using PuppeteerSharp;

namespace Pstm.Pdf;

/// <summary>How a failed step of loading or printing a page is reported: the browser gone, a timeout, or the browser's error.</summary>
internal static class BrowserFailure
{
    /// <summary>True for the exceptions a step with the browser ends with when it fails.</summary>
    public static bool Is(Exception exception) => exception is TimeoutException or PuppeteerException or BrowserEndedException;

    /// <summary>
    /// True for the exceptions PuppeteerSharp's objects throw when the browser went away under them, before
    /// it noticed (a page whose main frame is gone, a closed connection): a failure when the browser ends, a bug otherwise.
    /// </summary>
    public static bool MayComeFromItsEnd(Exception exception) =>
        exception is NullReferenceException or InvalidOperationException or ObjectDisposedException or IOException;

    /// <param name="step">What was being done, as in "loading the page".</param>
    /// <param name="browserEnded">Whether the browser's process is gone: then that is the cause, whatever the exception says.</param>
    public static void Report(DiagnosticBag diagnostics, string htmlPath, string step, Exception exception, TimeSpan timeout, bool browserEnded) =>
        diagnostics.Add(browserEnded || exception is BrowserEndedException
            ? PdfDiagnostics.BrowserFailed.Create(
                SourceSpan.ForFile(htmlPath),
                $"the browser ended while {step} (it crashed or was killed)",
                "build again; if it keeps ending, run the browser with --version to check it works on this machine, or give another with --browser")
            : IsTimeout(exception)
            ? PdfDiagnostics.Timeout.Create(
                SourceSpan.ForFile(htmlPath),
                $"{step} took longer than {timeout.TotalSeconds:0} s",
                "raise the limit with --timeout SECONDS, or look for a template that makes the page very large")
            : PdfDiagnostics.BrowserFailed.Create(
                SourceSpan.ForFile(htmlPath), $"the browser failed at {step}: {exception.Message}", null));

    /// <summary>
    /// A navigation that times out reaches us either as the TimeoutException itself or as PuppeteerSharp's
    /// NavigationException wrapping it, depending on which of its tasks notices first.
    /// </summary>
    private static bool IsTimeout(Exception exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            if (current is TimeoutException)
            {
                return true;
            }
        }

        return false;
    }
}
