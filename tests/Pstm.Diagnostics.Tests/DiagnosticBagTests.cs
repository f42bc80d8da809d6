namespace Pstm.Diagnostics.Tests;

public class DiagnosticBagTests
{
    [Fact]
    public void Sorts_by_file_then_position_then_code()
    {
        var bag = new DiagnosticBag();
        bag.Add(new Diagnostic("PSTM0002", Severity.Error, SourceSpan.At("b.yaml", 1, 1), "b"));
        bag.Add(new Diagnostic("PSTM0301", Severity.Warning, SourceSpan.At("a.yaml", 9, 1), "a9"));
        bag.Add(new Diagnostic("PSTM0203", Severity.Info, SourceSpan.At("a.yaml", 2, 7), "a2b"));
        bag.Add(new Diagnostic("PSTM0101", Severity.Error, SourceSpan.At("a.yaml", 2, 7), "a2a"));

        Assert.Equal(["a2a", "a2b", "a9", "b"], bag.ToSortedList().Select(d => d.Message));
        Assert.True(bag.HasErrors);
        Assert.Equal((2, 1, 1), (bag.ErrorCount, bag.WarningCount, bag.InfoCount));
    }
}
