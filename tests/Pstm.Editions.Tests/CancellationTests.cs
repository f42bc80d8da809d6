namespace Pstm.Editions.Tests;

[Collection(nameof(BrowserProcesses))]
public class CancellationTests
{
    // Cancelled at a step of the build, not after a time: a fast machine would finish first.
    [Theory]
    [InlineData("ready to print")] // the browser is up, the tabs are opening
    [InlineData("printed")] // the first PDF is done, the others are printing
    public async Task Cancelling_a_build_ends_the_browser_and_writes_nothing(string step)
    {
        using var output = new TemporaryFolder();
        using var cancellation = new CancellationTokenSource();
        var request = BuiltBooklet.Request(output.Path) with
        {
            Locales = [],
            Targets = [],
            Progress = reported =>
            {
                if (reported.StartsWith(step, StringComparison.Ordinal))
                {
                    cancellation.Cancel();
                }
            },
        };

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => EditionBuilder.BuildAsync(request, cancellation.Token));

        Assert.True(cancellation.IsCancellationRequested);
        Assert.Empty(BrowserProcesses.EntriesBesidesTheLock(output.Path));
        Assert.Empty(BrowserProcesses.OwnDescendants());
    }
}
