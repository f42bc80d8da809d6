namespace Pstm.Pdf.Layout;

/// <summary>The scripts pstm evaluates in a loaded page to measure it, shipped inside this assembly.</summary>
internal static class LayoutScripts
{
    public static string OverflowProbe { get; } = Read("overflow-probe.js");

    public static string PageBox { get; } = Read("page-box.js");

    public static string PageHeadings { get; } = Read("page-headings.js");

    public static string PageSides { get; } = Read("page-sides.js");

    private static string Read(string name)
    {
        using var stream = typeof(LayoutScripts).Assembly.GetManifestResourceStream($"Pstm.Pdf.Layout.{name}")
            ?? throw new InvalidOperationException($"the script {name} is not embedded in {typeof(LayoutScripts).Assembly.GetName().Name}");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
