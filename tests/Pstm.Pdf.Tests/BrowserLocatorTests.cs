using Pstm.Diagnostics;

namespace Pstm.Pdf.Tests;

public class BrowserLocatorTests
{
    [Fact]
    public void A_path_given_on_the_command_line_comes_first()
    {
        var first = BrowserLocator.Candidates("/opt/my/chrome").First();

        Assert.Equal(("/opt/my/chrome", "--browser"), first);
    }

    [Fact]
    public void A_given_path_that_does_not_exist_is_an_error_naming_it()
    {
        var diagnostics = new DiagnosticBag();

        Assert.Null(BrowserLocator.Locate("/no/such/browser", diagnostics));

        var diagnostic = Assert.Single(diagnostics.ToSortedList());
        Assert.Equal("PSTM0601", diagnostic.Code);
        Assert.Contains("--browser", diagnostic.Message);
    }

    [Fact]
    public void The_usual_locations_include_chromium_chrome_and_edge()
    {
        var paths = BrowserLocator.Candidates(null).Select(c => c.Path.ToLowerInvariant()).ToList();

        Assert.Contains(paths, p => p.Contains("chromium", StringComparison.Ordinal));
        Assert.Contains(paths, p => p.Contains("chrome", StringComparison.Ordinal));
        Assert.Contains(paths, p => p.Contains("edge", StringComparison.Ordinal));
    }

    [Fact]
    public void On_linux_the_headless_shell_comes_before_the_desktop_chromium()
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        var paths = BrowserLocator.Candidates(null).Where(c => c.Source is null).Select(c => c.Path).ToList();

        Assert.Contains("/usr/bin/chromium-headless-shell", paths);
        Assert.True(paths.IndexOf("/usr/bin/chromium-headless-shell") < paths.IndexOf("/usr/bin/chromium"));
    }
}
