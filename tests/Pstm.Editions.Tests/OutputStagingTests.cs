using Pstm.Diagnostics;

namespace Pstm.Editions.Tests;

public class OutputStagingTests
{
    [Fact]
    public void A_commit_that_cannot_move_every_file_puts_back_the_ones_it_moved()
    {
        using var output = new TemporaryFolder();
        File.WriteAllText(Path.Combine(output.Path, "a.txt"), "previous a");
        File.WriteAllText(Path.Combine(output.Path, "b.txt"), "previous b");
        // c.txt cannot take the place of a folder: the third move fails.
        Directory.CreateDirectory(Path.Combine(output.Path, "c.txt"));
        File.WriteAllText(Path.Combine(output.Path, "c.txt", "inside"), "kept");
        var diagnostics = new DiagnosticBag();

        using (var staging = new OutputStaging(output.Path))
        {
            staging.WriteAllText("a.txt", "new a");
            staging.WriteAllText("b.txt", "new b");
            staging.WriteAllText("b2.txt", "a file that was not there"); // moved, then removed again
            staging.WriteAllText("c.txt", "new c");

            Assert.Empty(staging.Commit(diagnostics));
        }

        Assert.Equal("PSTM0606", Assert.Single(diagnostics.ToSortedList()).Code);
        Assert.Equal("previous a", File.ReadAllText(Path.Combine(output.Path, "a.txt")));
        Assert.Equal("previous b", File.ReadAllText(Path.Combine(output.Path, "b.txt")));
        Assert.Equal("kept", File.ReadAllText(Path.Combine(output.Path, "c.txt", "inside")));
        Assert.Equal(["a.txt", "b.txt", "c.txt"], Directory.GetFileSystemEntries(output.Path).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_commit_moves_every_file_into_place_and_leaves_no_staging_behind()
    {
        using var output = new TemporaryFolder();
        File.WriteAllText(Path.Combine(output.Path, "a.txt"), "previous a");
        var diagnostics = new DiagnosticBag();

        using (var staging = new OutputStaging(output.Path))
        {
            staging.WriteAllText("a.txt", "new a");
            staging.WriteAllText(Path.Combine("it", "b.txt"), "new b");
            Assert.Equal(2, staging.Commit(diagnostics).Count);
        }

        Assert.Empty(diagnostics.ToSortedList());
        Assert.Equal("new a", File.ReadAllText(Path.Combine(output.Path, "a.txt")));
        Assert.Equal("new b", File.ReadAllText(Path.Combine(output.Path, "it", "b.txt")));
        Assert.Equal(["a.txt", "it"], Directory.GetFileSystemEntries(output.Path).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }
}
