using Pstm.Diagnostics;
using Pstm.Pdf;

namespace Pstm.Editions;

/// <summary>
/// Builds that share one browser: <c>pstm build --watch</c> keeps it between rebuilds instead of
/// starting it each time. Disposing the session ends the browser.
/// </summary>
public sealed class BuildSession : IAsyncDisposable
{
    private ChromiumBrowser? _browser;
    private string? _executable;

    public Task<BuildResult> BuildAsync(BuildRequest request, CancellationToken cancellation) =>
        EditionBuilder.BuildAsync(request, this, cancellation);

    /// <summary>The session's browser, started on first use.</summary>
    internal async Task<ChromiumBrowser?> BrowserAsync(string executable, TimeSpan timeout, DiagnosticBag diagnostics, CancellationToken cancellation)
    {
        if (_browser is not null && _executable == executable)
        {
            return _browser;
        }

        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _browser = await ChromiumBrowser.LaunchAsync(executable, timeout, diagnostics, cancellation);
        _executable = executable;
        return _browser;
    }

    public async ValueTask DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
            _browser = null;
        }
    }
}
